import {
  authorizationOf,
  checkCanSignIn,
  checkCustomClaims,
  DEFAULT_REFRESH_TOKEN_TTL,
  DEFAULT_SESSION_TOKEN_TTL,
  jwtResponseOf,
  type SessionClaims,
  type SessionGrant,
  sessionClaims,
  standaloneSessionClaims,
  type TokenClaims,
} from '../domain/session.js';
import { withTokenCookies } from '../domain/sessionCookies.js';
import { tenantTokenLifetimes } from '../domain/tenantSettings.js';
import type { UserRecord } from '../domain/user.js';
import { toWireUser } from '../domain/wire.js';
import { DescopeError, invalid, missing } from '../errors.js';
import type { JwtResponse } from '../schemas/session.js';
import type { Services } from './operation.js';
import { projectNotFound } from './projects.js';
import { projectSigningKey } from './signingKeys.js';
import { signToken } from './tokens.js';
import { existingUser } from './user/lookup.js';

/** What the control plane's minter is asked for (`POST /_mock/projects/{projectId}/sessions`). */
export interface MintSessionRequest {
  loginId?: string;
  userId?: string;
  /** Selects the tenant (`dct`); the user must be a member. */
  tenantId?: string;
  customClaims?: Record<string, unknown>;
  amr?: string[];
  /** The session token's lifetime instead of the project's; zero or less mints one already expired. */
  expiresInSeconds?: number;
}

/**
 * Vendor behaviour (inferred): a session minted without sign-in names the factor of Descope's most common
 * sign-ins (email OTP and magic link) as how the user authenticated.
 */
export const DEFAULT_AMR = ['email'];

/**
 * A session for a stored user, without any sign-in: the control plane's shortcut for tests
 * (descope-auth-api.md §11.2). It signs the tokens a sign-in would answer and changes nothing else: no login
 * history, no status change, `firstSeen` false, so a test that mints sees its users as it left them.
 */
export async function mintSession(
  services: Services,
  projectId: string,
  request: MintSessionRequest,
  cookies: string[],
): Promise<JwtResponse> {
  const { store } = services;
  if (!store.control.project(projectId)) throw projectNotFound(projectId);
  const user = mintedUser(services, projectId, request);
  const customClaims = request.customClaims ?? {};
  checkCustomClaims(customClaims);
  const grant = userGrant(services, projectId, user, {
    amr: request.amr ?? DEFAULT_AMR,
    selectedTenant: request.tenantId || undefined,
    customClaims,
  });
  const issued = await issueSession(services, projectId, grant, { sessionTtl: request.expiresInSeconds });
  return sessionResponse(services, projectId, issued, user, false, cookies);
}

/** What a user's session carries beside its holder: how they signed in, the tenant, trusted claims. */
export interface UserGrantOptions {
  amr: string[];
  /** The tenant the session is in (`dct`); the user must be a member (400 otherwise, inferred). */
  selectedTenant?: string;
  customClaims: Record<string, unknown>;
  extraClaims?: Record<string, unknown>;
  /** The session token's issuer URL (the OIDC provider's); the project ID when absent. */
  sessionIssuer?: string;
}

/** The grant of a user's session: their roles and tenants as the catalog resolves them now. */
export function userGrant(
  services: Services,
  projectId: string,
  user: UserRecord,
  options: UserGrantOptions,
): SessionGrant {
  const { selectedTenant } = options;
  if (selectedTenant && !user.userTenants.some((membership) => membership.tenantId === selectedTenant)) {
    throw invalid(`User "${user.userId}" is not a member of tenant "${selectedTenant}"`);
  }
  return {
    projectId,
    subject: user.userId,
    amr: options.amr,
    authorization: authorizationOf(user, services.store.catalog.forProject(projectId)),
    selectedTenant,
    customClaims: options.customClaims,
    ...(options.extraClaims ? { extraClaims: options.extraClaims } : {}),
    ...(options.sessionIssuer ? { sessionIssuer: options.sessionIssuer } : {}),
  };
}

/**
 * The lifetimes (seconds) of a session in `selectedTenant`: the tenant's own when its session management is
 * enabled (tenant/settings), else the project's, else Descope's defaults.
 */
function lifetimesOf(
  services: Services,
  projectId: string,
  selectedTenant: string | undefined,
): { sessionTtl: number; refreshTtl: number } {
  const { store } = services;
  const project = store.projects.tokenLifetimes(projectId);
  const tenant = selectedTenant ? store.tenants.find(projectId, selectedTenant) : undefined;
  const own = tenant ? tenantTokenLifetimes(tenant) : {};
  return {
    sessionTtl: own.sessionTtl ?? project?.sessionTokenTtl ?? DEFAULT_SESSION_TOKEN_TTL,
    refreshTtl: own.refreshTtl ?? project?.refreshTokenTtl ?? DEFAULT_REFRESH_TOKEN_TTL,
  };
}

/** Lifetimes (seconds) that override the project's for one session. */
export interface SessionLifetimes {
  /** Zero or less gives a session already expired. */
  sessionTtl?: number;
  refreshTtl?: number;
}

/** A session signed: its claims, both tokens, and the clock they were issued by. */
export interface IssuedSession {
  claims: SessionClaims;
  sessionJwt: string;
  refreshJwt: string;
  clockMs: number;
}

/**
 * Signs a session and its refresh token for `grant`, with the project's lifetimes unless `lifetimes` says
 * otherwise. Expiries count from the server's clock; `iat` never runs ahead of real time (§2.3).
 */
