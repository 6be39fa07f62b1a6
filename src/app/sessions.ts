import { type Caller, refreshTokenOf } from '../domain/caller.js';
import {
  type AuthorizationClaims,
  RESERVED_CLAIMS,
  type SessionGrant,
  type TokenClaims,
} from '../domain/session.js';
import { expiredTokenCookies } from '../domain/sessionCookies.js';
import type { UserRecord } from '../domain/user.js';
import { toWireUser } from '../domain/wire.js';
import { DescopeError, missing } from '../errors.js';
import type {
  JwtResponse,
  MyHistoryResponse,
  MyTenantsBody,
  MyTenantsResponse,
  OptionalJwtResponse,
  ValidateSessionResponse,
} from '../schemas/session.js';
import type { User } from '../schemas/user.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Services } from './operation.js';
import {
  liveRefresh,
  unrevokedRefresh,
  type VerifiedRefresh,
  verifiedRefreshClaims,
} from './refreshToken.js';
import { issueSession, reissueSession, sessionResponse, userGrant } from './session.js';
import { verifyToken } from './tokens.js';

/**
 * The session endpoints of the authentication API (descope-auth-api.md §5): refresh, logout, the user's own
 * data, tenant selection, validation. Each acts on the caller's refresh token (the bearer's or the DSR
 * cookie), refused 401 when it is bad, expired, another project's, revoked, or its user is gone or disabled.
 * None is a sign-in: none adds to the login history.
 */

/** The caller's refresh token, verified (the await) and then judged live, as one step for the reads. */
async function heldRefresh(services: Services, projectId: string, caller: Caller): Promise<VerifiedRefresh> {
  const claims = await verifiedRefreshClaims(services, projectId, caller);
  return liveRefresh(services, projectId, claims);
}

/** The verified claims as token claims: `verifyToken` checked `exp`; `iat` is the mock's own. */
const tokenClaimsOf = (claims: Record<string, unknown>): TokenClaims => claims as TokenClaims;

/**
 * Claims a session carries over from the refresh token it is made under: the impersonator (`act`), an
 * access key's client claims (`nsec`), an anonymous user's mark (`danu`). Not `su`: a step-up is a moment,
 * and a refreshed session is not stepped up (§5: "su dropped once expired").
 */
const CARRIED_CLAIMS = ['nsec', 'act', 'danu'] as const;

/** The custom claims of a token: whatever the token does not set itself. */
const customClaimsOf = (claims: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(claims).filter(([name]) => !RESERVED_CLAIMS.has(name)));

const carriedClaimsOf = (claims: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    CARRIED_CLAIMS.filter((name) => claims[name] !== undefined).map((name) => [name, claims[name]]),
  );

/**
 * The grant of a session made under `refresh`: how the user signed in (`amr`), the tenant (`dct`), the
 * custom claims and the claims of CARRIED_CLAIMS as the refresh token has them; roles, permissions and
 * tenants as the user holds them now. Vendor behaviour (inferred): a role change shows at the next refresh,
 * as a token's authorization is resolved when it is signed; and a `dct` the user has since left is dropped
 * rather than refused, so the session goes on outside that tenant.
 */
function carriedGrant(
  services: Services,
  projectId: string,
  user: UserRecord,
  claims: Record<string, unknown>,
  selectedTenant?: string,
) {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((factor) => typeof factor === 'string') : [];
  const customClaims = customClaimsOf(claims);
  const extraClaims = carriedClaimsOf(claims);
  const held = typeof claims.dct === 'string' ? claims.dct : undefined;
  const stillMember = user.userTenants.some((membership) => membership.tenantId === held);
  return userGrant(services, projectId, user, {
    amr,
    selectedTenant: selectedTenant ?? (stillMember ? held : undefined),
    customClaims,
    extraClaims,
  });
}

/**
 * `POST /v1/auth/refresh`: a new session token under the caller's refresh token, which is answered back
 * unchanged (no rotation, §12). `firstSeen` false: a refresh is not a first authentication.
 */
