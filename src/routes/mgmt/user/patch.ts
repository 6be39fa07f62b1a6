import { answeredUserIds, userAnswerEvent, usersEvent } from '../../../app/auditEvents.js';
import { defineOperation } from '../../../app/operation.js';
import { patchUser, patchUsers, updateUser } from '../../../app/user/patch.js';
import { UserResponse } from '../../../schemas/user.js';
import {
  PatchBatchBody,
  PatchBatchResponse,
  PatchUserBody,
  UpdateUserBody,
} from '../../../schemas/userPatch.js';

/** Full update, patch and batch patch of users (descope-api.md 4.4, 4.5). */
const tag = 'User';

export const userPatchOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update',
    sdkMethods: ['management.user.update'],
    summary: 'Replace a user: attributes not given are cleared; login IDs, status and credentials stay',
    operationId: 'UpdateUser',
    tag,
    body: UpdateUserBody,
    response: UserResponse,
    audit: userAnswerEvent('UserModified'),
    handler: ({ body, projectId, services }) => updateUser(services, projectId, body),
  }),
  defineOperation({
    method: 'PATCH',
    path: '/v1/mgmt/user/patch',
    sdkMethods: ['management.user.patch'],
    summary: 'Change only the attributes given (an empty list clears it)',
    operationId: 'PatchUser',
    tag,
    body: PatchUserBody,
    response: UserResponse,
    audit: userAnswerEvent('UserModified'),
    handler: ({ body, projectId, services }) => patchUser(services, projectId, body),
  }),
  defineOperation({
    method: 'PATCH',
    path: '/v1/mgmt/user/patch/batch',
    sdkMethods: ['management.user.patchBatch'],
    summary: 'Patch many users; a missing user or bad value is reported per user',
    operationId: 'PatchUserBatch',
    tag,
    body: PatchBatchBody,
    response: PatchBatchResponse,
    audit: usersEvent('UsersModified', answeredUserIds('patchedUsers')),
    handler: ({ body, projectId, services }) => patchUsers(services, projectId, body),
  }),
];
