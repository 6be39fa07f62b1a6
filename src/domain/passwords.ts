import { pbkdf2Sync, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { DescopeError, missing } from '../errors.js';

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
 * True when `password` is the one a stored hash was made from: the mock's own scrypt hash, or a hash a
 * user import brought (`imported$<json>`, src/domain/userBatch.ts) in a scheme node's crypto can check:
 * `pbkdf2` (hash and salt base64, the key as long as the hash) and `django`'s pbkdf2_sha256 / pbkdf2_sha1
 * strings. Any other imported scheme (bcrypt, argon2, firebase's scrypt, phpass, md5, sha, …) is refused
 * 501 E000501 rather than answered as a wrong password: the mock cannot tell, and says so.
 */
export function passwordMatches(password: string, stored: string): boolean {
  if (!stored.startsWith('imported$')) return verifyPassword(password, stored);
  const imported = JSON.parse(stored.slice('imported$'.length)) as Record<string, Record<string, unknown>>;
  const [scheme = ''] = Object.keys(imported);
  const value = imported[scheme] ?? {};
  if (scheme === 'pbkdf2') {
    return pbkdf2Matches(password, {
      hash: Buffer.from(String(value.hash), 'base64'),
      salt: Buffer.from(String(value.salt), 'base64'),
      iterations: Number(value.iterations),
      digest: String(value.type),
    });
  }
  if (scheme === 'django') {
    const django = djangoPbkdf2(String(value.hash));
    if (django) return pbkdf2Matches(password, django);
  }
  throw new DescopeError(
    'NOT_EMULATED',
    `descope-mock cannot verify an imported ${scheme} password hash (only pbkdf2 and Django's pbkdf2 ones); ` +
      'set the password with management setActivePassword instead',
  );
}

interface Pbkdf2Hash {
  hash: Buffer;
  salt: Buffer;
  iterations: number;
  digest: string;
}

function pbkdf2Matches(password: string, { hash, salt, iterations, digest }: Pbkdf2Hash): boolean {
  if (hash.length === 0 || !Number.isInteger(iterations) || iterations < 1) return false;
  const actual = pbkdf2Sync(password, salt, iterations, hash.length, digest);
  return timingSafeEqual(actual, hash);
}

/** Django's `pbkdf2_sha256$<iterations>$<salt>$<base64 hash>` (or `pbkdf2_sha1$…`); undefined for another. */
function djangoPbkdf2(encoded: string): Pbkdf2Hash | undefined {
  const [algorithm, iterations, salt, hash] = encoded.split('$');
  const digest = { pbkdf2_sha256: 'sha256', pbkdf2_sha1: 'sha1' }[algorithm ?? ''];
  if (!digest || salt === undefined || hash === undefined) return undefined;
  return {
    hash: Buffer.from(hash, 'base64'),
    salt: Buffer.from(salt, 'utf8'),
    iterations: Number(iterations),
    digest,
  };
}

/**
 * A new password as the management API takes it. Vendor behaviour (inferred): an empty password is refused
 * like any missing argument; the project's password policy (length, character classes) is not emulated.
 */
export function checkNewPassword(password: string | undefined): string {
  if (!password) throw missing('password');
  return password;
}