export async function refreshSession(
  services: Services,
  projectId: string,
  caller: Caller,
  cookies: string[],
): Promise<JwtResponse> {
  const claims = await verifiedRefreshClaims(services, projectId, caller);
  let user: UserRecord | undefined;
  let grant: SessionGrant;
  if (claims.danu === true) {
    grant = anonymousGrant(projectId, unrevokedRefresh(services, projectId, claims).subject, claims);
  } else {
    user = liveRefresh(services, projectId, claims).user;
    grant = carriedGrant(services, projectId, user, claims);
  }
  const jwt = refreshTokenOf(caller) as string;
  const issued = await reissueSession(services, projectId, grant, { jwt, claims: tokenClaimsOf(claims) });
  return sessionResponse(services, projectId, issued, user, false, cookies);
}

/**
 * The grant of an anonymous session's refresh (management `auth/anonymous`, §3.4): no stored user to
 * resolve, so what the refresh token carries, as it carries it.
 */
function anonymousGrant(projectId: string, subject: string, claims: Record<string, unknown>): SessionGrant {
  const { roles, permissions, tenants } = claims as AuthorizationClaims;
  return {
    projectId,
    subject,
    amr: [],
    authorization: {
      ...(roles ? { roles } : {}),
      ...(permissions ? { permissions } : {}),
      ...(tenants ? { tenants } : {}),
    },
    ...(typeof claims.dct === 'string' ? { selectedTenant: claims.dct } : {}),
    customClaims: customClaimsOf(claims),
    extraClaims: carriedClaimsOf(claims),
  };
}

/**
 * `POST /v1/auth/try-refresh`: a refresh, or `{}` when there is no refresh token or it is refused for what
 * it is (bad, expired, revoked, its user gone): the browser SDKs call it on page load, signed in or not.
 * The answer is the OptionalJWTResponse, without `user` and `firstSeen` (§4.1).
 */
export async function tryRefreshSession(
  services: Services,
  projectId: string,
  caller: Caller,
  cookies: string[],
): Promise<OptionalJwtResponse> {
  if (!refreshTokenOf(caller)) return {};
  try {
    const {
      user: _user,
      firstSeen: _firstSeen,
      ...refreshed
    } = await refreshSession(services, projectId, caller, cookies);
    return refreshed;
  } catch (error) {
    if (error instanceof DescopeError && error.status === 401) return {};
    throw error;
  }
}

/**
 * `POST /v1/auth/logout`: revokes the caller's refresh token until it expires; a later refresh with it is
 * refused 401 E064001. Revocation only: an anonymous session (no user) and a disabled user's session can log
 * out too.
 */
export const logout = (services: Services, projectId: string, caller: Caller, cookies: string[]) =>
  revokeHeld(services, projectId, caller, cookies, (claims) => {
    const { jti } = unrevokedRefresh(services, projectId, claims);
    const nowS = Math.floor(services.now() / 1000);
    services.store.sessions.revokeToken(projectId, jti, tokenClaimsOf(claims).exp, nowS);
  });

/**
 * `POST /v1/auth/logoutall`: revokes every session of the caller's user issued until now, as management
 * `logoutUser` does; each of their refresh tokens is then refused 401 E064001.
 */
export const logoutAll = (services: Services, projectId: string, caller: Caller, cookies: string[]) =>
  revokeHeld(services, projectId, caller, cookies, (claims) => {
    const { user } = liveRefresh(services, projectId, claims);
    services.store.sessions.revoke(projectId, user.userId, services.now());
  });

/**
 * A logout: the caller's refresh token verified (the await), then `revoke` in one transaction, and in
 * cookie mode the project's cookies answered expired.
 */
async function revokeHeld(
  services: Services,
  projectId: string,
  caller: Caller,
  cookies: string[],
  revoke: (claims: Record<string, unknown>) => void,
): Promise<VoidResponse> {
  const claims = await verifiedRefreshClaims(services, projectId, caller);
  services.store.transaction(() => revoke(claims));
  cookies.push(...logoutCookies(services, projectId));
  return {};
}

const logoutCookies = (services: Services, projectId: string): string[] => {
  const settings = services.store.projects.tokenCookies(projectId);
  return settings ? expiredTokenCookies(settings) : [];
};

