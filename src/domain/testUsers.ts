import { randomBytes, randomInt } from 'node:crypto';
import { invalid, missing } from '../errors.js';
import { normaliseLoginId } from './contacts.js';
import { sameLoginId } from './loginIds.js';
import type { UserRecord } from './user.js';

/**
 * Descope's test-user helpers and embedded links (descope-api.md 4.14): one-time codes and link tokens that
 * Descope would have sent, generated here and handed back to the caller (and kept in the outbox).
 */

/** Delivery methods of the test-user OTP and magic link: Descope's, plus `Embedded` from the Node SDK's type. */
const TEST_DELIVERY_METHODS = ['email', 'sms', 'voice', 'whatsapp', 'im', 'embedded'] as const;
export type TestDeliveryMethod = (typeof TEST_DELIVERY_METHODS)[number];

/** Vendor behaviour (inferred): an OTP lives 3 minutes, a magic or enchanted link 10, as in a new project's settings. */
export const OTP_TTL_MS = 3 * 60 * 1000;
export const LINK_TTL_MS = 10 * 60 * 1000;
/** Vendor behaviour (inferred): an embedded-link token without `timeout` lives as long as a magic link. */
const EMBEDDED_DEFAULT_TIMEOUT_S = LINK_TTL_MS / 1000;

/**
 * The delivery method as sent (the SDK passes Node's `DeliveryMethodForTestUser`). Vendor behaviour (inferred):
 * it is compared case-insensitively (Node's type says `Embedded`), and anything else is refused as invalid.
 */
export function checkDeliveryMethod(value: string | undefined): TestDeliveryMethod {
  if (!value) throw missing('deliveryMethod');
  const method = value.toLowerCase() as TestDeliveryMethod;
  if (!TEST_DELIVERY_METHODS.includes(method)) {
    throw invalid(
      `The deliveryMethod field is invalid: "${value}" is not one of ${TEST_DELIVERY_METHODS.join(', ')}`,
    );
  }
  return method;
}

/** Vendor behaviour (inferred): the helpers refuse a user that is not a test user (400), as the live suites only use test users. */
export function checkTestUser(user: UserRecord): UserRecord {
  if (!user.test) throw invalid('The user is not a test user');
  return user;
}

/** Six decimal digits, as Descope's OTP e-mails and SMS carry them. */
export const newOtpCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** A magic-link, enchanted-link or embedded-link token: 32 random bytes as hex, unguessable and URL-safe. */
export const newLinkToken = (): string => randomBytes(32).toString('hex');

/** An enchanted link's pending reference, which the waiting browser polls with. */
export const newPendingRef = (): string => randomBytes(16).toString('hex');

/**
 * `<URI>?t=<token>` (Ruby SDK live tests). Vendor behaviour (inferred): a URI that already has a query gets
 * `&t=` instead, keeping its own parameters.
 */
export function linkWithToken(uri: string, token: string): string {
  return `${uri}${uri.includes('?') ? '&' : '?'}t=${token}`;
}

/** The redirect URI of a test link: `URI` (Node, Go) or `redirectUrl` (spec, .NET, Ruby). */
export function checkRedirectUri(uri: string | undefined): string {
  if (!uri) throw missing('URI');
  return uri;
}

/** An embedded link's lifetime in milliseconds. Vendor behaviour (inferred): a negative timeout is refused, 0 means the default. */
export function embeddedTtlMs(timeoutSeconds: number | undefined): number {
  if (timeoutSeconds !== undefined && timeoutSeconds < 0) {
    throw invalid('The timeout field is invalid: it must not be negative');
  }
  return (timeoutSeconds || EMBEDDED_DEFAULT_TIMEOUT_S) * 1000;
}

/**
 * The login ID an outbox message is recorded under: the one the caller named (as stored, e.g. a phone
 * without separators), or the user's first login ID when the caller named the user by user ID.
 */
export function sentTo(user: UserRecord, selector: string): string {
  const wanted = normaliseLoginId(selector);
  const named = user.loginIds.find((loginId) => sameLoginId(loginId, wanted));
  return named ?? user.loginIds[0] ?? '';
}
