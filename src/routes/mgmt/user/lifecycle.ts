import { z } from 'zod';
import { defineOperation, type Services } from '../../../app/operation.js';
import { toWireUser } from '../../../domain/wire.js';
import { missing } from '../../../errors.js';
import { UserResponseSchema } from '../../../schemas/user.js';
import { VoidResponse } from '../../../schemas/void.js';
import { inviteUser } from './invite.js';
import { attributesOf } from './lifecycleSchemas.js';
import { insertNewUser, selectedUser, selectorOf } from './mutate.js';
import { type CreateUserBody, CreateUserBody as CreateUserBodySchema, selectorFields } from './schemas.js';

/** Create, load and delete one user (descope-api.md 4.1, 4.7, 4.8). */
const tag = 'User';

function createUser(services: Services, projectId: string, body: CreateUserBody, test: boolean) {
  const { store } = services;
  return store.transaction(() => {
    const catalog = store.catalog.forProject(projectId);
    const loginId = selectorOf(body);
    if (!loginId) throw missing('loginId');
    const input = { ...attributesOf(body), loginId, test: test || body.test === true };
    if (body.invite) {
      // Inviting an existing login ID or user ID re-sends the invitation instead of failing (Go SDK doc).
      return inviteUser(services, projectId, input, body);
    }
    // A password (cleartext or hashed) is checked and kept as create/batch does (CreateUser in the spec).
    const user = insertNewUser(
      services,
      projectId,
      {
        ...input,
        // SDKs that always send the key send "" for no password: proto3's unset string.
        password: body.password || undefined,
        hashedPassword: body.hashedPassword,
      },
      catalog,
    );
    return { user: toWireUser(user, catalog), created: true };
  });
}

export const userLifecycleOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/create',
    sdkMethods: ['management.user.create', 'management.user.invite'],
    summary: 'Create a user (status "invited"), or invite one with invite: true',
    operationId: 'CreateUser',
    tag,
    body: CreateUserBodySchema,
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) => createUser(services, projectId, body, false),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/create/test',
    sdkMethods: ['management.user.createTestUser'],
    summary: 'Create a test user (test: true)',
    operationId: 'CreateTestUser',
    tag,
    body: CreateUserBodySchema,
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) => createUser(services, projectId, body, true),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/user',
    sdkMethods: ['management.user.load', 'management.user.loadByUserId'],
    summary: 'Load a user by loginId (a login ID or user ID), userId or identifier',
    operationId: 'LoadUser',
    tag,
    query: z.object({
      loginId: z.string().optional(),
      userId: z.string().optional(),
      identifier: z.string().optional(),
    }),
    response: UserResponseSchema,
    handler: ({ query, projectId, services }) => {
      const user = selectedUser(services, projectId, query.loginId || query.identifier, query.userId);
      return { user: toWireUser(user, services.store.catalog.forProject(projectId)), created: false };
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/delete',
    sdkMethods: ['management.user.delete', 'management.user.deleteByUserId'],
    summary: 'Delete a user by loginId (a login ID or user ID) or userId',
    operationId: 'DeleteUser',
    tag,
    body: z.object({ ...selectorFields, userId: z.string().optional() }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        // The Go SDK sends both keys, one of them empty.
        const user = selectedUser(services, projectId, selectorOf(body), body.userId);
        services.store.users.delete(projectId, user.userId);
        return {};
      }),
  }),
];
