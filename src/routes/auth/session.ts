import { defineOperation } from '../../app/operation.js';
import {
  logout,
  logoutAll,
  me,
  myHistory,
  myTenants,
  refreshSession,
  selectTenant,
  tryRefreshSession,
  validateSession,
} from '../../app/sessions.js';
import {
  JwtResponseSchema,
  LogoutBody,
  MyHistoryResponse,
  MyTenantsBody,
  MyTenantsResponse,
  OptionalJwtResponseSchema,
  RefreshSessionBody,
  RefreshSessionQuery,
  SelectTenantBody,
  ValidateSessionResponse,
} from '../../schemas/session.js';
import { UserSchema } from '../../schemas/user.js';
import { VoidResponse } from '../../schemas/void.js';

/**
 * The session endpoints (descope-auth-api.md §5), behind `Bearer <projectId>:<refreshJwt>` or the DSR cookie
 * (`validate`: the session token). None writes but the logouts, which revoke in a transaction of their own
 * after the token's check (`awaits`); the others only read, and await signing.
 */
const tag = 'Session';

export const sessionOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/auth/refresh',
    sdkMethods: ['refreshSession', 'validateAndRefreshSession', 'refresh'],
    summary: 'A new session token under the refresh token (bearer or DSR cookie), not rotated',
    operationId: 'RefreshSession',
    tag,
    body: RefreshSessionBody,
    query: RefreshSessionQuery,
    response: JwtResponseSchema,
    readOnly: true,
    handler: ({ projectId, services, caller, cookies }) =>
      refreshSession(services, projectId, caller, cookies),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/try-refresh',
    sdkMethods: [],
    summary: 'A refresh, or {} when there is no valid refresh token',
    operationId: 'TryRefreshSession',
    tag,
    body: RefreshSessionBody,
    query: RefreshSessionQuery,
    response: OptionalJwtResponseSchema,
    readOnly: true,
    handler: ({ projectId, services, caller, cookies }) =>
      tryRefreshSession(services, projectId, caller, cookies),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/logout',
    sdkMethods: ['logout'],
    summary: 'Revokes the refresh token; in cookie mode, expires the cookies',
    operationId: 'Logout',
    tag,
    body: LogoutBody,
    response: VoidResponse,
    awaits: true,
    handler: ({ projectId, services, caller, cookies }) => logout(services, projectId, caller, cookies),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/logoutall',
    sdkMethods: ['logoutAll'],
    summary: "Revokes every session of the refresh token's user",
    operationId: 'LogoutAllDevices',
    tag,
    body: LogoutBody,
    response: VoidResponse,
    awaits: true,
    handler: ({ projectId, services, caller, cookies }) => logoutAll(services, projectId, caller, cookies),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/auth/me',
    sdkMethods: ['me'],
    summary: "The refresh token's user, at the root (ResponseUser)",
    operationId: 'Me',
    tag,
    response: UserSchema,
    handler: ({ projectId, services, caller }) => me(services, projectId, caller),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/me/tenants',
    sdkMethods: ['myTenants'],
    summary: "The user's tenants: the current one (dct), those named (ids) or all",
    operationId: 'MyTenants',
    tag,
    body: MyTenantsBody,
    response: MyTenantsResponse,
    readOnly: true,
    handler: ({ body, projectId, services, caller }) => myTenants(services, projectId, caller, body),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/auth/me/history',
    sdkMethods: ['history'],
    summary: "The user's sign-ins: a bare array, as the SDKs read it",
    operationId: 'MeAuthHistory',
    tag,
    response: MyHistoryResponse,
    handler: ({ projectId, services, caller }) => myHistory(services, projectId, caller),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/tenant/select',
    sdkMethods: ['selectTenant'],
    summary: 'A new session and refresh token in a tenant of the user (dct)',
    operationId: 'SelectTenant',
    tag,
    body: SelectTenantBody,
    response: JwtResponseSchema,
    readOnly: true,
    handler: ({ body, projectId, services, caller, cookies }) =>
      selectTenant(services, projectId, caller, body.tenant, cookies),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/validate',
    sdkMethods: [],
    summary: "The session token's claims (bearer <projectId>:<sessionJwt>)",
    operationId: 'ValidateSession',
    tag,
    response: ValidateSessionResponse,
    readOnly: true,
    handler: ({ projectId, services, caller }) => validateSession(services, projectId, caller),
  }),
];
