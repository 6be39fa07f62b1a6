import { toWireProviderToken, toWireTrustedDevice } from '../../domain/credentials.js';
import { newLinkToken } from '../../domain/testUsers.js';
import { invalid, missing } from '../../errors.js';
import type {
  LogoutUserBody,
  ProviderTokenQuery,
  ProviderTokenResponse,
  RemoveTrustedDevicesBody,
  TrustedDevicesBody,
  TrustedDevicesResponse,
  UsersAuthHistoryResponse,
  UsersAuthHistoryV2Body,
  UsersAuthHistoryV2Response,
} from '../../schemas/userSessions.js';
import type { VoidResponse } from '../../schemas/void.js';
import type { Services } from '../operation.js';
import { requireUser, selectedUser, selectorOf } from './lookup.js';

/** Logout, login history, trusted devices and provider tokens of users (descope-api.md 4.11, 4.12). */

/** Vendor behaviour (inferred): a refreshed provider token lives an hour, as OAuth providers commonly issue them. */
const PROVIDER_TOKEN_TTL_S = 3600;

export function logoutUser(services: Services, projectId: string, body: LogoutUserBody): VoidResponse {
  const { user } = selectedUser(services, projectId, selectorOf(body), body.userId);
  services.store.sessions.revoke(projectId, user.userId, services.now());
  return {};
}

/** Vendor behaviour (inferred): user IDs that name no user have no history and are skipped, not refused. */
export const usersAuthHistory = (
  services: Services,
  projectId: string,
  userIds: readonly string[],
): UsersAuthHistoryResponse => services.store.sessions.history(projectId, userIds);

/** v2 history: `{userIds}` in, `{usersAuthHistory}` out. */
export const usersAuthHistoryV2 = (
  services: Services,
  projectId: string,
  body: UsersAuthHistoryV2Body,
): UsersAuthHistoryV2Response => ({
  usersAuthHistory: usersAuthHistory(services, projectId, body.userIds ?? []),
});

export function listTrustedDevices(
  services: Services,
  projectId: string,
  body: TrustedDevicesBody,
): TrustedDevicesResponse {
  const identifiers = body.identifiers ?? [];
  if (identifiers.length === 0) throw missing('identifiers');
  // Vendor behaviour (inferred): an identifier that names no user fails the call (404 E112102), as for one user.
  const users = identifiers.map((identifier) => requireUser(services, projectId, identifier).user);
  const userIds = [...new Set(users.map((user) => user.userId))];
  const { credentials } = services.store;
  return {
    devices: userIds.flatMap((userId) =>
      credentials.trustedDevices(projectId, userId).map((device) => toWireTrustedDevice(device, userId)),
    ),
  };
}

export function removeTrustedDevices(
  services: Services,
  projectId: string,
  body: RemoveTrustedDevicesBody,
): VoidResponse {
  const deviceIds = body.deviceIds ?? [];
  const { user } = requireUser(services, projectId, selectorOf(body));
  if (deviceIds.length === 0) throw missing('deviceIds');
  // Vendor behaviour (inferred): device IDs the user does not hold are skipped without error.
  services.store.credentials.removeTrustedDevices(projectId, user.userId, deviceIds);
  return {};
}

/** The user's token at a provider; `forceRefresh=true` writes a new access token first. */
export function userProviderToken(
  services: Services,
  projectId: string,
  query: ProviderTokenQuery,
): ProviderTokenResponse {
  const { user } = requireUser(services, projectId, selectorOf(query));
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
}
