import type { SignInMethod } from '../domain/audit.js';
import { checkCanSignIn, type SessionGrant } from '../domain/session.js';
import type { UserRecord } from '../domain/user.js';
import { DescopeError } from '../errors.js';
import type { JwtResponse } from '../schemas/session.js';
import type { StoredUser } from '../store/users.js';
import { loginSucceeded } from './audit.js';
import type { Services } from './operation.js';
import { projectNotFound } from './projects.js';
import {
  issueSession,
  type SessionLifetimes,
  sessionResponse,
  type UserGrantOptions,
  userGrant,
} from './session.js';
import { projectSigningKey } from './signingKeys.js';
import { existingUser } from './user/lookup.js';

/**
 * What every sign-in does once the user has proven who they are (a code, a link, a password, the management
 * API saying so), whatever the method (descope-auth-api.md §11, "side effects"): the session's grant judged
 * (a tenant the user is not in refuses before any write), an invited user enabled, the login history, then
 * the session signed and answered. A method checks its proof, then calls `recordSignIn` inside its
 * transaction and `signedSession` after it (signing awaits, so it cannot sit in the transaction: have the
 * project's key made before the transaction, `signingKeyReady`, and nothing after the
 * writes can fail but a bug).
 */

/** A sign-in written: the session to sign, the user as it is now, whether it was their first. */
export interface RecordedSignIn {
  grant: SessionGrant;
  user: UserRecord;
  firstSeen: boolean;
}

export interface SignInRecordOptions {
  /** The method as the audit trail's `LoginSucceed` names it. */
  method: SignInMethod;
  /** The client's address for the audit trail, when it is not `ip` (a management sign-in's caller). */
  remoteAddress?: string;
  /** Revoke the user's earlier sessions (`loginOptions.revokeOtherSessions`, management sign-in). */
  revokeOtherSessions?: boolean;
  /** The client's address for the login history; '' when the caller is not the user's device (management). */
  ip?: string;
}

/**
 * Writes a sign-in of `stored`: the grant is judged first, then an invited user becomes enabled, the user's
 * earlier sessions are revoked if asked, a login-history row and an audit `LoginSucceed` are added. `firstSeen`: no sign-in was
 * recorded before this one. Call inside the method's transaction.
 */
export function recordSignIn(
  services: Services,
  projectId: string,
  stored: StoredUser,
  grantOptions: UserGrantOptions,
  options: SignInRecordOptions,
): RecordedSignIn {
  const { sessions, users } = services.store;
  const grant = userGrant(services, projectId, stored.user, grantOptions);
  const nowMs = services.now();
  const userId = stored.user.userId;
  const firstSeen = sessions.history(projectId, [userId]).length === 0;
  let user = stored.user;
  if (user.status === 'invited') {
    user = users.update(projectId, stored, { ...user, status: 'enabled', modifiedTime: nowMs }).user;
  }
  // The store moves the moment past an earlier revocation, so a pinned clock revokes sessions issued since.
  if (options.revokeOtherSessions) sessions.revoke(projectId, userId, nowMs);
  // Vendor behaviour (inferred): no geolocation offline, so no city or country.
  sessions.recordLogin(projectId, {
    userId,
    loginTime: Math.floor(nowMs / 1000),
    city: '',
    country: '',
    ip: options.ip ?? '',
    selectedTenant: grant.selectedTenant ?? '',
  });
  loginSucceeded(services, projectId, user, options.method, options.remoteAddress ?? options.ip ?? '');
  return { grant, user, firstSeen };
}

export interface SignedSessionOptions extends SessionLifetimes {
  /**
   * The operation's `Set-Cookie` lines, for a project in cookie mode; null answers both tokens in the body
   * whatever the project keeps (the management API's sign-ins, §7).
   */
  cookies: string[] | null;
}

/**
 * The project's signing key made (or found) before a call writes anything: what follows the writes is then
 * signing with a key already in hand, which fails only on a bug, so no sign-in is recorded without its tokens.
 */
export async function signingKeyReady(services: Services, projectId: string): Promise<void> {
  await projectSigningKey(services, projectId, () => projectNotFound(projectId));
}

/** Signs the session of a recorded sign-in and answers its JWTResponse. */
export async function signedSession(
  services: Services,
  projectId: string,
  recorded: RecordedSignIn,
  options: SignedSessionOptions,
): Promise<JwtResponse> {
  const { cookies, ...lifetimes } = options;
  const issued = await issueSession(services, projectId, recorded.grant, lifetimes);
  return sessionResponse(services, projectId, issued, recorded.user, recorded.firstSeen, cookies);
}

/**
 * The user a sign-in names (a login ID, or a user ID as every user selector takes). Unknown: 400 E062108, the
 * authentication API's user-not-found (Node's `userNotFound`, the Python SDK's tests); disabled or expired:
 * refused (checkCanSignIn).
 */
export function signInUser(services: Services, projectId: string, loginId: string): StoredUser {
  const stored = existingUser(services, projectId, loginId);
  if (!stored) throw new DescopeError('AUTH_USER_NOT_FOUND', 'Cannot find user');
  checkCanSignIn(stored.user);
  return stored;
}
