import { describe, expect, it } from 'vitest';
import { CREDENTIALS_FIXTURES, expectRefused, TEST_PROJECT, useMock } from '../../helpers/mock.js';

const ADA = 'U2Ada0000000000000000000000';
const TESS = 'U2Tess000000000000000000000';
const BOB = 'U2Bob0000000000000000000000';

const mock = useMock({ fixtures: CREDENTIALS_FIXTURES });
const sdk = mock.sdk();

const storedPasskeys = (userId: string) =>
  mock.app.services.store.credentials.passkeys(TEST_PROJECT.projectId, userId).map((passkey) => passkey.id);
/** The credential flags of the loaded user (the SDK's UserResponse type does not name `webauthn`). */
const loadUser = async (loginId: string) =>
  (await sdk.management.user.load(loginId)).data as unknown as
    | { webauthn: boolean; TOTP: boolean }
    | undefined;

describe('management.user.listPasskeys', () => {
  it("lists the user's passkeys with every field, oldest first; seeded passkeys turn webauthn on", async () => {
    expect((await loadUser('ada@example.com'))?.webauthn).toBe(true);
    const result = await sdk.management.user.listPasskeys('ada@example.com');
    expect(result.ok).toBe(true);
    expect(result.data).toEqual([
      {
        id: 'cred-laptop',
        rpId: 'example.com',
        kind: 'passkey',
        displayName: 'Laptop',
        createdTime: 1724400000,
      },
      {
        id: 'cred-phone',
        rpId: 'example.com',
        kind: 'passkey',
        displayName: 'Phone',
        createdTime: 1724411111,
      },
    ]);
  });

  it('answers {passkeys: []} for a user without passkeys, and 404 E112102 for an unknown user', async () => {
    const raw = await mock.http('POST', '/v1/mgmt/user/passkeys/list', { body: { loginId: TESS } });
    expect(raw.status).toBe(200);
    expect(raw.body).toEqual({ passkeys: [] });
    expect((await loadUser('tess@example.com'))?.webauthn).toBe(false);

    const unknown = await sdk.management.user.listPasskeys('nobody@example.com');
    expectRefused(unknown, 404, 'E112102');
  });
});

describe('management.user.removePasskey / removeAllPasskeys', () => {
  it('removes one passkey by credential ID; webauthn stays on while one is left', async () => {
    const result = await sdk.management.user.removePasskey('ada@example.com', 'cred-laptop');
    expect(result.ok).toBe(true);
    expect(result.data).toEqual({});
    expect(storedPasskeys(ADA)).toEqual(['cred-phone']);
    expect((await loadUser('ada@example.com'))?.webauthn).toBe(true);
  });

  it('succeeds for a credential the user does not hold, and refuses a missing credentialId (400 E011002)', async () => {
    const other = await sdk.management.user.removePasskey('ada@example.com', 'cred-nope');
    expect(other.ok).toBe(true);
    expect(storedPasskeys(ADA)).toEqual(['cred-phone']);

    const missing = await mock.http('POST', '/v1/mgmt/user/passkey/delete', {
      body: { loginId: 'ada@example.com' },
    });
    expect(expectRefused(missing, 400, 'E011002').errorMessage).toBe('The credentialId field is required');
  });

  it('removing the last passkey turns webauthn off', async () => {
    const result = await sdk.management.user.removePasskey(ADA, 'cred-phone');
    expect(result.ok).toBe(true);
    expect(storedPasskeys(ADA)).toEqual([]);
    expect((await loadUser('ada@example.com'))?.webauthn).toBe(false);
  });

  it('removeAllPasskeys deletes every passkey, answers {} even when there are none, 404s for an unknown user', async () => {
    const imported = await mock.http('POST', '/v1/mgmt/user/passkeys/import', {
      body: {
        loginId: 'tess@example.com',
        devices: [
          { descope: { credentialId: 'imp-1', rpId: 'example.com' } },
          { auth0: { keyId: 'imp-2', rpId: 'auth0.example.com' } },
        ],
      },
    });
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({});
    expect(storedPasskeys(TESS).sort()).toEqual(['imp-1', 'imp-2']);
    expect((await loadUser('tess@example.com'))?.webauthn).toBe(true);

    const result = await sdk.management.user.removeAllPasskeys('tess@example.com');
    expect(result.ok).toBe(true);
    expect(result.data).toEqual({});
    expect(storedPasskeys(TESS)).toEqual([]);
    expect((await loadUser('tess@example.com'))?.webauthn).toBe(false);

    const again = await sdk.management.user.removeAllPasskeys('tess@example.com');
    expect(again.ok).toBe(true);

    const unknown = await sdk.management.user.removeAllPasskeys('nobody@example.com');
    expectRefused(unknown, 404, 'E112102');
  });

  it('passkeys/import keeps every device field of the spec; the list answers the passkey fields only', async () => {
    const descope = {
      credentialId: 'full-1',
      rpId: 'example.com',
      publicKey: 'pQECAyYgASFYIA==',
      attestationType: 'packed',
      aaguid: 'adce0002-35bc-c60a-648b-0b25f1f05503',
      transports: ['internal'],
      backupEligible: true,
      backupState: true,
    };
    const auth0 = {
      keyId: 'full-2',
      rpId: 'auth0.example.com',
      publicKey: 'pQECAyYgASFYIA',
      aaguid: '00000000-0000-0000-0000-000000000000',
      transports: ['usb', 'nfc'],
      credentialDeviceType: 'multiDevice',
      credentialBackedUp: false,
      userHandle: 'dXNlci1oYW5kbGU',
    };
    const imported = await mock.http('POST', '/v1/mgmt/user/passkeys/import', {
      body: { loginId: 'bob@example.com', devices: [{ descope }, { auth0 }] },
    });
    expect(imported.status).toBe(200);
    const kept = mock.app.services.store.credentials.passkeys(TEST_PROJECT.projectId, BOB);
    expect(kept.map((passkey) => passkey.device)).toEqual([{ descope }, { auth0 }]);
    const listed = await sdk.management.user.listPasskeys('bob@example.com');
    expect(listed.data?.map((passkey) => Object.keys(passkey).sort())).toEqual([
      ['createdTime', 'displayName', 'id', 'kind', 'rpId'],
      ['createdTime', 'displayName', 'id', 'kind', 'rpId'],
    ]);
    await sdk.management.user.removeAllPasskeys('bob@example.com');

    const notBase64 = await mock.http('POST', '/v1/mgmt/user/passkeys/import', {
      body: {
        loginId: 'bob@example.com',
        devices: [{ descope: { credentialId: 'x', publicKey: 'not base64!' } }],
      },
    });
    expectRefused(notBase64, 400, 'E011004');
    const wrongType = await mock.http('POST', '/v1/mgmt/user/passkeys/import', {
      body: { loginId: 'bob@example.com', devices: [{ auth0: { keyId: 'x', transports: 'usb' } }] },
    });
    expectRefused(wrongType, 400, 'E011001');
    expect(storedPasskeys(BOB)).toEqual([]);
  });

  it('passkeys/import refuses a device without a credential ID, writing nothing', async () => {
    const result = await mock.http('POST', '/v1/mgmt/user/passkeys/import', {
      body: { loginId: 'bob@example.com', devices: [{ descope: { credentialId: 'ok-1' } }, { descope: {} }] },
    });
    expectRefused(result, 400, 'E011004');
    expect(storedPasskeys(BOB)).toEqual([]);
  });
});