/** `GET /v1/auth/me`: the caller's user as the management API serializes it, at the root (§5). */
export async function me(services: Services, projectId: string, caller: Caller): Promise<User> {
  const { user } = await heldRefresh(services, projectId, caller);
  return toWireUser(user, services.store.catalog.forProject(projectId));
}

/**
 * `POST /v1/auth/me/tenants`: the user's tenants, `{id, name, customAttributes}`. `dct: true` asks for the
 * session's current tenant only (none when the session has none); else `ids` picks among the user's
 * tenants; neither, all of them. Go and Python send both keys (`dct: false` with `ids`).
 * Vendor behaviour (inferred): an ID the user is not a member of is skipped, not refused, as one cannot
 * learn of another's tenants; `customAttributes` is left out when the tenant has none, as Go's `omitempty`.
 */
export async function myTenants(
  services: Services,
  projectId: string,
  caller: Caller,
  body: MyTenantsBody,
): Promise<MyTenantsResponse> {
  const { claims, user } = await heldRefresh(services, projectId, caller);
  let tenantIds = user.userTenants.map((membership) => membership.tenantId);
  if (body.dct) {
    tenantIds = tenantIds.filter((tenantId) => tenantId === claims.dct);
  } else if (body.ids && body.ids.length > 0) {
    const asked = new Set(body.ids);
    tenantIds = tenantIds.filter((tenantId) => asked.has(tenantId));
  }
  const tenants = tenantIds.flatMap((tenantId) => {
    const tenant = services.store.tenants.find(projectId, tenantId);
    if (!tenant) return [];
    const { customAttributes } = tenant;
    return [
      {
        id: tenant.id,
        name: tenant.name,
        ...(Object.keys(customAttributes).length > 0 ? { customAttributes } : {}),
      },
    ];
  });
  return { tenants };
}

/**
 * `GET /v1/auth/me/history`: the user's sign-ins, newest first, as management `user/history` serves them:
 * a bare array (§5: the SDKs read one, whatever the spec says).
 */
export async function myHistory(
  services: Services,
  projectId: string,
  caller: Caller,
): Promise<MyHistoryResponse> {
  const { user } = await heldRefresh(services, projectId, caller);
  return services.store.sessions.history(projectId, [user.userId]);
}

/**
 * `POST /v1/auth/tenant/select`: a new session AND refresh token in `tenant` (`dct`), the rest carried over
 * as a refresh does; a tenant the user is not a member of is refused 400 E011004 (inferred, §5). The
 * refresh token the caller held stays valid.
 */
export async function selectTenant(
  services: Services,
  projectId: string,
  caller: Caller,
  tenant: string | undefined,
  cookies: string[],
): Promise<JwtResponse> {
  const { claims, user } = await heldRefresh(services, projectId, caller);
  if (!tenant) throw missing('tenant');
  const grant = carriedGrant(services, projectId, user, claims, tenant);
  const issued = await issueSession(services, projectId, grant);
  return sessionResponse(services, projectId, issued, user, false, cookies);
}

/**
 * `POST /v1/auth/validate` (bearer `<projectId>:<sessionJwt>`): the session token's claims when this project
 * signed it, it has not expired and it is a session token (`drn:"DS"`). Vendor behaviour (inferred): it
 * checks what the SDKs check locally (§2.3) and nothing stored, since a session token is not revoked (its
 * refresh token is) and an access key's session names a key, not a user.
 */
export async function validateSession(
  services: Services,
  projectId: string,
  caller: Caller,
): Promise<ValidateSessionResponse> {
  if (!caller.token) throw new DescopeError('UNAUTHORIZED', 'Missing session token');
  const claims = await verifyToken(services.store.signingKeys.find(projectId), caller.token, services.now());
  if (claims.drn !== 'DS') throw new DescopeError('UNAUTHORIZED', 'Invalid token: not a session token');
  if (claims.iss !== projectId) {
    throw new DescopeError('UNAUTHORIZED', 'Invalid token: issued for another project');
  }
  return { parsedJWT: claims };
}