export async function issueSession(
  services: Services,
  projectId: string,
  grant: SessionGrant,
  lifetimes: SessionLifetimes = {},
): Promise<IssuedSession> {
  const { store } = services;
  const project = lifetimesOf(services, projectId, grant.selectedTenant);
  const clockMs = services.now();
  const revokedMs = store.sessions.revokedAt(projectId, grant.subject);
  const claims = sessionClaims(grant, {
    clockMs,
    ...(revokedMs !== undefined && revokedMs >= clockMs ? { refreshIdMs: revokedMs + 1 } : {}),
    issuedMs: Math.min(clockMs, Date.now()),
    sessionTtl: lifetimes.sessionTtl ?? project.sessionTtl,
    refreshTtl: lifetimes.refreshTtl ?? project.refreshTtl,
  });
  const key = await projectSigningKey(services, projectId, () => projectNotFound(projectId));
  const [sessionJwt, refreshJwt] = await Promise.all([
    signToken(key, claims.session),
    signToken(key, claims.refresh),
  ]);
  return { claims, sessionJwt, refreshJwt, clockMs };
}

/** A session token signed alone: its claims, the token, and the clock it was issued by. */
export interface IssuedSessionToken {
  claims: TokenClaims;
  sessionJwt: string;
  clockMs: number;
}

/**
 * Signs a session token without a refresh token (an access key's exchange, descope-auth-api.md §3.4), with
 * the project's session lifetime, counted from the server's clock as issueSession counts it.
 */
export async function issueSessionToken(
  services: Services,
  projectId: string,
  grant: SessionGrant,
): Promise<IssuedSessionToken> {
  const clockMs = services.now();
  const claims = standaloneSessionClaims(grant, {
    clockMs,
    issuedMs: Math.min(clockMs, Date.now()),
    sessionTtl: lifetimesOf(services, projectId, grant.selectedTenant).sessionTtl,
  });
  const key = await projectSigningKey(services, projectId, () => projectNotFound(projectId));
  return { claims, sessionJwt: await signToken(key, claims), clockMs };
}

/** A refresh token that passed its checks: the token as sent and its claims. */
export interface HeldRefresh {
  jwt: string;
  claims: TokenClaims;
}

/**
 * A new session token for `grant` under a refresh token the caller holds (refresh): the refresh token is
 * not rotated, so the SDKs, which keep the one they have (§5), go on with it, and the session names its
 * expiry (`rexp`). Vendor behaviour (inferred): a session never outlives its refresh token, so its lifetime
 * is the project's or what the refresh token has left, the shorter.
 */
export async function reissueSession(
  services: Services,
  projectId: string,
  grant: SessionGrant,
  refresh: HeldRefresh,
): Promise<IssuedSession> {
  const project = lifetimesOf(services, projectId, grant.selectedTenant);
  const clockMs = services.now();
  const left = refresh.claims.exp - Math.floor(clockMs / 1000);
  const claims = sessionClaims(grant, {
    clockMs,
    issuedMs: Math.min(clockMs, Date.now()),
    sessionTtl: Math.min(project.sessionTtl, left),
    refreshTtl: left,
  });
  const key = await projectSigningKey(services, projectId, () => projectNotFound(projectId));
  const sessionJwt = await signToken(key, claims.session);
  return {
    claims: { session: claims.session, refresh: refresh.claims },
    sessionJwt,
    refreshJwt: refresh.jwt,
    clockMs,
  };
}

/**
 * The JWTResponse of an issued session for `user`, the user as the management API serializes it now: the
 * one answer of every sign-in, refresh and tenant selection. A project in cookie mode (§4.2) gets the tokens
 * it keeps in cookies as `Set-Cookie` lines pushed onto `cookies` (the operation's), not in the body.
 * `cookies` null answers both tokens in the body whatever the project keeps: the management API's sign-ins,
 * whose caller is a backend (§7: the Go SDK validates both tokens of the body).
 */
export function sessionResponse(
  services: Services,
  projectId: string,
  issued: IssuedSession,
  /** Undefined for an anonymous session (`danu`), which has no stored user. */
  user: UserRecord | undefined,
  firstSeen: boolean,
  cookies: string[] | null,
): JwtResponse {
  const wireUser = user && toWireUser(user, services.store.catalog.forProject(projectId));
  const { sessionJwt, refreshJwt, claims, clockMs } = issued;
  const response = jwtResponseOf({ sessionJwt, refreshJwt }, claims, clockMs, wireUser, firstSeen);
  const settings = cookies && services.store.projects.tokenCookies(projectId);
  if (!settings) return response;
  const answered = withTokenCookies(response, settings, clockMs);
  cookies.push(...answered.cookies);
  return answered.body;
}

/**
 * The user named by `loginId` (a login ID, or a user ID as every user selector takes) or `userId`.
 * Unknown: 404 with the control plane's not-found code (issue 11). Vendor behaviour (inferred): Descope
 * refuses a disabled (or expired) user's sign-in; the minter refuses it too, 400, rather than mint a session
 * the real service would never give.
 */
function mintedUser(services: Services, projectId: string, request: MintSessionRequest): UserRecord {
  const { loginId, userId } = request;
  if (!loginId && !userId) throw missing('loginId');
  const found = loginId
    ? existingUser(services, projectId, loginId)
    : services.store.users.findByUserId(projectId, userId as string);
  if (!found) {
    throw new DescopeError(
      'ROUTE_NOT_FOUND',
      `No user ${loginId ? `with login ID "${loginId}"` : `with user ID "${userId}"`} in project "${projectId}"`,
    );
  }
  checkCanSignIn(found.user);
  return found.user;
}
