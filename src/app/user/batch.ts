import type { Catalog } from '../../domain/catalog.js';
import type { UserRecord } from '../../domain/user.js';
import { requestedUser } from '../../domain/userBatch.js';
import { toWireUser } from '../../domain/wire.js';
import { DescopeError, missing } from '../../errors.js';
import type { User } from '../../schemas/user.js';
import type {
  BatchUserSchema,
  CreateBatchBody,
  CreateBatchResponse,
  DeleteBatchBody,
  LoadUsersBody,
  LoadUsersResponse,
} from '../../schemas/userBatch.js';
import type { VoidResponse } from '../../schemas/void.js';
import type { Services } from '../operation.js';
import { attributesOf } from './attributes.js';
import { sendInvitations } from './invite.js';
import { existingUser, selectorOf } from './lookup.js';
import { insertNewUser } from './mutate.js';

/** Batch create and invite, batch delete, delete of all test users, load of many users (4.3, 4.7, 4.8). */

/**
 * create/batch. Each user is validated and written in its own savepoint (a nested transaction): a failed
 * one writes nothing and becomes a `failedUsers` item, the others land. An invited existing user is
 * re-invited and listed as created.
 */
export function createUsers(
  services: Services,
  projectId: string,
  body: CreateBatchBody,
): CreateBatchResponse {
  const { store } = services;
  if (!body.users?.length) throw missing('users');
  const catalog = store.catalog.forProject(projectId);
  const response: CreateBatchResponse = { createdUsers: [], failedUsers: [], additionalErrors: {} };
  for (const item of body.users) {
    try {
      const user = store.transaction(() => writeBatchUser(services, projectId, item, body, catalog));
      response.createdUsers.push(toWireUser(user, catalog));
    } catch (error) {
      if (!(error instanceof DescopeError)) throw error;
      const input = attributesOf(item);
      const failed = requestedUser({ ...input, loginId: selectorOf(item) });
      response.failedUsers.push({ failure: error.message, user: toWireUser(failed, catalog) });
    }
  }
  return response;
}

function writeBatchUser(
  services: Services,
  projectId: string,
  item: BatchUserSchema,
  body: CreateBatchBody,
  catalog: Catalog,
): UserRecord {
  const loginId = selectorOf(item);
  if (!loginId) throw missing('loginId');
  if (body.invite) {
    const existing = existingUser(services, projectId, loginId)?.user;
    if (existing) {
      sendInvitations(services, projectId, existing, body);
      return existing;
    }
  }
  const user = insertNewUser(services, projectId, { ...item, ...attributesOf(item), loginId }, catalog);
  if (body.invite) sendInvitations(services, projectId, user, body);
  return user;
}

/** delete/batch. Vendor behaviour (inferred): an unknown user ID is skipped, as a batch cleanup expects. */
export function deleteUsers(services: Services, projectId: string, body: DeleteBatchBody): VoidResponse {
  if (!body.userIds?.length) throw missing('userIds');
  for (const userId of body.userIds) services.store.users.delete(projectId, userId);
  return {};
}

export function deleteAllTestUsers(services: Services, projectId: string): VoidResponse {
  services.store.users.deleteTestUsers(projectId);
  return {};
}

/** users/load: the users in the request's order, without the disabled and expired ones unless asked. */
export function loadUsers(services: Services, projectId: string, body: LoadUsersBody): LoadUsersResponse {
  // Vendor behaviour (inferred): an empty list is refused, as the Go SDK refuses it before sending.
  if (!body.userIds?.length) throw missing('userIds');
  const { store } = services;
  const catalog = store.catalog.forProject(projectId);
  const users: User[] = [];
  // Vendor behaviour (inferred): unknown user IDs are simply absent; the order is the request's.
  for (const userId of new Set(body.userIds)) {
    const user = store.users.findByUserId(projectId, userId)?.user;
    if (!user) continue;
    if (!body.includeInvalidUsers && (user.status === 'disabled' || user.status === 'expired')) continue;
    users.push(toWireUser(user, catalog));
  }
  return { users, total: users.length };
}
