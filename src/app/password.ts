import type { Caller } from '../domain/caller.js';
import type { PasswordRecord } from '../domain/credentials.js';
import { checkPasswordPolicy, type PasswordSettings, passwordPolicyOf } from '../domain/passwordSettings.js';
import { hashPassword, passwordMatches } from '../domain/passwords.js';
import { LINK_TTL_MS, linkWithToken, newLinkToken } from '../domain/testUsers.js';
import { DescopeError, invalid, required } from '../errors.js';
import type {
  PasswordReplaceBody,
  PasswordResetBody,
  PasswordResetResponse,
  PasswordSignInBody,
  PasswordSignUpBody,
  PasswordUpdateBody,
} from '../schemas/password.js';
import type { PasswordPolicyResponse } from '../schemas/passwordSettings.js';
import type { JwtResponse } from '../schemas/session.js';
import type { VoidResponse } from '../schemas/void.js';
import type { StoredUser } from '../store/users.js';
import type { Services } from './operation.js';
import { passwordSettingsOf } from './passwordSettings.js';
import { liveRefresh, verifiedRefreshClaims } from './refreshToken.js';
import { recordSignIn, signedSession, signInUser, signingKeyReady } from './signIn.js';
import { continuedRefresh, recordUserSignIn, signInGrantOptions } from './signInOptions.js';
import { existingUser } from './user/lookup.js';
import { insertNewUser } from './user/mutate.js';

/**
 * Password sign-in (descope-auth-api.md §6.4). Passwords are kept as the management API keeps them (a salted
 * scrypt hash, src/domain/passwords.ts; an imported hash as given), in a state: a temporary
 * (setTemporaryPassword) or expired (expirePassword, or older than the policy's expiration) password proves
 * who the user is but signs nobody in (401 E062909) until `replace` swaps it. New passwords meet the
 * project's policy (management password/settings). Every sign-in awaits what it needs first (a step-up's
 * refresh token, the signing key), then checks and writes in one transaction, then signs (src/app/signIn.ts).
 */

const AMR = 'pwd';

export async function passwordSignUp(
  services: Services,
  projectId: string,
  caller: Caller,
  body: PasswordSignUpBody,
  cookies: string[],
): Promise<JwtResponse> {
  const loginId = required(body.loginId, 'loginId');
  const password = required(body.password, 'password');
  await signingKeyReady(services, projectId);
  const recorded = services.store.transaction(() => {
    if (existingUser(services, projectId, loginId)) {
      throw new DescopeError('USER_ALREADY_EXISTS', `User "${loginId}" already exists`);
    }
    const details = body.user ?? {};
    checkPasswordPolicy(password, projectPolicy(services, projectId), details.email || loginId);
    const user = insertNewUser(
      services,
      projectId,
      { loginId, ...details, password },
      services.store.catalog.forProject(projectId),
    );
    const stored = services.store.users.findByUserId(projectId, user.userId) as StoredUser;
    // Vendor behaviour (inferred): sign-up options take no step-up or MFA (spec SignupLoginOptions).
    const options = body.loginOptions && { ...body.loginOptions, stepup: false, mfa: false };
    const grant = signInGrantOptions(services, projectId, caller, user, AMR, options, undefined);
    return recordSignIn(services, projectId, stored, grant, { ip: caller.ip, method: 'Password' });
  });
  return signedSession(services, projectId, recorded, { cookies });
}

export async function passwordSignIn(
  services: Services,
  projectId: string,
  caller: Caller,
  body: PasswordSignInBody,
  cookies: string[],
): Promise<JwtResponse> {
  const loginId = required(body.loginId, 'loginId');
  const password = required(body.password, 'password');
  const previous = await continuedRefresh(services, projectId, caller, body.loginOptions);
  await signingKeyReady(services, projectId);
  const recorded = services.store.transaction(() => {
    const stored = signInUser(services, projectId, loginId);
    const record = provenPassword(services, projectId, stored, password);
    checkUsable(record, projectPolicy(services, projectId), services.now());
    return recordUserSignIn(
      services,
      projectId,
      caller,
      stored,
      AMR,
      body.loginOptions,
      previous,
      'Password',
    );
  });
  return signedSession(services, projectId, recorded, { cookies });
}

/**
 * `replace`: the old password (in any state: this is how a temporary or expired one is swapped) for a new
 * one that meets the policy, then a sign-in.
 */
export async function passwordReplace(
  services: Services,
  projectId: string,
  caller: Caller,
  body: PasswordReplaceBody,
  cookies: string[],
): Promise<JwtResponse> {
  const loginId = required(body.loginId, 'loginId');
  const oldPassword = required(body.oldPassword, 'oldPassword');
  const newPassword = required(body.newPassword, 'newPassword');
  await signingKeyReady(services, projectId);
  const recorded = services.store.transaction(() => {
    const stored = signInUser(services, projectId, loginId);
    provenPassword(services, projectId, stored, oldPassword);
    setActivePassword(services, projectId, stored, newPassword);
    const grant = signInGrantOptions(services, projectId, caller, stored.user, AMR, undefined, undefined);
    return recordSignIn(services, projectId, stored, grant, {
      method: 'Password',
      ip: caller.ip,
      revokeOtherSessions: body.revokeOtherSessions === true,
    });
  });
  return signedSession(services, projectId, recorded, { cookies });
}

