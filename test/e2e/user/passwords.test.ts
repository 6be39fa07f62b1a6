import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/domain/passwords.js';
import {
  CREDENTIALS_FIXTURES,
  expectRefused,
  OTHER_PROJECT,
  TEST_PROJECT,
  useMock,
} from '../../helpers/mock.js';

const ADA = 'U2Ada0000000000000000000000';
const BOB = 'U2Bob0000000000000000000000';

const mock = useMock({ fixtures: CREDENTIALS_FIXTURES });
const sdk = mock.sdk();

const storedPassword = (userId: string, projectId = TEST_PROJECT.projectId) =>
  mock.app.services.store.credentials.password(projectId, userId);
const passwordFlag = async (loginId: string) => (await sdk.management.user.load(loginId)).data?.password;

describe('management.user.setActivePassword / setTemporaryPassword / setPassword', () => {
  it('sets an active password: {cleartext: ""}, the password flag on, only a salted scrypt hash stored', async () => {
    expect(await passwordFlag('ada@example.com')).toBe(false);
    const result = await sdk.management.user.setActivePassword('ada@example.com', 'Correct-Horse-1');
    expect(result.ok).toBe(true);
    expect(result.data).toEqual({ cleartext: '' });

    expect(await passwordFlag('ada@example.com')).toBe(true);
    const stored = storedPassword(ADA);
    expect(stored?.state).toBe('active');
    expect(stored?.hash).toMatch(/^scrypt\$1024\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(stored?.hash).not.toContain('Correct-Horse-1');
    expect(verifyPassword('Correct-Horse-1', stored?.hash ?? '')).toBe(true);
    expect(verifyPassword('correct-horse-1', stored?.hash ?? '')).toBe(false);
  });

  it('sets a temporary password by user ID, replacing the hash (a new salt) and the state', async () => {
    const before = storedPassword(ADA)?.hash;
    const result = await sdk.management.user.setTemporaryPassword(ADA, 'Temp-Pass-2');
    expect(result.ok).toBe(true);
    expect(result.data).toEqual({ cleartext: '' });

    const stored = storedPassword(ADA);
    expect(stored?.state).toBe('temporary');
    expect(stored?.hash).not.toBe(before);
    expect(verifyPassword('Temp-Pass-2', stored?.hash ?? '')).toBe(true);
    expect(verifyPassword('Correct-Horse-1', stored?.hash ?? '')).toBe(false);
  });

  it('setPassword (deprecated) behaves like set/temporary', async () => {
    const result = await sdk.management.user.setPassword('bob@example.com', 'Old-Style-3');
    expect(result.ok).toBe(true);
    expect(storedPassword(BOB)?.state).toBe('temporary');
    expect(verifyPassword('Old-Style-3', storedPassword(BOB)?.hash ?? '')).toBe(true);
    expect(await passwordFlag('bob@example.com')).toBe(true);
  });

  it('refuses an empty password with 400 E011002 and writes nothing', async () => {
    const result = await sdk.management.user.setActivePassword('tess@example.com', '');
    expect(result.ok).toBe(false);
    expect(expectRefused(result, 400, 'E011002').errorMessage).toBe('The password field is required');
    expect(storedPassword('U2Tess000000000000000000000')).toBeUndefined();
    expect(await passwordFlag('tess@example.com')).toBe(false);
  });

  it('answers 404 E112102 for an unknown user, 400 for a missing login ID or a wrong type', async () => {
    const unknown = await sdk.management.user.setTemporaryPassword('nobody@example.com', 'Whatever-4');
    expectRefused(unknown, 404, 'E112102');

    const noLogin = await mock.http('POST', '/v1/mgmt/user/password/set/active', { body: { password: 'x' } });
    expectRefused(noLogin, 400, 'E011002');

    const wrongType = await mock.http('POST', '/v1/mgmt/user/password/set/active', {
      body: { loginId: 'tess@example.com', password: 12345 },
    });
    expectRefused(wrongType, 400, 'E011001');
    expect(storedPassword('U2Tess000000000000000000000')).toBeUndefined();
  });

  it("accepts the .NET spelling `identifier` and never touches another project's user", async () => {
    const result = await mock.http('POST', '/v1/mgmt/user/password/set/active', {
      body: { identifier: 'tess@example.com', password: 'Dotnet-Pass-5' },
    });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ cleartext: '' });
    expect(storedPassword('U2Tess000000000000000000000')?.state).toBe('active');
    expect(storedPassword('U2OtherAda00000000000000000', OTHER_PROJECT.projectId)).toBeUndefined();
    const other = await mock.sdk(OTHER_PROJECT).management.user.load('ada@example.com');
    expect(other.data?.password).toBe(false);
  });
});

describe('management.user.expirePassword', () => {
  it('expires an existing password: {} and state expired, the password flag stays on', async () => {
    await sdk.management.user.setActivePassword('ada@example.com', 'Before-Expiry-6');
    const result = await sdk.management.user.expirePassword('ada@example.com');
    expect(result.ok).toBe(true);
    expect(result.data).toEqual({});
    expect(storedPassword(ADA)?.state).toBe('expired');
    expect(verifyPassword('Before-Expiry-6', storedPassword(ADA)?.hash ?? '')).toBe(true);
    expect(await passwordFlag('ada@example.com')).toBe(true);

    // A new password makes it usable again.
    await sdk.management.user.setActivePassword('ada@example.com', 'After-Expiry-7');
    expect(storedPassword(ADA)?.state).toBe('active');
  });

  it('succeeds without effect for a user who has no password, and 404s for an unknown one', async () => {
    const result = await sdk.management.user.expirePassword('+15555550100');
    expect(result.ok).toBe(true);
    expect(storedPassword('U2Tim0000000000000000000000')).toBeUndefined();
    expect(await passwordFlag('+15555550100')).toBe(false);

    const unknown = await sdk.management.user.expirePassword('nobody@example.com');
    expectRefused(unknown, 404, 'E112102');
  });
});
