import { answeredUserIds, bodyIds, usersEvent } from '../../../app/auditEvents.js';
import { defineOperation } from '../../../app/operation.js';
import { createUsers, deleteAllTestUsers, deleteUsers, loadUsers } from '../../../app/user/batch.js';
import {
  CreateBatchBody,
  CreateBatchResponse,
  DeleteBatchBody,
  LoadUsersBody,
  LoadUsersResponse,
} from '../../../schemas/userBatch.js';
import { VoidResponse } from '../../../schemas/void.js';

/** Batch create and invite, batch delete, delete of all test users, load of many users (4.3, 4.7, 4.8). */
const tag = 'User';

export const userBatchOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/create/batch',
    sdkMethods: ['management.user.createBatch', 'management.user.inviteBatch'],
    summary: 'Create (or, with invite: true, invite) many users; each failure is reported, not fatal',
    operationId: 'CreateUsers',
    tag,
    body: CreateBatchBody,
    response: CreateBatchResponse,
    audit: usersEvent('UsersCreated', answeredUserIds('createdUsers')),
    handler: ({ body, projectId, services }) => createUsers(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/delete/batch',
    sdkMethods: ['management.user.deleteBatch'],
    summary: 'Delete users by user ID; unknown IDs are skipped',
    operationId: 'DeleteUsers',
    tag,
    body: DeleteBatchBody,
    response: VoidResponse,
    audit: usersEvent('UsersDeleted', bodyIds('userIds')),
    handler: ({ body, projectId, services }) => deleteUsers(services, projectId, body),
  }),
  defineOperation({
    method: 'DELETE',
    path: '/v1/mgmt/user/test/delete/all',
    sdkMethods: ['management.user.deleteAllTestUsers'],
    summary: 'Delete every test user of the project (other users stay)',
    operationId: 'DeleteAllTestUsers',
    tag,
    response: VoidResponse,
    audit: () => ({ action: 'UsersDeleted', data: { test: true } }),
    handler: ({ projectId, services }) => deleteAllTestUsers(services, projectId),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/users/load',
    sdkMethods: ['management.user.loadUsers'],
    summary: 'Load users by user ID; disabled and expired ones only with includeInvalidUsers',
    operationId: 'LoadUsers',
    tag,
    body: LoadUsersBody,
    response: LoadUsersResponse,
    readOnly: true,
    handler: ({ body, projectId, services }) => loadUsers(services, projectId, body),
  }),
];
