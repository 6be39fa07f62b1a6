import { type Caller, refreshTokenOf } from '../domain/caller.js';
import { refreshTokenIssuedMs } from '../domain/session.js';
import type { UserRecord } from '../domain/user.js';
import { DescopeError } from '../errors.js';
import type { Services } from './operation.js';
import { verifyToken } from './tokens.js';

/** A refresh token that passed every check, and the user it belongs to. */
export interface VerifiedRefresh {
  claims: Record<string, unknown>;
  /** The token's ID (`jti`), what a logout revokes. */
  jti: string;
  user: UserRecord;
}

/**
 * The caller's refresh token (bearer or DSR cookie, descope-auth-api.md §1.2), its signature and expiry
 * checked (src/app/tokens.ts) and its kind (`drn:"DSR"`) and project. The await is here; what can change
 * under it (revocation, the user) is judged by `liveRefresh`, in the same synchronous stretch as the writes
 * that follow.
 */
export async function verifiedRefreshClaims(
  services: Services,
  projectId: string,
  caller: Caller,
): Promise<Record<string, unknown>> {
  return verifiedRefreshJwt(services, projectId, refreshTokenOf(caller));
}

/** The same checks for a refresh token handed over otherwise (the OIDC provider's `refresh_token` grant). */
export async function verifiedRefreshJwt(
  services: Services,
  projectId: string,
  jwt: string | undefined,
): Promise<Record<string, unknown>> {
  if (!jwt) throw refused('UNAUTHORIZED', 'Missing refresh token');
  const claims = await verifyToken(services.store.signingKeys.find(projectId), jwt, services.now());
  if (claims.drn !== 'DSR') throw refused('UNAUTHORIZED', 'Invalid token: not a refresh token');
  if (claims.iss !== projectId) throw refused('UNAUTHORIZED', 'Invalid token: issued for another project');
  return claims;
}

/**
 * A verified refresh token's standing now: not revoked one by one (logout), not issued before the user's
 * sessions were all revoked (logoutall, management `logoutUser`: E064001, as the Go SDK names it). Its
 * ID and subject; whether the subject is still a user is `liveRefresh`'s question.
 */
export function unrevokedRefresh(
  services: Services,
  projectId: string,
  claims: Record<string, unknown>,
): { jti: string; subject: string } {
  const { sessions } = services.store;
  const { jti, sub, exp } = claims;
  const issuedMs = refreshTokenIssuedMs(jti);
  // Without an expiry (a token signed elsewhere with a pinned key), a revocation could not say until when.
  const bad = typeof jti !== 'string' || typeof sub !== 'string' || typeof exp !== 'number';
  if (bad || issuedMs === undefined) {
    throw refused('UNAUTHORIZED', 'Invalid token: not a refresh token the mock issued');
  }
  if (sessions.isTokenRevoked(projectId, jti)) {
    throw refused('REFRESH_TOKEN_REVOKED', 'The refresh token was revoked by logout');
  }
  const revokedMs = sessions.revokedAt(projectId, sub);
  if (revokedMs !== undefined && issuedMs <= revokedMs) {
    throw refused(
      'REFRESH_TOKEN_REVOKED',
      "The refresh token was revoked by a logout of all the user's sessions",
    );
  }
  return { jti, subject: sub };
}

/**
 * A verified refresh token not revoked (unrevokedRefresh) whose user is still there and enabled.
 * Vendor behaviour (inferred): a deleted or disabled user's token is refused 401 with the unauthorized code,
 * which web-js reads as a dead session (§5); so is an anonymous session's (`danu`), which names no user.
 */
export function liveRefresh(
  services: Services,
  projectId: string,
  claims: Record<string, unknown>,
): VerifiedRefresh {
  const { jti, subject } = unrevokedRefresh(services, projectId, claims);
  const found = services.store.users.findByUserId(projectId, subject);
  if (!found) {
    const why = claims.danu === true ? 'is anonymous' : 'no longer exists';
    throw refused('UNAUTHORIZED', `The user of this refresh token ${why}`);
  }
  const { user } = found;
  if (user.status === 'disabled' || user.status === 'expired') {
    throw refused('UNAUTHORIZED', `The user of this refresh token is ${user.status}`);
  }
  return { claims, jti, user };
}

const refused = (kind: 'UNAUTHORIZED' | 'REFRESH_TOKEN_REVOKED', message: string): DescopeError =>
  new DescopeError(kind, message);
