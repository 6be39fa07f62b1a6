import { randomInt } from 'node:crypto';
import { invalid } from '../errors.js';
import { checkEmail, isEmail, isPhone, normalisePhone } from './contacts.js';
import type { UserRecord } from './user.js';

/**
 * The sign-ins by a message Descope sends (descope-auth-api.md §6.1-§6.3: OTP, magic link, enchanted link):
 * where a code or link goes, how the reply masks it, what the session says of it.
 */

/** The OTP delivery segments of the paths (§6.0); magic links go by email, sms and whatsapp only. */
export const OTP_CHANNELS = ['email', 'sms', 'voice', 'whatsapp', 'im'] as const;
export type Channel = (typeof OTP_CHANNELS)[number];
export const MAGIC_LINK_CHANNELS = ['email', 'sms', 'whatsapp'] as const satisfies readonly Channel[];
/** The phone channels of update/phone: OTP's, and magic link's without voice (core-js filters it out). */
export const OTP_PHONE_CHANNELS = ['sms', 'voice', 'whatsapp', 'im'] as const satisfies readonly Channel[];
export const MAGIC_LINK_PHONE_CHANNELS = ['sms', 'whatsapp', 'im'] as const satisfies readonly Channel[];

/** How a start treats the login ID: it must exist, must not, or either. */
export type StartMode = 'signin' | 'signup' | 'signup-in';
export const START_MODES: readonly StartMode[] = ['signin', 'signup', 'signup-in'];

/** Vendor behaviour (inferred, §12 "E061103 threshold"): five wrong codes, then the code is locked. */
export const MAX_OTP_ATTEMPTS = 5;

export const isEmailChannel = (channel: string): boolean => channel === 'email';

/** The factor a session names (§3.2): `email` for email, `sms` for every phone channel (§12 for voice and IM). */
export const amrOf = (channel: string): string => (isEmailChannel(channel) ? 'email' : 'sms');

/**
 * Where a code or link for `loginId` goes: the user's email or phone, else the login ID itself when it is
 * one, else the sign-up's own. Vendor behaviour (inferred): nowhere to send it is a bad argument (400).
 */
export function addressOf(
  channel: string,
  loginId: string,
  user: Pick<UserRecord, 'email' | 'phone'> | undefined,
  signUp: { email?: string | null; phone?: string | null } = {},
): string {
  if (isEmailChannel(channel)) {
    const email = user?.email || (isEmail(loginId) ? loginId : signUp.email || '');
    if (!email) throw invalid(`"${loginId}" has no email address to send to`);
    return checkEmail(email);
  }
  const phone = user?.phone || (isPhone(loginId) ? loginId : signUp.phone || '');
  if (!phone) throw invalid(`"${loginId}" has no phone number to send to`);
  return normalisePhone(phone);
}

/** `a***@example.com`: the first character, then the domain (§6.0 "masked replies"). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, Math.min(1, at))}***${email.slice(at)}`;
}

/** `+*******1234`: the last four digits kept, the rest starred, a leading `+` kept. */
export function maskPhone(phone: string): string {
  const plus = phone.startsWith('+') ? '+' : '';
  const digits = phone.slice(plus.length);
  return `${plus}${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}

/** The reply of a start: the address masked, under the key its channel's SDK reads. */
export function maskedReply(
  channel: string,
  address: string,
): { maskedEmail: string } | { maskedPhone: string } {
  return isEmailChannel(channel) ? { maskedEmail: maskEmail(address) } : { maskedPhone: maskPhone(address) };
}

/** The wrong codes tried against a pending OTP, kept in its outbox payload. */
export const attemptsOf = (payload: Record<string, unknown>): number =>
  typeof payload.attempts === 'number' ? payload.attempts : 0;

/** An enchanted link's `linkId`: the two-digit number the user picks among the links of the e-mail. */
export const newLinkId = (): string => String(randomInt(10, 100));
