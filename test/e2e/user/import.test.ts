import { describe, expect, it } from 'vitest';
import { expectDescopeError, expectRefused, TEST_PROJECT, useMock } from '../../helpers/mock.js';
import { expectNoUser, loaded } from '../../helpers/user.js';

/** management.user.import: POST /v1/mgmt/user/import (descope-api.md 4.12; the file format is the mock's). */

const mock = useMock();
const sdk = mock.sdk();

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

const exportFile = [
  {
    loginId: 'imp1@example.com',
    displayName: 'Imp One',
    roleNames: ['Viewer'],
    status: 'enabled',
    createdTime: 1_500_000_000,
  },
  { loginId: 'imp2@example.com', password: 'Import-Pass-2' },
  { loginId: 'imp3@example.com', roleNames: ['NoSuchRole'] },
  { email: 'no-login-id@example.com' },
  { loginId: 'ada@example.com' },
  { loginId: 'imp4@example.com', phone: 42 },
  { loginId: 'imp5@example.com' },
];
const hashes = { 'imp5@example.com': { md5: { hash: '5f4dcc3b5aa765d61d8327deb882cf99' } } };

describe('management.user.import', () => {
  it('a dry run reports what would happen and writes nothing', async () => {
    const result = await sdk.management.user.import('custom', base64(exportFile), base64(hashes), true);
    expect(result.error).toBeUndefined();
    expect(result.data?.users?.map((user) => user.loginIds[0])).toEqual([
      'imp1@example.com',
      'imp2@example.com',
      'imp5@example.com',
    ]);
    expect(result.data?.failures?.map((failure) => failure.user)).toEqual([
      'imp3@example.com',
      'users[3]',
      'ada@example.com',
      'users[5]',
    ]);
    await expectNoUser(sdk, 'imp1@example.com', 'imp2@example.com', 'imp5@example.com');
  });

  it('imports each valid user with its attributes and password, and reports each failure', async () => {
    const result = await sdk.management.user.import('custom', base64(exportFile), base64(hashes));
    expect(result.error).toBeUndefined();
    expect(result.data?.failures).toEqual([
      { user: 'imp3@example.com', reason: 'Role "NoSuchRole" does not exist' },
      { user: 'users[3]', reason: 'The loginId field is required' },
      { user: 'ada@example.com', reason: 'Login ID "ada@example.com" is already in use' },
      { user: 'users[5]', reason: expect.stringMatching(/^The phone field is invalid/) },
    ]);
    expect(await loaded(sdk, 'imp1@example.com')).toMatchObject({
      name: 'Imp One',
      roleNames: ['Viewer'],
      status: 'enabled',
      createdTime: 1_500_000_000,
    });
    const imp2 = (await loaded(sdk, 'imp2@example.com')) as { userId: string; password: boolean };
    expect(imp2.password).toBe(true);
    const { credentials } = mock.app.services.store;
    expect(credentials.password(TEST_PROJECT.projectId, imp2.userId)?.hash).toMatch(/^scrypt\$/);
    const imp5 = (await loaded(sdk, 'imp5@example.com')) as { userId: string; password: boolean };
    expect(imp5.password).toBe(true);
    expect(credentials.password(TEST_PROJECT.projectId, imp5.userId)?.hash).toContain('md5');
    await expectNoUser(sdk, 'imp3@example.com');
  });

  it('a users field that is not base64 JSON is 400 E011004; absent is 400 E011002', async () => {
    const bad = await sdk.management.user.import('custom', 'not json at all');
    expectRefused(bad, 400, 'E011004');
    const notArray = await sdk.management.user.import('custom', base64({ loginId: 'x' }));
    expectDescopeError(notArray.error, 'E011004');
    const absent = await sdk.management.user.import('custom');
    expectRefused(absent, 400, 'E011002');
  });

  it('a Uint8Array (serialised by the SDK as an object) is a wrong type: 400 E011001', async () => {
    const result = await sdk.management.user.import('custom', new TextEncoder().encode('[]'));
    expectRefused(result, 400, 'E011001');
  });
});
