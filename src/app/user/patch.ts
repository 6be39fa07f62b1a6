import { requestedUser } from '../../domain/userBatch.js';
import { patchUser as patchRecord, replaceUser } from '../../domain/userModify.js';
import { toWireUser } from '../../domain/wire.js';
import { DescopeError, missing } from '../../errors.js';
import type { UserResponse } from '../../schemas/user.js';
import type {
  PatchBatchBody,
  PatchBatchResponse,
  PatchUserBody,
  UpdateUserBody,
} from '../../schemas/userPatch.js';
import type { Services } from '../operation.js';
import { attributesOf } from './attributes.js';
import { selectorOf } from './lookup.js';
import { mutateUser } from './mutate.js';

/** Full update, patch and batch patch of users (descope-api.md 4.4, 4.5). */

export const updateUser = (services: Services, projectId: string, body: UpdateUserBody): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
    replaceUser(user, attributesOf(body), ctx),
  );

export const patchUser = (services: Services, projectId: string, body: PatchUserBody): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
    patchRecord(user, attributesOf(body), ctx),
  );

/**
 * patch/batch. Each user is patched in its own savepoint (a nested transaction), so a user whose write
 * fails half-way (a login ID another user holds) is rolled back alone: a missing user or a bad value is a
 * `failedUsers` item, not a failed call. Vendor behaviour (inferred): from Go's fixture, where the failure
 * reads "User not found".
 */
export function patchUsers(services: Services, projectId: string, body: PatchBatchBody): PatchBatchResponse {
  const users = body.users;
  if (!users?.length) throw missing('users');
  const { store } = services;
  const catalog = store.catalog.forProject(projectId);
  const response: PatchBatchResponse = { patchedUsers: [], failedUsers: [], additionalErrors: {} };
  for (const item of users) {
    try {
      response.patchedUsers.push(store.transaction(() => patchUser(services, projectId, item)).user);
    } catch (error) {
      if (!(error instanceof DescopeError)) throw error;
      const failed = requestedUser({ ...attributesOf(item), loginId: selectorOf(item) });
      response.failedUsers.push({ failure: error.message, user: toWireUser(failed, catalog) });
    }
  }
  return response;
}