/** `update` (RT): the signed-in user sets a new password without the old one (after a reset link, say). */
export async function passwordUpdate(
  services: Services,
  projectId: string,
  caller: Caller,
  body: PasswordUpdateBody,
): Promise<VoidResponse> {
  const loginId = required(body.loginId, 'loginId');
  const newPassword = required(body.newPassword, 'newPassword');
  const claims = await verifiedRefreshClaims(services, projectId, caller);
  services.store.transaction(() => {
    const { user } = liveRefresh(services, projectId, claims);
    const stored = existingUser(services, projectId, loginId);
    // Vendor behaviour (inferred): the login ID must be the refresh token's user's; 400 otherwise.
    if (!stored || stored.user.userId !== user.userId) {
      throw invalid(`The login ID "${loginId}" is not the refresh token's user`);
    }
    setActivePassword(services, projectId, stored, newPassword);
  });
  return {};
}

/**
 * `reset`: Descope emails a link to the user; opening it is a magic-link sign-in, after which the page sets
 * the new password with `update`. The link goes to the outbox as a magic link (token single use, 10 min),
 * where `POST /v1/auth/magiclink/verify` finds it. Vendor behaviour (inferred): the reset method is
 * `magiclink`, and a user without an email address cannot be sent one (400 E011004).
 */
export function sendPasswordReset(
  services: Services,
  projectId: string,
  body: PasswordResetBody,
): PasswordResetResponse {
  const loginId = required(body.loginId, 'loginId');
  const stored = signInUser(services, projectId, loginId);
  const { user } = stored;
  if (!user.email) throw invalid(`User "${loginId}" has no email address to send a reset link to`);
  const token = newLinkToken();
  const nowMs = services.now();
  services.store.outbox.add(projectId, {
    createdMs: nowMs,
    kind: 'magiclink',
    loginId,
    userId: user.userId,
    deliveryMethod: 'email',
    token,
    expiresMs: nowMs + LINK_TTL_MS,
    payload: {
      link: body.redirectUrl ? linkWithToken(body.redirectUrl, token) : '',
      purpose: 'passwordReset',
      email: user.email,
    },
  });
  return { resetMethod: 'magiclink', maskedEmail: maskedEmail(user.email) };
}

export const passwordPolicy = (services: Services, projectId: string): PasswordPolicyResponse =>
  passwordPolicyOf(projectPolicy(services, projectId));

/**
 * The policy the authentication API's password calls follow. Vendor behaviour (inferred): the project's,
 * as `password/policy` names no tenant.
 */
const projectPolicy = (services: Services, projectId: string): PasswordSettings =>
  passwordSettingsOf(services, projectId);

/**
 * The user's password, proven. Vendor behaviour (inferred): Descope's bad-credential code is not published;
 * a wrong password, or a user without one, is 401 with the unauthorized code (§6.4, §12).
 */
function provenPassword(
  services: Services,
  projectId: string,
  stored: StoredUser,
  password: string,
): PasswordRecord {
  const record = services.store.credentials.password(projectId, stored.user.userId);
  if (!record || !passwordMatches(password, record.hash)) {
    throw new DescopeError('UNAUTHORIZED', 'Invalid login ID or password');
  }
  return record;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** A proven password that may sign in: active, and not older than the policy's expiration. */
function checkUsable(record: PasswordRecord, policy: PasswordSettings, nowMs: number): void {
  const aged =
    policy.expiration &&
    policy.expirationWeeks > 0 &&
    nowMs - record.setMs > policy.expirationWeeks * WEEK_MS;
  if (record.state !== 'active' || aged) {
    const why = record.state === 'temporary' ? 'is temporary' : 'has expired';
    throw new DescopeError(
      'PASSWORD_EXPIRED',
      `The password ${why}: replace it (password/replace) to sign in`,
    );
  }
}

/** A new password that meets the policy, stored active; the user's `password` flag becomes true. */
function setActivePassword(
  services: Services,
  projectId: string,
  stored: StoredUser,
  password: string,
): void {
  const { user } = stored;
  checkPasswordPolicy(password, projectPolicy(services, projectId), user.email);
  const nowMs = services.now();
  services.store.credentials.setPassword(projectId, user.userId, {
    hash: hashPassword(password),
    state: 'active',
    setMs: nowMs,
  });
  if (!user.password)
    services.store.users.update(projectId, stored, { ...user, password: true, modifiedTime: nowMs });
}

/** `a***@example.com`: the first character of the local part, the domain whole (§6.0 masked replies). */
function maskedEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
}
