import type { SignInMethod } from '../domain/audit.js';
import type { Caller } from '../domain/caller.js';
import { checkEmail, isEmail, normaliseLoginId, normalisePhone } from '../domain/contacts.js';
import {
  addressOf,
  amrOf,
  attemptsOf,
  type Channel,
  isEmailChannel,
  MAX_OTP_ATTEMPTS,
  OTP_CHANNELS,
  type StartMode,
} from '../domain/delivery.js';
import { sameLoginId, withLoginIds } from '../domain/loginIds.js';
import { checkCanSignIn, checkCustomClaims } from '../domain/session.js';
import { sentTo } from '../domain/testUsers.js';
import type { UserRecord } from '../domain/user.js';
import { updateEmail, updatePhone } from '../domain/userUpdates.js';
import { DescopeError, invalid, missing } from '../errors.js';
import type { SignUpUser, UpdateEmailBody, UpdatePhoneBody } from '../schemas/delivery.js';
import type { OutboxKind, OutboxMessage } from '../store/outbox.js';
import type { StoredUser } from '../store/users.js';
import type { Services } from './operation.js';
import { liveRefresh, verifiedRefreshClaims } from './refreshToken.js';
import { DEFAULT_AMR, type UserGrantOptions } from './session.js';
import { type RecordedSignIn, recordSignIn } from './signIn.js';
import { continueGrant, signInGrant } from './signInOptions.js';
import { existingUser } from './user/lookup.js';
import { insertNewUser } from './user/mutate.js';

/**
 * What OTP, magic link and enchanted link share (descope-auth-api.md §6.0-§6.3): a start that checks the login
 * ID and "sends" a code or link token to the outbox (never in the answer), and a sign-in from that message
 * once it is proven (the code typed, the link clicked). The message carries what the start knew: the
 * login options, the new user of a sign-up, the session a step-up continues, the change of an update.
 * Messages that management's `tests/generate/*` and embedded links put in the outbox sign in the same way.
 */

/** A message to send: its kind, its channel, and what the method makes of it at `nowMs`. */
export interface Sending {
  kind: OutboxKind;
  channel: Channel;
  make(nowMs: number): { token: string; expiresMs: number; payload: Record<string, unknown> };
}

/** A code or token not yet used nor expired (an expiry of 0 never comes). */
export const isLive = (message: OutboxMessage, nowMs: number): boolean =>
  !message.consumed && (message.expiresMs === 0 || message.expiresMs > nowMs);

export interface StartRequest {
  mode: StartMode;
  loginId?: string;
  user?: SignUpUser | null;
  loginOptions?: Record<string, unknown> | null;
}

/** A message sent: where to (the unmasked address) and what was written. */
export interface Sent {
  address: string;
  message: OutboxMessage;
}

/**
 * A sign-in, sign-up or sign-up-or-in start (§6.1-§6.3). Sign-in of an unknown login ID: 400 E062108;
 * sign-up of a taken one: 400 E062107, except a test user's (py-e2e: "OTP signup of a mgmt-created test
 * user succeeds"); a disabled user is refused. `stepup`/`mfa` need the refresh token of the same user,
 * checked here and again when the message is verified. The user of a sign-up is created at verification.
 * Vendor behaviour (inferred): starting again leaves earlier codes valid (a test code generated before the
 * sign-up still verifies, §6.0).
 */
export async function startSignIn(
  services: Services,
  projectId: string,
  caller: Caller,
  request: StartRequest,
  sending: Sending,
): Promise<Sent> {
  const loginId = request.loginId?.trim();
  if (!loginId) throw missing('loginId');
  const loginOptions = request.loginOptions ?? {};
  const continues = loginOptions.stepup === true || loginOptions.mfa === true;
  const previous = continues ? await verifiedRefreshClaims(services, projectId, caller) : undefined;
  return services.store.transaction(() => {
    const stored = existingUser(services, projectId, loginId);
    if (request.mode === 'signin' && !stored)
      throw new DescopeError('AUTH_USER_NOT_FOUND', 'Cannot find user');
    if (request.mode === 'signup' && stored && !stored.user.test) {
      throw new DescopeError('USER_ALREADY_EXISTS', `User "${loginId}" already exists`);
    }
    if (stored) checkCanSignIn(stored.user);
    if (previous) {
      const { user } = liveRefresh(services, projectId, previous);
      if (user.userId !== stored?.user.userId) throw invalid('The refresh token belongs to another user');
    }
    const newUser = stored ? undefined : (request.user ?? {});
    const address = addressOf(sending.channel, loginId, stored?.user, newUser ?? {});
    return {
      address,
      message: send(services, projectId, sending, {
        loginId: stored ? sentTo(stored.user, loginId) : normaliseLoginId(loginId),
        userId: stored?.user.userId ?? '',
        payload: {
          to: address,
          loginOptions,
          trusted: caller.managementKey,
          ...(newUser ? { newUser } : {}),
          ...(previous ? { continues: previous } : {}),
        },
      }),
    };
  });
}

