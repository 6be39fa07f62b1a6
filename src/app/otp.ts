import type { Caller } from '../domain/caller.js';
import { normaliseLoginId } from '../domain/contacts.js';
import {
  attemptsOf,
  type Channel,
  MAX_OTP_ATTEMPTS,
  maskedReply,
  OTP_CHANNELS,
  OTP_PHONE_CHANNELS,
  type StartMode,
} from '../domain/delivery.js';
import { newOtpCode, OTP_TTL_MS } from '../domain/testUsers.js';
import { DescopeError, missing } from '../errors.js';
import type {
  MaskedResponse,
  OtpStartBody,
  OtpVerifyBody,
  UpdateEmailBody,
  UpdatePhoneBody,
} from '../schemas/delivery.js';
import type { JwtResponse } from '../schemas/session.js';
import { isLive, recordMessageSignIn, type Sending, startSignIn, startUpdate } from './deliveredSignIn.js';
import type { Services } from './operation.js';
import { type RecordedSignIn, signedSession, signingKeyReady } from './signIn.js';
import { existingUser } from './user/lookup.js';

/** The routes' vocabulary (routes read no domain): the channels a path takes, the starts. */
export { type Channel, OTP_CHANNELS, OTP_PHONE_CHANNELS, type StartMode };

/**
 * OTP (descope-auth-api.md §6.1): a six-digit code to the outbox (kind `otp`), verified with the login ID.
 * Vendor behaviour (inferred, §12): five wrong codes lock the user's pending codes of that channel (E061103,
 * even for the right code afterwards); an expired, used or unknown code is a wrong code (E061102).
 */

const otpSending = (channel: Channel): Sending => ({
  kind: 'otp',
  channel,
  make: (nowMs) => {
    const code = newOtpCode();
    return { token: code, expiresMs: nowMs + OTP_TTL_MS, payload: { code, attempts: 0 } };
  },
});

/** `POST /v1/auth/otp/{signin|signup|signup-in}/{channel}`. */
export async function otpStart(
  services: Services,
  projectId: string,
  caller: Caller,
  mode: StartMode,
  channel: Channel,
  body: OtpStartBody,
): Promise<MaskedResponse> {
  const { address } = await startSignIn(services, projectId, caller, { mode, ...body }, otpSending(channel));
  return maskedReply(channel, address);
}

/** `POST /v1/auth/otp/update/email` and `/update/phone/{channel}`, under the refresh token. */
export async function otpUpdate(
  services: Services,
  projectId: string,
  caller: Caller,
  channel: Channel,
  body: UpdateEmailBody | UpdatePhoneBody,
): Promise<MaskedResponse> {
  const { address } = await startUpdate(services, projectId, caller, body, otpSending(channel));
  return maskedReply(channel, address);
}

/**
 * `POST /v1/auth/otp/verify/{channel}` `{loginId, code}` → JWTResponse. The wrong code's attempt is written
 * even though the call fails: the transaction answers the refusal instead of throwing it.
 */
export async function otpVerify(
  services: Services,
  projectId: string,
  caller: Caller,
  channel: Channel,
  body: OtpVerifyBody,
  cookies: string[],
): Promise<JwtResponse> {
  const { loginId, code } = body;
  if (!loginId) throw missing('loginId');
  if (!code) throw missing('code');
  await signingKeyReady(services, projectId);
  const outcome = services.store.transaction((): RecordedSignIn | DescopeError => {
    const { outbox } = services.store;
    const userId = existingUser(services, projectId, loginId)?.user.userId ?? '';
    const nowMs = services.now();
    const pending = outbox
      .pending(projectId, 'otp', userId, normaliseLoginId(loginId))
      .filter((message) => message.deliveryMethod === channel && isLive(message, nowMs));
    const locked = pending.length > 0 && pending.every((m) => attemptsOf(m.payload) >= MAX_OTP_ATTEMPTS);
    const match = pending.find((message) => message.token === code);
    if (locked || (match && attemptsOf(match.payload) >= MAX_OTP_ATTEMPTS)) {
      return new DescopeError('TOO_MANY_OTP_ATTEMPTS', 'Too many wrong codes: request a new one');
    }
    if (match) return recordMessageSignIn(services, projectId, caller, match);
    for (const message of pending) {
      outbox.setPayload(projectId, message.id, {
        ...message.payload,
        attempts: attemptsOf(message.payload) + 1,
      });
    }
    return new DescopeError('WRONG_OTP_CODE', 'Wrong, expired or already used code');
  });
  if (outcome instanceof DescopeError) throw outcome;
  return signedSession(services, projectId, outcome, { cookies });
}
