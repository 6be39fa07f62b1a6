import { z } from 'zod';
import { defineOperation, type Services } from '../../../app/operation.js';
import { toWireProviderToken, toWireTrustedDevice } from '../../../domain/credentials.js';
import { newLinkToken } from '../../../domain/testUsers.js';
import { invalid, missing } from '../../../errors.js';
import { VoidResponse } from '../../../schemas/void.js';
import { requireUser, selectedUser, selectorOf } from './mutate.js';
import { selectorFields } from './schemas.js';

/** Logout, login history, trusted devices and provider tokens of users (descope-api.md 4.11, 4.12). */
const tag = 'User sessions';

const LoginSchema = z.object({
  userId: z.string(),
  loginTime: z.number().int().describe('epoch seconds'),
  city: z.string(),
  country: z.string(),
  ip: z.string(),
  selectedTenant: z.string(),
});

const TrustedDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  deviceType: z.string(),
  userId: z.string(),
  lastLoginTime: z.string().describe('epoch seconds, int64 as a string'),
  expirationTime: z.string().describe('epoch seconds, int64 as a string'),
  lastLocation: z.string(),
  isCurrentDevice: z.boolean(),
});

/** Vendor behaviour (inferred): a refreshed provider token lives an hour, as OAuth providers commonly issue them. */
const PROVIDER_TOKEN_TTL_S = 3600;

/** Vendor behaviour (inferred): user IDs that name no user have no history and are skipped, not refused. */
const historyOf = (services: Services, projectId: string, userIds: readonly string[]) =>
  services.store.sessions.history(projectId, userIds);

/** `"true"` / `"false"` as the Node SDK sends them in the query; anything else but "true" is false. */
const queryFlag = z.string().optional().describe('"true" or "false"');

export const userSessionOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/logout',
    sdkMethods: ['management.user.logoutUser', 'management.user.logoutUserByUserId'],
    summary: 'Log a user out of every session (by loginId or userId)',
    operationId: 'LogoutAllUserDevices',
    tag,
    body: z.object({
      ...selectorFields,
      userId: z.string().optional(),
      sessionTypes: z
        .array(z.string())
        .optional()
        .describe('Go SDK; every session is revoked whatever it says'),
    }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        const user = selectedUser(services, projectId, selectorOf(body), body.userId);
        services.store.sessions.revoke(projectId, user.userId, services.now());
        return {};
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/history',
    sdkMethods: ['management.user.history'],
    summary: "Users' login history: a bare JSON array of user IDs in, a bare array of sign-ins out",
    operationId: 'UsersAuthHistory',
    tag,
    body: z.array(z.string()),
    response: z.array(LoginSchema),
    handler: ({ body, projectId, services }) => historyOf(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v2/mgmt/user/history',
    sdkMethods: [],
    summary: "Users' login history (v2: {userIds} in, {usersAuthHistory} out)",
    operationId: 'UsersAuthHistoryV2',
    tag,
    body: z.object({ userIds: z.array(z.string()).optional() }),
    response: z.object({ usersAuthHistory: z.array(LoginSchema) }),
    handler: ({ body, projectId, services }) => ({
      usersAuthHistory: historyOf(services, projectId, body.userIds ?? []),
    }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/trusteddevices/list',
    sdkMethods: ['management.user.listTrustedDevices'],
    summary: 'List the trusted devices of users named by login ID or user ID',
    operationId: 'ListTrustedDevicesForUsers',
    tag,
    body: z.object({ identifiers: z.array(z.string()).optional() }),
    response: z.object({ devices: z.array(TrustedDeviceSchema) }),
    handler: ({ body, projectId, services }) => {
      const identifiers = body.identifiers ?? [];
      if (identifiers.length === 0) throw missing('identifiers');
      // Vendor behaviour (inferred): an identifier that names no user fails the call (404 E112102), as for one user.
      const users = identifiers.map((identifier) => requireUser(services, projectId, identifier));
      const userIds = [...new Set(users.map((user) => user.userId))];
      const { credentials } = services.store;
      return {
        devices: userIds.flatMap((userId) =>
          credentials.trustedDevices(projectId, userId).map((device) => toWireTrustedDevice(device, userId)),
        ),
      };
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/trusteddevices/remove',
    sdkMethods: ['management.user.removeTrustedDevices'],
    summary: "Remove some of a user's trusted devices by ID (Node sends the user as identifier)",
    operationId: 'UpdateUserRemoveTrustedDevices',
    tag,
    body: z.object({ ...selectorFields, deviceIds: z.array(z.string()).optional() }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) => {
      const deviceIds = body.deviceIds ?? [];
      const user = requireUser(services, projectId, selectorOf(body));
      if (deviceIds.length === 0) throw missing('deviceIds');
      // Vendor behaviour (inferred): device IDs the user does not hold are skipped without error.
      services.store.credentials.removeTrustedDevices(projectId, user.userId, deviceIds);
      return {};
    },
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/user/provider/token',
    sdkMethods: ['management.user.getProviderToken'],
    summary: "The user's access token at a social provider (manage tokens from provider)",
    operationId: 'GetUserProviderToken',
    tag,
    query: z.object({
      loginId: z.string().optional(),
      identifier: z.string().optional(),
      provider: z.string().optional(),
      withRefreshToken: queryFlag,
      forceRefresh: queryFlag,
    }),
    response: z.object({
      provider: z.string(),
      providerUserId: z.string(),
      accessToken: z.string(),
      expiration: z.number().int().describe('epoch seconds'),
      scopes: z.array(z.string()),
      refreshToken: z.string(),
    }),
    handler: ({ query, projectId, services }) =>
      services.store.transaction(() => {
        const user = requireUser(services, projectId, selectorOf(query));
        if (!query.provider) throw missing('provider');
        const { credentials } = services.store;
        let token = credentials.providerToken(projectId, user.userId, query.provider);
        // Vendor behaviour (inferred): a user without a token for this provider (never signed in with it, or
        // the provider's tokens are not managed) is a bad argument, 400 E011004.
        if (!token) throw invalid(`User has no token for provider "${query.provider}"`);
        if (query.forceRefresh === 'true') {
          // Vendor behaviour (inferred): a forced refresh issues a new access token valid for an hour.
          const expiration = Math.floor(services.now() / 1000) + PROVIDER_TOKEN_TTL_S;
          token = { ...token, accessToken: `mock-access-${newLinkToken()}`, expiration };
          credentials.setProviderToken(projectId, user.userId, token);
        }
        return toWireProviderToken(token, query.withRefreshToken === 'true');
      }),
  }),
];
