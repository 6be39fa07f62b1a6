import { namedUserEvent, userAnswerEvent } from '../../../app/auditEvents.js';
import { defineOperation } from '../../../app/operation.js';
import { createUser, deleteUser, loadUser } from '../../../app/user/lifecycle.js';
import { UserResponse } from '../../../schemas/user.js';
import { CreateUserBody, DeleteUserBody, LoadUserQuery } from '../../../schemas/userLifecycle.js';
import { VoidResponse } from '../../../schemas/void.js';

/** Create, load and delete one user (descope-api.md 4.1, 4.7, 4.8). */
const tag = 'User';

export const userLifecycleOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/create',
    sdkMethods: ['management.user.create', 'management.user.invite'],
    summary: 'Create a user (status "invited"), or invite one with invite: true',
    operationId: 'CreateUser',
    tag,
    body: CreateUserBody,
    response: UserResponse,
    audit: userAnswerEvent('UserCreated'),
    handler: ({ body, projectId, services }) => createUser(services, projectId, body, false),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/create/test',
    sdkMethods: ['management.user.createTestUser'],
    summary: 'Create a test user (test: true)',
    operationId: 'CreateTestUser',
    tag,
    body: CreateUserBody,
    response: UserResponse,
    audit: userAnswerEvent('UserCreated'),
    handler: ({ body, projectId, services }) => createUser(services, projectId, body, true),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/user',
    sdkMethods: ['management.user.load', 'management.user.loadByUserId'],
    summary: 'Load a user by loginId (a login ID or user ID), userId or identifier',
    operationId: 'LoadUser',
    tag,
    query: LoadUserQuery,
    response: UserResponse,
    handler: ({ query, projectId, services }) => loadUser(services, projectId, query),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/delete',
    sdkMethods: ['management.user.delete', 'management.user.deleteByUserId'],
    summary: 'Delete a user by loginId (a login ID or user ID) or userId',
    operationId: 'DeleteUser',
    tag,
    body: DeleteUserBody,
    response: VoidResponse,
    audit: namedUserEvent('UserDeleted'),
    handler: ({ body, projectId, services }) => deleteUser(services, projectId, body),
  }),
];
