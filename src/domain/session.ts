import { invalid } from '../errors.js';
import type { JwtResponse } from '../schemas/session.js';
import type { User } from '../schemas/user.js';
import type { Catalog } from './catalog.js';
import { randomId } from './ids.js';
import type { UserRecord } from './user.js';
import { permissionsOf } from './wire.js';

/**
 * Descope's session and refresh tokens (descope-auth-api.md §3): their claims, lifetimes and the
 * JWTResponse that carries them. Plain functions; signing is the app's (src/app/tokens.ts).
 */

/** The docs sample's session token lasts 600 s (descope-auth-api.md §3.3). */
export const DEFAULT_SESSION_TOKEN_TTL = 600;
/** Vendor behaviour (inferred): the docs sample's `rexp` is 28 days after `iat`, taken as the refresh default. */
export const DEFAULT_REFRESH_TOKEN_TTL = 28 * 24 * 60 * 60;

/** A tenant in the `tenants` claim; a tenant where the user holds no role is `{}` (§3.2). */
export interface TenantClaim {
  roles?: string[];
  permissions?: string[];
}

/** The authorization a token carries: project roles and permissions, and per tenant. */
export interface AuthorizationClaims {
  roles?: string[];
  permissions?: string[];
  tenants?: Record<string, TenantClaim>;
}

/**
 * Whoever holds roles, project-wide and per tenant: a user, or an access key (its `keyTenants` given as
 * `userTenants`), so both kinds of session resolve their roles one way.
 */
export type RoleHolder = Pick<UserRecord, 'roleNames' | 'userTenants'>;

/**
 * What the user (or access key) holds, as the tokens carry it: permissions resolved through the roles the
 * same way the management user object derives them (toWireUser), so a token and `user.load` never disagree.
 * Vendor behaviour (inferred): an empty list is left out, as the contract's `{}` for a tenant without roles
 * suggests Descope's serialiser does; the SDKs read a missing list as empty.
 */
export function authorizationOf(user: RoleHolder, catalog: Catalog): AuthorizationClaims {
  const tenants: Record<string, TenantClaim> = {};
  for (const { tenantId, roleNames } of user.userTenants) {
    tenants[tenantId] = nonEmpty({
      roles: roleNames,
      permissions: permissionsOf(roleNames, catalog, tenantId),
    });
  }
  return nonEmpty({
    roles: user.roleNames,
    permissions: permissionsOf(user.roleNames, catalog),
    ...(user.userTenants.length > 0 ? { tenants } : {}),
  });
}

/** Drops the empty lists of a claim object. */
function nonEmpty<T extends Record<string, unknown>>(claims: T): T {
  return Object.fromEntries(
    Object.entries(claims).filter(([, value]) => !Array.isArray(value) || value.length > 0),
  ) as T;
}

/**
 * Claims a token sets itself (§3.2), and the registered JWT claims the mock never emits (`aud`, `nbf`: §2.3):
 * custom claims may not name them. Vendor behaviour (inferred): Descope's answer to such a custom claim is not
 * published; refusing it (400) beats a token that silently lies about its roles or expiry.
 */
export const RESERVED_CLAIMS: ReadonlySet<string> = new Set([
  'sub',
  'iss',
  'aud',
  'iat',
  'exp',
  'nbf',
  'jti',
  'drn',
  'amr',
  'rexp',
  'roles',
  'permissions',
  'tenants',
  'dct',
  'nsec',
  'su',
  'danu',
  'dsub',
  'act',
  'cnf',
]);

export function checkCustomClaims(customClaims: Record<string, unknown>): void {
  const reserved = Object.keys(customClaims).filter((name) => RESERVED_CLAIMS.has(name));
  if (reserved.length > 0) {
    throw invalid(
      `Custom claims cannot set ${reserved.map((name) => `"${name}"`).join(', ')}: the token sets it`,
    );
  }
}

/** Who a session is for and what it carries. */
export interface SessionGrant {
  projectId: string;
  /** The user ID (an access key's ID for an access-key session). */
  subject: string;
  /**
   * How the user authenticated: `email`, `sms`, `oauth`, … (§3.2). Empty for a session no authentication
   * made (anonymous, impersonation, an access key: §12): the tokens then carry no `amr` (§3.4).
   */
  amr: string[];
  authorization: AuthorizationClaims;
  /** The tenant the session is in (`dct`). */
  selectedTenant?: string;
  /** Server-trusted claims, at the top level of both tokens (§3.2). */
  customClaims: Record<string, unknown>;
  /**
   * Claims the mock itself sets beyond the shared ones, in both tokens: `nsec` (client claims of an
   * access-key exchange), `act` and `su` (impersonation), `danu` (anonymous).
   */
  extraClaims?: Record<string, unknown>;
  /**
   * The session token's `iss` when it is not the project ID: the OIDC provider's issuer URL, whose access
   * token is the session token (§3.2, §8.2). The refresh token keeps the project ID, which the session routes
   * check.
   */
  sessionIssuer?: string;
}

export interface SessionTimes {
  /** The server's clock (epoch ms): expiries count from it, so a test clock can expire tokens. */
  clockMs: number;
  /**
   * When the tokens say they were issued (epoch ms): the clock, but never ahead of real time, which Python
   * and Go refuse as `iat` in the future (§2.3).
   */
  issuedMs: number;
  /** Seconds; zero or less gives a session already expired. */
  sessionTtl: number;
  refreshTtl: number;
  /**
   * The issue time the refresh token's ID carries (epoch ms), when it must differ from the clock: a user's
   * last logout of every session revokes what was issued up to its moment, so a session issued after it,
   * even within the same millisecond (a pinned test clock), carries a later one. Defaults to `clockMs`.
   */
  refreshIdMs?: number;
}

