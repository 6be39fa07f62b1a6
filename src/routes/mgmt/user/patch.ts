import { z } from 'zod';
import { defineOperation, type Services } from '../../../app/operation.js';
import { requestedUser } from '../../../domain/userBatch.js';
import { patchUser, replaceUser } from '../../../domain/userModify.js';
import { toWireUser } from '../../../domain/wire.js';
import { DescopeError, missing } from '../../../errors.js';
import { UserResponseSchema, UserSchema } from '../../../schemas/user.js';
import { FailedUserSchema } from './batch.js';
import {
  attributesOf,
  PatchBatchBody,
  type PatchUserBody,
  PatchUserBody as PatchUserBodySchema,
  UpdateUserBody,
} from './lifecycleSchemas.js';
import { mutateUser, selectorOf } from './mutate.js';

/** Full update, patch and batch patch of users (descope-api.md 4.4, 4.5). */
const tag = 'User';

const patchOne = (services: Services, projectId: string, body: PatchUserBody) =>
  mutateUser(services, projectId, selectorOf(body), (user, ctx) => patchUser(user, attributesOf(body), ctx));

/**
 * Each user is patched in its own savepoint: a missing user or a bad value is a `failedUsers` item, not a
 * failed call. Vendor behaviour (inferred): from Go's fixture, where the failure reads "User not found".
 */
function patchBatch(services: Services, projectId: string, users: PatchUserBody[] | undefined) {
  if (!users?.length) throw missing('users');
  const { store } = services;
  return store.transaction(() => {
    const catalog = store.catalog.forProject(projectId);
    const response = {
      patchedUsers: [] as z.infer<typeof UserSchema>[],
      failedUsers: [] as z.infer<typeof FailedUserSchema>[],
      additionalErrors: {},
    };
    for (const item of users) {
      try {
        // patchOne's transaction nests as a savepoint: a failed user is rolled back alone.
        response.patchedUsers.push(patchOne(services, projectId, item).user);
      } catch (error) {
        if (!(error instanceof DescopeError)) throw error;
        const failed = requestedUser({ ...attributesOf(item), loginId: selectorOf(item) });
        response.failedUsers.push({ failure: error.message, user: toWireUser(failed, catalog) });
      }
    }
    return response;
  });
}

export const userPatchOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update',
    sdkMethods: ['management.user.update'],
    summary: 'Replace a user: attributes not given are cleared; login IDs, status and credentials stay',
    operationId: 'UpdateUser',
    tag,
    body: UpdateUserBody,
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
        replaceUser(user, attributesOf(body), ctx),
      ),
  }),
  defineOperation({
    method: 'PATCH',
    path: '/v1/mgmt/user/patch',
    sdkMethods: ['management.user.patch'],
    summary: 'Change only the attributes given (an empty list clears it)',
    operationId: 'PatchUser',
    tag,
    body: PatchUserBodySchema,
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) => patchOne(services, projectId, body),
  }),
  defineOperation({
    method: 'PATCH',
    path: '/v1/mgmt/user/patch/batch',
    sdkMethods: ['management.user.patchBatch'],
    summary: 'Patch many users; a missing user or bad value is reported per user',
    operationId: 'PatchUserBatch',
    tag,
    body: PatchBatchBody,
    response: z.object({
      patchedUsers: z.array(UserSchema),
      failedUsers: z.array(FailedUserSchema),
      additionalErrors: z.record(z.string(), z.string()),
    }),
    handler: ({ body, projectId, services }) => patchBatch(services, projectId, body.users),
  }),
];
