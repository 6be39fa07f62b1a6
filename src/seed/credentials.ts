import type { PasswordRecord } from '../domain/credentials.js';
import { hashPassword } from '../domain/passwords.js';
import type { UserFixture } from '../fixtures.js';
import type { Store } from '../store/index.js';
import { fail } from './paths.js';

/**
 * The password a fixture user holds: a cleartext (hashed here, never stored) or a snapshot's stored hash, in
 * its state. The user's `password` flag must agree with it: a flag without a password, or a password with
 * `password: false`, is refused rather than loading a user the API could never produce.
 */
export function passwordOf(user: UserFixture, path: string, nowMs: number): PasswordRecord | undefined {
  if (user.cleartextPassword !== undefined && user.passwordHash !== undefined) {
    fail(`${path}.cleartextPassword`, 'give either cleartextPassword or passwordHash, not both');
  }
  const hash =
    user.passwordHash ??
    (user.cleartextPassword === undefined ? undefined : hashPassword(user.cleartextPassword));
  if (hash === undefined) {
    if (user.password === true) {
      fail(`${path}.password`, 'true needs the password itself (cleartextPassword or passwordHash)');
    }
    for (const key of ['passwordState', 'passwordSetTime'] as const) {
      if (user[key] !== undefined) fail(`${path}.${key}`, 'needs cleartextPassword or passwordHash');
    }
    return undefined;
  }
  if (user.password === false) fail(`${path}.password`, 'false contradicts the password given');
  return { hash, state: user.passwordState ?? 'active', setMs: user.passwordSetTime ?? nowMs };
}

/**
 * Seeds what no management call can create for a fixture user (password hash, passkeys, trusted devices,
 * provider tokens, login history, last logout), after the user is inserted. Times a fixture leaves out are
 * the seeding time; a trusted device left without expiry lasts 30 days; login history is recorded in the
 * order given (oldest first, as a snapshot lists it).
 */
export function seedUserCredentials(
  store: Store,
  projectId: string,
  userId: string,
  user: UserFixture,
  password: PasswordRecord | undefined,
  nowMs: number,
): void {
  const nowS = Math.floor(nowMs / 1000);
  const { credentials, sessions } = store;
  if (password) credentials.setPassword(projectId, userId, password);
  for (const passkey of user.passkeys ?? []) {
    credentials.addPasskey(projectId, userId, { ...passkey, createdTime: passkey.createdTime ?? nowS });
  }
  for (const device of user.trustedDevices ?? []) {
    const lastLoginTime = device.lastLoginTime ?? nowS;
    const expirationTime = device.expirationTime ?? lastLoginTime + 30 * 24 * 3600;
    credentials.addTrustedDevice(projectId, userId, { ...device, lastLoginTime, expirationTime });
  }
  for (const token of user.providerTokens ?? []) {
    credentials.setProviderToken(projectId, userId, {
      ...token,
      expiration: token.expiration ?? nowS + 3600,
    });
  }
  for (const login of user.loginHistory ?? []) sessions.recordLogin(projectId, { userId, ...login });
  if (user.logoutTime !== undefined) sessions.revoke(projectId, userId, user.logoutTime);
}