export type TokenClaims = Record<string, unknown> & { exp: number; iat: number };

export interface SessionClaims {
  session: TokenClaims;
  refresh: TokenClaims;
}

/**
 * The claims of a session token (`drn:"DS"`) and its refresh token (`drn:"DSR"`). Both carry the roles,
 * tenants, `dct` and custom claims (§12: the web-js fixture DSR has `tenants`); only the session names the
 * refresh expiry (`rexp`, an RFC 3339 string). No `aud`, no `nbf` (§2.3).
 *
 * The refresh token carries a `jti` (RFC 7519 §4.1.7): what a later revocation check needs. Logout revokes
 * one refresh token by its ID; a logout of every session (logoutall, management `logoutUser`) revokes those
 * issued before a moment kept in milliseconds (user_session_revocations), and `iat` has seconds only, so the
 * ID begins with its issue time in milliseconds (refreshTokenIssuedMs) and the check needs no record of the
 * tokens issued.
 */
export function sessionClaims(grant: SessionGrant, times: SessionTimes): SessionClaims {
  const clock = Math.floor(times.clockMs / 1000);
  const refreshExp = clock + times.refreshTtl;
  const shared = grantClaims(grant, times.issuedMs);
  return {
    session: {
      ...shared,
      ...(grant.sessionIssuer ? { iss: grant.sessionIssuer } : {}),
      drn: 'DS',
      exp: clock + times.sessionTtl,
      rexp: new Date(refreshExp * 1000).toISOString().replace('.000Z', 'Z'),
    },
    refresh: {
      ...shared,
      drn: 'DSR',
      exp: refreshExp,
      jti: refreshTokenId(times.refreshIdMs ?? times.clockMs),
    },
  };
}

/**
 * The claims of a session token issued without a refresh token (an access key's exchange, §3.4): those of
 * sessionClaims's session, but no `rexp`, since no refresh token exists to expire.
 */
export function standaloneSessionClaims(
  grant: SessionGrant,
  times: Pick<SessionTimes, 'clockMs' | 'issuedMs' | 'sessionTtl'>,
): TokenClaims {
  return {
    ...grantClaims(grant, times.issuedMs),
    drn: 'DS',
    exp: Math.floor(times.clockMs / 1000) + times.sessionTtl,
  };
}

/** What every token of a grant carries, whatever its kind. */
function grantClaims(grant: SessionGrant, issuedMs: number) {
  return {
    sub: grant.subject,
    iss: grant.projectId,
    iat: Math.floor(issuedMs / 1000),
    ...(grant.amr.length > 0 ? { amr: grant.amr } : {}),
    ...grant.authorization,
    ...(grant.selectedTenant ? { dct: grant.selectedTenant } : {}),
    ...grant.customClaims,
    ...grant.extraClaims,
  };
}

/** Base 36 digits of the issue time: nine cover epoch milliseconds until the year 5000. */
const TIME_DIGITS = 9;

/** A refresh token's ID: its issue time (epoch ms, fixed width, so IDs sort by it) and 16 random characters. */
export function refreshTokenId(issuedMs: number): string {
  return `${Math.max(0, Math.floor(issuedMs)).toString(36).padStart(TIME_DIGITS, '0')}${randomId('', 16)}`;
}

/** When a refresh token was issued (epoch ms), from its ID; undefined for an ID the mock did not make. */
export function refreshTokenIssuedMs(jti: unknown): number | undefined {
  if (typeof jti !== 'string' || !/^[0-9a-z]{9}[A-Za-z0-9]{16}$/.test(jti)) return undefined;
  return Number.parseInt(jti.slice(0, TIME_DIGITS), 36);
}

/**
 * The JWTResponse of a new session in body mode (§4.1): both tokens in the body, the cookie fields a backend
 * SDK builds its `DSR` cookie from, and the user.
 */
export function jwtResponseOf(
  tokens: { sessionJwt: string; refreshJwt: string },
  claims: SessionClaims,
  clockMs: number,
  user: User | undefined,
  firstSeen: boolean,
): JwtResponse {
  return {
    ...tokens,
    ...cookieFieldsOf(claims, clockMs),
    sessionExpiration: claims.session.exp,
    ...(user ? { user } : {}),
    firstSeen,
  };
}

/** The fields a backend SDK builds its `DSR` cookie from (§4.1): what the refresh token has left, its expiry. */
export function cookieFieldsOf(
  claims: SessionClaims,
  clockMs: number,
): { cookieDomain: string; cookiePath: string; cookieMaxAge: number; cookieExpiration: number } {
  return {
    cookieDomain: '',
    cookiePath: '/',
    cookieMaxAge: Math.max(0, claims.refresh.exp - Math.floor(clockMs / 1000)),
    cookieExpiration: claims.refresh.exp,
  };
}

/**
 * A user a session may be signed for. Vendor behaviour (inferred): Descope refuses a disabled (or expired)
 * user's sign-in; 400 E011004, as the control plane's minter does.
 */
export function checkCanSignIn(user: UserRecord): void {
  if (user.status === 'disabled' || user.status === 'expired') {
    throw invalid(`User "${user.userId}" is ${user.status}: Descope refuses a ${user.status} user's sign-in`);
  }
}
