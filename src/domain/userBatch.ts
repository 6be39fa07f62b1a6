import { invalid } from '../errors.js';
import type { Catalog } from './catalog.js';
import { hashPassword } from './passwords.js';
import { blankUser, type UserRecord } from './user.js';
import { buildUser, type CreateUserInput } from './userCreate.js';

/**
 * One user of create/batch or import (descope-api.md 4.3): a create input plus the credentials a migration
 * brings along: a cleartext `password` (only its hash is kept), a `hashedPassword` from another system, or
 * a TOTP `seed`.
 */
export interface BatchUserInput extends CreateUserInput {
  password?: string;
  hashedPassword?: Record<string, unknown>;
  seed?: string;
}

/** What a batch item writes: the user, and the password hash to store beside it (if any). */
export interface PreparedUser {
  user: UserRecord;
  passwordHash?: string;
}

/**
 * The members each hashed-password scheme needs, as the Node SDK types them (bcrypt… md5) and as Descope's
 * spec lists them (sha, argon2, bach, buddyauth). Binary members travel as base64 strings.
 */
const HASH_SCHEMES: Record<string, Record<string, 'string' | 'number'>> = {
  bcrypt: { hash: 'string' },
  pbkdf2: { hash: 'string', salt: 'string', iterations: 'number', type: 'string' },
  firebase: {
    hash: 'string',
    salt: 'string',
    saltSeparator: 'string',
    signerKey: 'string',
    memory: 'number',
    rounds: 'number',
  },
  django: { hash: 'string' },
  phpass: { hash: 'string', salt: 'string', iterations: 'number', type: 'string' },
  md5: { hash: 'string' },
  sha: { hash: 'string', type: 'string' },
  argon2: { hash: 'string', salt: 'string', iterations: 'number', memory: 'number', threads: 'number' },
  bach: { hash: 'string', key: 'string' },
  buddyauth: { hash: 'string' },
};
const HASH_TYPES: Record<string, readonly string[]> = {
  pbkdf2: ['sha1', 'sha256', 'sha512'],
  phpass: ['md5', 'sha512'],
};
/** An RFC 4648 base32 TOTP seed, as authenticator apps take it. */
const BASE32 = /^[A-Z2-7]+=*$/i;

export function prepareBatchUser(input: BatchUserInput, catalog: Catalog, nowMs: number): PreparedUser {
  if (input.password !== undefined && input.hashedPassword !== undefined) {
    // Vendor behaviour (inferred): a user brings one password, cleartext or hashed, not both.
    throw invalid('Give either password or hashedPassword, not both');
  }
  if (input.createdTime !== undefined && (!Number.isInteger(input.createdTime) || input.createdTime < 0)) {
    throw invalid('The createdTime field must be epoch seconds');
  }
  if (input.seed !== undefined && !BASE32.test(input.seed)) {
    throw invalid('The seed field must be a base32 TOTP seed');
  }
  // A batch or import never pins the user ID: Descope generates it.
  const user = buildUser({ ...input, userId: undefined }, catalog, nowMs);
  let passwordHash: string | undefined;
  if (input.password !== undefined) {
    if (input.password === '') throw invalid('The password field cannot be empty');
    passwordHash = hashPassword(input.password);
  } else if (input.hashedPassword !== undefined) {
    passwordHash = importedHash(input.hashedPassword);
  }
  return {
    user: { ...user, password: passwordHash !== undefined, TOTP: input.seed !== undefined },
    passwordHash,
  };
}

/**
 * A hashed password from another system, checked against its scheme and kept as given (`imported$<json>`).
 * Password sign-in checks pbkdf2 and Django pbkdf2 hashes and refuses the other schemes honestly
 * (passwordMatches in ./passwords.ts); the user's `password` flag is set.
 */
function importedHash(hashed: Record<string, unknown>): string {
  if (typeof hashed !== 'object' || hashed === null || Array.isArray(hashed)) {
    throw invalid('The hashedPassword field must be an object');
  }
  const schemes = Object.keys(hashed).filter((name) => hashed[name] !== undefined);
  const [scheme] = schemes;
  if (schemes.length !== 1 || scheme === undefined) {
    throw invalid(`The hashedPassword field needs exactly one of: ${Object.keys(HASH_SCHEMES).join(', ')}`);
  }
  const members = HASH_SCHEMES[scheme];
  const value = hashed[scheme];
  if (!members) throw invalid(`Unknown password hash scheme "${scheme}"`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`The hashedPassword.${scheme} field must be an object`);
  }
  const record = value as Record<string, unknown>;
  for (const [member, type] of Object.entries(members)) {
    const given = record[member];
    if (typeof given !== type || given === '') {
      throw invalid(`The hashedPassword.${scheme}.${member} field is required (${type})`);
    }
  }
  const types = HASH_TYPES[scheme];
  if (types && !types.includes(record.type as string)) {
    throw invalid(`The hashedPassword.${scheme}.type field must be one of: ${types.join(', ')}`);
  }
  return `imported$${JSON.stringify({ [scheme]: record })}`;
}

/**
 * The user a failure item carries: what was asked for, on a blank user (no user ID: none was created).
 * Vendor behaviour (inferred): Descope echoes the requested user; only plain attributes are echoed back.
 */
export function requestedUser(input: {
  loginId?: string;
  email?: string;
  phone?: string;
  name?: string;
}): UserRecord {
  const blank = blankUser(input.loginId ?? '', 0);
  return {
    ...blank,
    userId: '',
    loginIds: input.loginId ? [input.loginId] : [],
    email: input.email ?? '',
    phone: input.phone ?? '',
    name: input.name ?? '',
    createdTime: 0,
  };
}