/**
 * An update start (`otp|magiclink|enchantedlink/update/email`, `…/update/phone/{channel}`, §6.1): under the refresh token of the user the
 * `loginId` names, a code or link to the new address; its verification makes the change, verified.
 * Vendor behaviour (inferred): a `loginId` of another user is 400; `addToLoginIDs` with an address that is
 * another user's login ID would merge the two accounts (Descope's docs), which the mock does not emulate:
 * 400, whatever `onMergeUseExisting` says.
 */
export async function startUpdate(
  services: Services,
  projectId: string,
  caller: Caller,
  request: UpdateEmailBody | UpdatePhoneBody,
  sending: Sending,
): Promise<Sent> {
  // The channel says which contact changes: an email update's body names `email`, a phone update's `phone`.
  const field = sending.channel === 'email' ? 'email' : 'phone';
  const raw = field === 'email' ? (request as UpdateEmailBody).email : (request as UpdatePhoneBody).phone;
  if (!request.loginId) throw missing('loginId');
  if (!raw) throw missing(field);
  const claims = await verifiedRefreshClaims(services, projectId, caller);
  const loginId = request.loginId;
  return services.store.transaction(() => {
    const { user } = liveRefresh(services, projectId, claims);
    const named = existingUser(services, projectId, loginId);
    if (named?.user.userId !== user.userId) throw invalid('The loginId is not the refresh token\u2019s user');
    const address = field === 'email' ? checkEmail(raw) : normalisePhone(raw);
    const owner = services.store.users.loginIdOwner(projectId, address);
    if (owner !== undefined && owner !== user.userId && (request.addToLoginIDs || request.failOnConflict)) {
      throw invalid(
        request.addToLoginIDs
          ? `"${address}" is another user's login ID: merging users (addToLoginIDs) is not emulated`
          : `"${address}" is already a login ID of another user`,
      );
    }
    return {
      address,
      message: send(services, projectId, sending, {
        loginId: sentTo(user, loginId),
        userId: user.userId,
        payload: {
          to: address,
          loginOptions: {},
          trusted: caller.managementKey,
          update: {
            field,
            value: address,
            addToLoginIDs: request.addToLoginIDs === true,
            failOnConflict: request.failOnConflict === true,
          },
        },
      }),
    };
  });
}

function send(
  services: Services,
  projectId: string,
  sending: Sending,
  to: { loginId: string; userId: string; payload: Record<string, unknown> },
): OutboxMessage {
  const { outbox } = services.store;
  const nowMs = services.now();
  // Vendor behaviour (inferred): a new code ends the lock of too many wrong codes; the locked ones are burnt.
  for (const locked of outbox.pending(projectId, sending.kind, to.userId, to.loginId)) {
    const spent = locked.deliveryMethod === sending.channel && attemptsOf(locked.payload) >= MAX_OTP_ATTEMPTS;
    if (spent) outbox.consume(projectId, locked.id);
  }
  const { token, expiresMs, payload } = sending.make(nowMs);
  return outbox.add(projectId, {
    kind: sending.kind,
    createdMs: nowMs,
    loginId: to.loginId,
    userId: to.userId,
    deliveryMethod: sending.channel,
    token,
    expiresMs,
    payload: { ...payload, ...to.payload },
  });
}

/**
 * The sign-in a proven message grants (§6.0 "live semantics", §11 side effects): the message consumed, the
 * user found (or created, for a sign-up), the change of an update made, the channel's address verified, then
 * the sign-in recorded with the message's login options. Call inside the method's transaction.
 */
export function recordMessageSignIn(
  services: Services,
  projectId: string,
  caller: Caller,
  message: OutboxMessage,
): RecordedSignIn {
  const { store } = services;
  store.outbox.consume(projectId, message.id);
  let stored = message.userId
    ? store.users.findByUserId(projectId, message.userId)
    : existingUser(services, projectId, message.loginId);
  stored ??= signedUpUser(services, projectId, message);
  checkCanSignIn(stored.user);
  const verified = verifiedUser(services, projectId, stored.user, message);
  if (verified !== stored.user) stored = store.users.update(projectId, stored, verified);
  const loginOptions = (message.payload.loginOptions ?? {}) as Record<string, unknown>;
  const options = grantOptions(services, projectId, stored.user, message, loginOptions);
  return recordSignIn(services, projectId, stored, options, {
    method: SIGN_IN_METHODS[message.kind],
    ip: caller.ip,
    revokeOtherSessions: loginOptions.revokeOtherSessions === true,
  });
}

/** The audit trail's name of a sign-in by each kind of message (an embedded link verifies as a magic link). */
const SIGN_IN_METHODS: Record<OutboxKind, SignInMethod> = {
  otp: 'OTP',
  magiclink: 'MagicLink',
  enchantedlink: 'EnchantedLink',
  embeddedlink: 'EmbeddedLink',
  invitation: 'MagicLink',
};

