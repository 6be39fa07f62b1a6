import { z } from 'zod';
import { prepareBatchUser } from '../../../domain/userBatch.js';
import type { CreateUserInput } from '../../../domain/userCreate.js';
import { toWireUser } from '../../../domain/wire.js';
import { missing } from '../../../errors.js';
import { UserResponseSchema } from '../../../schemas/user.js';
import { defineOperation, type Services } from '../../operation.js';
import { inviteUser } from './invite.js';
import { insertPreparedUser, selectedUser, selectorOf } from './mutate.js';
import {
  type CreateUserBody,
  CreateUserBody as CreateUserBodySchema,
  selectorFields,
  VoidResponse,
} from './schemas.js';

/** Create, load and delete one user (descope-api.md 4.1, 4.7, 4.8). */
const tag = 'User';

/** A create body with its aliases resolved into the domain's input. */
function createInputOf(body: CreateUserBody): CreateUserInput {
  return {
    ...body,
    loginId: selectorOf(body),
    phone: body.phone ?? body.phoneNumber,
    name: body.displayName ?? body.name,
    additionalLoginIds: body.additionalLoginIds ?? body.additionalIdentifiers,
    ssoAppIds: body.ssoAppIds ?? body.ssoAppIDs,
  };
}

function createUser(services: Services, projectId: string, body: CreateUserBody, test: boolean) {
  const { store } = services;
  return store.transaction(() => {
    const catalog = store.catalog.forProject(projectId);
    const input = createInputOf(body);
    if (!input.loginId) throw missing('loginId');
    if (body.invite) {
      // Inviting an existing login ID or user ID re-sends the invitation instead of failing (Go SDK doc).
      return inviteUser(
        services,
        projectId,
        { ...input, loginId: input.loginId, test: test || body.test === true },
        body,
      );
    }
    const nowMs = services.now();
    // A password (cleartext or hashed) is checked and kept as create/batch does (CreateUser in the spec).
    const { user, passwordHash } = prepareBatchUser(
      {
        ...input,
        // SDKs that always send the key send "" for no password: proto3's unset string.
        password: body.password || undefined,
        hashedPassword: body.hashedPassword,
        test: test || body.test === true,
      },
      catalog,
      nowMs,
    );
    // Vendor behaviour (inferred): a login ID already in use is 400 E011004 (the store's unique index).
    insertPreparedUser(services, projectId, { user, passwordHash });
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
