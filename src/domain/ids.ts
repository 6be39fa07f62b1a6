import { randomBytes } from 'node:crypto';

const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Bytes at or above this are dropped, so every character is equally likely (248 = 4 × 62). */
const UNBIASED_LIMIT = 248;

/**
 * An ID shaped like Descope's (`U2…` users, `P2…` projects, `T2…` tenants, `K2…` keys): the two-character
 * prefix and crypto-random alphanumerics, 28 characters in all.
 */
export function randomId(prefix: string, length = 28): string {
  let id = prefix;
  while (id.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < UNBIASED_LIMIT && id.length < length) id += ALPHANUMERICS[byte % ALPHANUMERICS.length];
    }
  }
  return id;
}
