import { randomFillSync } from 'node:crypto';

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
    const byte = nextRandomByte();
    if (byte < UNBIASED_LIMIT) id += ALPHANUMERICS[byte % ALPHANUMERICS.length];
  }
  return id;
}

/**
 * Crypto-random bytes drawn from a pool refilled 4 KB at a time: one randomBytes call per ID cost more than
 * the rest of seeding a fixture user. Each byte is used once.
 */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function nextRandomByte(): number {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  return pool[poolOffset++] as number;
}