describe('management.user.removeTOTPSeed', () => {
  it('turns the TOTP flag off and answers {}', async () => {
    // Nothing in the management API enrols TOTP: arrange a user who has it, as a sign-up would leave them.
    const { store } = mock.app.services;
    const bob = store.users.findByUserId(TEST_PROJECT.projectId, 'U2Bob0000000000000000000000');
    store.users.update(TEST_PROJECT.projectId, bob!, { ...bob!.user, TOTP: true });
    expect((await loadUser('bob@example.com'))?.TOTP).toBe(true);

    const result = await sdk.management.user.removeTOTPSeed('bob@example.com');
    expect(result.ok).toBe(true);
    expect(result.data).toEqual({});
    expect((await loadUser('bob@example.com'))?.TOTP).toBe(false);
  });

  it('404s for an unknown user and 400s without a login ID', async () => {
    const unknown = await sdk.management.user.removeTOTPSeed('nobody@example.com');
    expectRefused(unknown, 404, 'E112102');
    const empty = await mock.http('POST', '/v1/mgmt/user/totp/delete', { body: {} });
    expectRefused(empty, 400, 'E011002');
  });
});

describe('POST /v1/mgmt/user/recovery-codes/delete (Node 2.14 removeRecoveryCodes)', () => {
  it('answers {} for a known user and 404 E112102 for an unknown one', async () => {
    const ok = await mock.http('POST', '/v1/mgmt/user/recovery-codes/delete', {
      body: { loginId: 'bob@example.com' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({});
    const unknown = await mock.http('POST', '/v1/mgmt/user/recovery-codes/delete', {
      body: { loginId: 'nobody@example.com' },
    });
    expectRefused(unknown, 404, 'E112102');
  });
});

describe('deleting a user', () => {
  it("removes the user's credentials and history with it", async () => {
    const { credentials, sessions } = mock.app.services.store;
    const { projectId } = TEST_PROJECT;
    expect(credentials.trustedDevices(projectId, ADA)).toHaveLength(2);
    expect(credentials.providerToken(projectId, ADA, 'google')).toBeDefined();
    expect(sessions.history(projectId, [ADA])).toHaveLength(2);

    expect((await sdk.management.user.delete('ada@example.com')).ok).toBe(true);
    expect(credentials.trustedDevices(projectId, ADA)).toEqual([]);
    expect(credentials.providerToken(projectId, ADA, 'google')).toBeUndefined();
    expect(sessions.history(projectId, [ADA])).toEqual([]);
    expect(credentials.passkeys(projectId, ADA)).toEqual([]);
  });
});