/** The user a sign-up message creates: the start's details (`newUser`), or an embedded sign-up link's. */
function signedUpUser(services: Services, projectId: string, message: OutboxMessage): StoredUser {
  const { payload } = message;
  const embedded = payload.signUp === true;
  if (!payload.newUser && !embedded) throw new DescopeError('AUTH_USER_NOT_FOUND', 'Cannot find user');
  const details = (embedded ? payload.user : payload.newUser) as Record<string, unknown>;
  const text = (key: string): string | undefined =>
    typeof details[key] === 'string' && details[key] !== '' ? (details[key] as string) : undefined;
  const to = typeof payload.to === 'string' ? payload.to : '';
  const byEmail = isEmailChannel(message.deliveryMethod);
  const user = insertNewUser(
    services,
    projectId,
    {
      loginId: message.loginId,
      name: text('name'),
      givenName: text('givenName'),
      middleName: text('middleName'),
      familyName: text('familyName'),
      email: text('email') ?? (byEmail && to ? to : undefined),
      phone: text('phone') ?? (!byEmail && to ? to : undefined),
      verifiedEmail: embedded ? payload.emailVerified === true : undefined,
      verifiedPhone: embedded ? payload.phoneVerified === true : undefined,
    },
    services.store.catalog.forProject(projectId),
  );
  return services.store.users.findByUserId(projectId, user.userId) as StoredUser;
}

/**
 * The user once the message proved its address: an update's change made (verified, and a login ID with
 * `addToLoginIDs`); otherwise the channel's address, when it is the user's (or the user has none), verified.
 */
function verifiedUser(
  services: Services,
  projectId: string,
  user: UserRecord,
  message: OutboxMessage,
): UserRecord {
  const { payload, deliveryMethod } = message;
  const to = typeof payload.to === 'string' ? payload.to : '';
  const update = payload.update as
    | { field: 'email' | 'phone'; value: string; addToLoginIDs: boolean; failOnConflict: boolean }
    | undefined;
  const nowMs = services.now();
  if (update) {
    const ctx = {
      catalog: services.store.catalog.forProject(projectId),
      nowMs,
      loginIdOwner: (loginId: string) =>
        services.store.users.loginIdOwner(projectId, normaliseLoginId(loginId)),
    };
    const change = { value: update.value, verified: true, failOnConflict: update.failOnConflict };
    let next = update.field === 'email' ? updateEmail(user, change, ctx) : updatePhone(user, change, ctx);
    if (update.addToLoginIDs) {
      const owner = ctx.loginIdOwner(update.value);
      if (owner !== undefined && owner !== user.userId) {
        throw invalid(`"${update.value}" is another user's login ID: merging users is not emulated`);
      }
      next = { ...next, loginIds: withLoginIds(next.loginIds, [update.value]) };
    }
    return { ...next, modifiedTime: nowMs };
  }
  if (!to || !(OTP_CHANNELS as readonly string[]).includes(deliveryMethod)) return user;
  if (isEmailChannel(deliveryMethod)) {
    if (user.email && !sameLoginId(user.email, to)) return user;
    if (user.email && user.verifiedEmail) return user;
    if (!isEmail(to)) return user;
    return { ...user, email: user.email || to, verifiedEmail: true, modifiedTime: nowMs };
  }
  if (user.phone && user.phone !== to) return user;
  if (user.phone && user.verifiedPhone) return user;
  return { ...user, phone: user.phone || to, verifiedPhone: true, modifiedTime: nowMs };
}

/**
 * The session a message grants. Custom claims: a start's client claims go under `nsec` unless a management
 * key was appended (§12); management's own messages (test helpers, embedded links) carry no `trusted` flag
 * and their claims are top level. A step-up or MFA start's session continues (liveRefresh again, as it may
 * have been revoked since): its factors, this channel's, `mfa` for MFA, `su` for a step-up.
 */
function grantOptions(
  services: Services,
  projectId: string,
  user: UserRecord,
  message: OutboxMessage,
  loginOptions: Record<string, unknown>,
): UserGrantOptions {
  const { payload } = message;
  const trusted = payload.trusted !== false;
  const claims = (message.kind === 'embeddedlink' ? payload.customClaims : loginOptions.customClaims) as
    | Record<string, unknown>
    | undefined;
  const customClaims = claims ?? {};
  if (trusted) checkCustomClaims(customClaims);
  const factor = (OTP_CHANNELS as readonly string[]).includes(message.deliveryMethod)
    ? [amrOf(message.deliveryMethod)]
    : DEFAULT_AMR;
  const tenantId = typeof loginOptions.tenantId === 'string' ? loginOptions.tenantId : undefined;
  const grant = signInGrant(factor, customClaims, trusted, tenantId);
  const previous = payload.continues as Record<string, unknown> | undefined;
  if (!previous) return grant;
  return continueGrant(services, projectId, user, grant, previous, {
    stepup: loginOptions.stepup === true,
    mfa: loginOptions.mfa === true,
  });
}
