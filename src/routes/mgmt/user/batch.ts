import { z } from 'zod';
import { defineOperation, type Services } from '../../../app/operation.js';
import type { Catalog } from '../../../domain/catalog.js';
import { requestedUser } from '../../../domain/userBatch.js';
import { toWireUser } from '../../../domain/wire.js';
import { DescopeError, missing } from '../../../errors.js';
import { UserSchema } from '../../../schemas/user.js';
import { VoidResponse } from '../../../schemas/void.js';
import { sendInvitations } from './invite.js';
import { attributesOf, type BatchUserItem, CreateBatchBody } from './lifecycleSchemas.js';
import { existingUser, insertNewUser, selectorOf } from './mutate.js';

/** Batch create and invite, batch delete, delete of all test users, load of many users (4.3, 4.7, 4.8). */
const tag = 'User';

export const FailedUserSchema = z.object({ failure: z.string(), user: UserSchema });
const BatchResponseSchema = z.object({
  createdUsers: z.array(UserSchema),
  failedUsers: z.array(FailedUserSchema),
  additionalErrors: z.record(z.string(), z.string()),
});

/**
 * Each user is validated and written in its own savepoint: a failed one writes nothing and becomes a
 * `failedUsers` item, the others land. An invited existing user is re-invited and listed as created.
 */
function createBatch(services: Services, projectId: string, body: CreateBatchBody) {
  const { store } = services;
  if (!body.users?.length) throw missing('users');
  return store.transaction(() => {
    const catalog = store.catalog.forProject(projectId);
    const response: z.infer<typeof BatchResponseSchema> = {
      createdUsers: [],
      failedUsers: [],
      additionalErrors: {},
    };
    for (const item of body.users ?? []) {
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
  });
}

function writeBatchUser(
  services: Services,
  projectId: string,
  item: BatchUserItem,
  body: CreateBatchBody,
  catalog: Catalog,
) {
  const loginId = selectorOf(item);
  if (!loginId) throw missing('loginId');
  if (body.invite) {
    const existing = existingUser(services, projectId, loginId);
    if (existing) {
      sendInvitations(services, projectId, existing, body);
      return existing;
    }
  }
  const user = insertNewUser(services, projectId, { ...item, ...attributesOf(item), loginId }, catalog);
  if (body.invite) sendInvitations(services, projectId, user, body);
  return user;
}

const UserIdsField = z.array(z.string()).optional();

export const userBatchOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/create/batch',
    sdkMethods: ['management.user.createBatch', 'management.user.inviteBatch'],
    summary: 'Create (or, with invite: true, invite) many users; each failure is reported, not fatal',
    operationId: 'CreateUsers',
    tag,
    body: CreateBatchBody,
    response: BatchResponseSchema,
    handler: ({ body, projectId, services }) => createBatch(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/delete/batch',
    sdkMethods: ['management.user.deleteBatch'],
    summary: 'Delete users by user ID; unknown IDs are skipped',
    operationId: 'DeleteUsers',
    tag,
    body: z.object({ userIds: UserIdsField }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) => {
      if (!body.userIds?.length) throw missing('userIds');
      const userIds = body.userIds;
      return services.store.transaction(() => {
        // Vendor behaviour (inferred): an unknown user ID is skipped, as a batch cleanup expects.
        for (const userId of userIds) services.store.users.delete(projectId, userId);
        return {};
      });
    },
  }),
  defineOperation({
    method: 'DELETE',
    path: '/v1/mgmt/user/test/delete/all',
    sdkMethods: ['management.user.deleteAllTestUsers'],
    summary: 'Delete every test user of the project (other users stay)',
    operationId: 'DeleteAllTestUsers',
    tag,
    response: VoidResponse,
    handler: ({ projectId, services }) =>
      services.store.transaction(() => {
        services.store.users.deleteTestUsers(projectId);
        return {};
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/users/load',
    sdkMethods: ['management.user.loadUsers'],
    summary: 'Load users by user ID; disabled and expired ones only with includeInvalidUsers',
    operationId: 'LoadUsers',
    tag,
    body: z.object({ userIds: UserIdsField, includeInvalidUsers: z.boolean().optional() }),
    response: z.object({ users: z.array(UserSchema), total: z.number().int() }),
    handler: ({ body, projectId, services }) => {
      // Vendor behaviour (inferred): an empty list is refused, as the Go SDK refuses it before sending.
      if (!body.userIds?.length) throw missing('userIds');
      const { store } = services;
      const catalog = store.catalog.forProject(projectId);
      const users = [];
      // Vendor behaviour (inferred): unknown user IDs are simply absent; the order is the request's.
      for (const userId of new Set(body.userIds)) {
        const user = store.users.findByUserId(projectId, userId);
        if (!user) continue;
        if (!body.includeInvalidUsers && (user.status === 'disabled' || user.status === 'expired')) continue;
        users.push(toWireUser(user, catalog));
      }
      return { users, total: users.length };
    },
  }),
];
