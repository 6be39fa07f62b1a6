import type { UserFixture } from './fixtures.js';
import type { Store } from './store/index.js';

/**
 * Seeds what no management call can create for a fixture user (passkeys, trusted devices, provider tokens,
 * login history), after the user is inserted, and turns on the `webauthn` flag when passkeys were given.
 * Times a fixture leaves out are the seeding time; a trusted device left without expiry lasts 30 days.
 */
export function seedUserCredentials(
  store: Store,
  projectId: string,
  userId: string,
  user: UserFixture,
  nowMs: number,
): void {
  const nowS = Math.floor(nowMs / 1000);
  const { credentials, sessions } = store;
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

  if ((user.passkeys ?? []).length > 0) {
    const record = store.users.findByUserId(projectId, userId);
    if (record && !record.webauthn) store.users.update(projectId, { ...record, webauthn: true });
  }
}
