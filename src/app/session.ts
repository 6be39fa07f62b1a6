import {
  authorizationOf,
  checkCustomClaims,
  DEFAULT_REFRESH_TOKEN_TTL,
  DEFAULT_SESSION_TOKEN_TTL,
  jwtResponseOf,
  type SessionGrant,
  sessionClaims,
} from '../domain/session.js';
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
): Promise<JwtResponse> {
  const { store } = services;
  if (!store.control.project(projectId)) throw projectNotFound(projectId);
  const user = mintedUser(services, projectId, request);
  const tenantId = request.tenantId || undefined;
  if (tenantId && !user.userTenants.some((membership) => membership.tenantId === tenantId)) {
    throw invalid(`User "${user.userId}" is not a member of tenant "${tenantId}"`);
  }
  const customClaims = request.customClaims ?? {};
  checkCustomClaims(customClaims);
  const catalog = store.catalog.forProject(projectId);
  const grant: SessionGrant = {
    projectId,
    subject: user.userId,
    amr: request.amr ?? DEFAULT_AMR,
    authorization: authorizationOf(user, catalog),
    selectedTenant: tenantId,
    customClaims,
  };
  const lifetimes = store.projects.tokenLifetimes(projectId);
  const clockMs = services.now();
  const claims = sessionClaims(grant, {
    clockMs,
    issuedMs: Math.min(clockMs, Date.now()),
    sessionTtl: request.expiresInSeconds ?? lifetimes?.sessionTokenTtl ?? DEFAULT_SESSION_TOKEN_TTL,
    refreshTtl: lifetimes?.refreshTokenTtl ?? DEFAULT_REFRESH_TOKEN_TTL,
  });
  const wireUser = toWireUser(user, catalog);
  const key = await projectSigningKey(services, projectId, () => projectNotFound(projectId));
  const [sessionJwt, refreshJwt] = await Promise.all([
    signToken(key, claims.session),
    signToken(key, claims.refresh),
  ]);
  return jwtResponseOf({ sessionJwt, refreshJwt }, claims, clockMs, wireUser, false);
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
  const { user } = found;
  if (user.status === 'disabled' || user.status === 'expired') {
    throw invalid(`User "${user.userId}" is ${user.status}: Descope refuses a ${user.status} user's sign-in`);
  }
  return user;
}
