import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { missing } from '../errors.js';

/**
 * A low scrypt cost (N=2^10, r=8, p=1: 1 MB, about a millisecond): the mock holds test passwords, and a
 * user's test suite that sets hundreds of them must not wait on a production-grade cost. The hash still
 * never lets the password be read back.
 */
const SCRYPT = { N: 1024, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/**
 * A salted scrypt hash, self-describing (`scrypt$N$r$p$salt$hash`) so that a later change of cost still
 * verifies old hashes. Only this is stored, never the password.
 */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_LENGTH, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('hex'), hash.toString('hex')].join('$');
}

/** True when `password` is the one `stored` was made from; constant-time on the hash. */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, saltHex, hashHex] = stored.split('$');
  if (scheme !== 'scrypt' || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A new password as the management API takes it. Vendor behaviour (inferred): an empty password is refused
 * like any missing argument; the project's password policy (length, character classes) is not emulated.
 */
export function checkNewPassword(password: string | undefined): string {
  if (!password) throw missing('password');
  return password;
}
