import { namedUserEvent } from '../../../app/auditEvents.js';
import { defineOperation, notAudited } from '../../../app/operation.js';
import {
  listTrustedDevices,
  logoutUser,
  removeTrustedDevices,
  userProviderToken,
  usersAuthHistory,
  usersAuthHistoryV2,
} from '../../../app/user/sessions.js';
import {
  LogoutUserBody,
  ProviderTokenQuery,
  ProviderTokenResponse,
  RemoveTrustedDevicesBody,
  TrustedDevicesBody,
  TrustedDevicesResponse,
  UsersAuthHistoryBody,
  UsersAuthHistoryResponse,
  UsersAuthHistoryV2Body,
  UsersAuthHistoryV2Response,
} from '../../../schemas/userSessions.js';
import { VoidResponse } from '../../../schemas/void.js';

/** Logout, login history, trusted devices and provider tokens of users (descope-api.md 4.11, 4.12). */
const tag = 'User sessions';

export const userSessionOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/logout',
    sdkMethods: ['management.user.logoutUser', 'management.user.logoutUserByUserId'],
    summary: 'Log a user out of every session (by loginId or userId)',
    operationId: 'LogoutAllUserDevices',
    tag,
    body: LogoutUserBody,
    response: VoidResponse,
    audit: notAudited('ends sessions, changes no user: no documented event'),
    handler: ({ body, projectId, services }) => logoutUser(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/history',
    sdkMethods: ['management.user.history'],
    summary: "Users' login history: a bare JSON array of user IDs in, a bare array of sign-ins out",
    operationId: 'UsersAuthHistory',
    tag,
    body: UsersAuthHistoryBody,
    response: UsersAuthHistoryResponse,
    readOnly: true,
    handler: ({ body, projectId, services }) => usersAuthHistory(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v2/mgmt/user/history',
    sdkMethods: [],
    summary: "Users' login history (v2: {userIds} in, {usersAuthHistory} out)",
    operationId: 'UsersAuthHistoryV2',
    tag,
    body: UsersAuthHistoryV2Body,
    response: UsersAuthHistoryV2Response,
    readOnly: true,
    handler: ({ body, projectId, services }) => usersAuthHistoryV2(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/trusteddevices/list',
    sdkMethods: ['management.user.listTrustedDevices'],
    summary: 'List the trusted devices of users named by login ID or user ID',
    operationId: 'ListTrustedDevicesForUsers',
    tag,
    body: TrustedDevicesBody,
    response: TrustedDevicesResponse,
    readOnly: true,
    handler: ({ body, projectId, services }) => listTrustedDevices(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/trusteddevices/remove',
    sdkMethods: ['management.user.removeTrustedDevices'],
    summary: "Remove some of a user's trusted devices by ID (Node sends the user as identifier)",
    operationId: 'UpdateUserRemoveTrustedDevices',
    tag,
    body: RemoveTrustedDevicesBody,
    response: VoidResponse,
    audit: namedUserEvent('UserModified'),
    handler: ({ body, projectId, services }) => removeTrustedDevices(services, projectId, body),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/user/provider/token',
    sdkMethods: ['management.user.getProviderToken'],
    summary: "The user's access token at a social provider (manage tokens from provider)",
    operationId: 'GetUserProviderToken',
    tag,
    query: ProviderTokenQuery,
    response: ProviderTokenResponse,
    // A GET that writes: forceRefresh=true stores a new access token.
    readOnly: false,
    audit: notAudited('a read that may refresh a stored provider token'),
    handler: ({ query, projectId, services }) => userProviderToken(services, projectId, query),
  }),
];
