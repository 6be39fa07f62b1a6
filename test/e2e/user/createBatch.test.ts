import { describe, expect, it } from 'vitest';
import { expectRefused, TEST_PROJECT, useMock } from '../../helpers/mock.js';
import { expectNoUser, loaded } from '../../helpers/user.js';

/** management.user.createBatch and inviteBatch: POST /v1/mgmt/user/create/batch (descope-api.md 4.3). */

const mock = useMock();
const sdk = mock.sdk();

const { projectId } = TEST_PROJECT;
const store = () => mock.app.services.store;
const userIdOf = async (loginId: string) => ((await loaded(sdk, loginId)) as { userId: string }).userId;

describe('management.user.createBatch', () => {
  it('creates each valid user, reports each invalid one, and writes nothing for the failures', async () => {
    const result = await sdk.management.user.createBatch([
      {
        loginIdOrUserId: 'bo@example.com',
        displayName: 'Bo',
        roles: ['Viewer'],
        password: 'Secret-Pass-1',
        status: 'enabled',
        createdTime: 1_600_000_000,
        test: true,
      },
      { loginId: 'cy@example.com', verifiedEmail: false, seed: 'JBSWY3DPEHPK3PXP' },
      { loginId: 'dee@example.com', roles: ['NoSuchRole'] },
      { loginId: 'ada@example.com' },
      { loginId: 'eve@example.com', hashedPassword: { bcrypt: { hash: '$2a$10$abcdefghijklmnopqrstuv' } } },
    ]);
    expect(result.error).toBeUndefined();
    const data = result.data!;
    expect(data.createdUsers.map((user) => user.loginIds[0])).toEqual([
      'bo@example.com',
      'cy@example.com',
      'eve@example.com',
    ]);
    expect(data.createdUsers[0]).toMatchObject({
      name: 'Bo',
      roleNames: ['Viewer'],
      permissions: ['Read Reports'],
      status: 'enabled',
      createdTime: 1_600_000_000,
      test: true,
      password: true,
      TOTP: false,
    });
    expect(data.createdUsers[1]).toMatchObject({ status: 'invited', verifiedEmail: false, TOTP: true });
    expect(data.createdUsers[2]).toMatchObject({ password: true });
    expect(data.failedUsers.map((failed) => [failed.user.loginIds, failed.failure])).toEqual([
      [['dee@example.com'], 'Role "NoSuchRole" does not exist'],
      [['ada@example.com'], 'Login ID "ada@example.com" is already in use'],
    ]);
    expect(data.additionalErrors).toEqual({});

    expect(await loaded(sdk, 'bo@example.com')).toMatchObject({
      status: 'enabled',
      test: true,
      password: true,
    });
    await expectNoUser(sdk, 'dee@example.com');
    expect(await loaded(sdk, 'ada@example.com')).toMatchObject({ name: 'Ada Lovelace' });
    // Only a hash of the cleartext password is kept.
    const stored = store().credentials.password(projectId, await userIdOf('bo@example.com'));
    expect(stored?.state).toBe('active');
    expect(stored?.hash).toMatch(/^scrypt\$/);
    expect(stored?.hash).not.toContain('Secret-Pass-1');
    const imported = store().credentials.password(projectId, await userIdOf('eve@example.com'));
    expect(imported?.hash).toContain('bcrypt');
    expect(store().credentials.password(projectId, await userIdOf('cy@example.com'))).toBeUndefined();
  });

  it('reports bad credentials, statuses and duplicates inside the batch per user', async () => {
    const result = await sdk.management.user.createBatch([
      {
        loginId: 'fay@example.com',
        hashedPassword: {
          pbkdf2: { hash: 'aGFzaA==', salt: 'c2FsdA==', iterations: 1000, type: 'md4' as 'sha1' },
        },
      },
      { loginId: 'gus@example.com', status: 'expired' as 'enabled' },
      { loginId: 'hank@example.com', seed: 'not base32!' },
      { loginId: 'dup@example.com' },
      { loginId: 'DUP@example.com' },
    ]);
    expect(result.error).toBeUndefined();
    expect(result.data?.createdUsers.map((user) => user.loginIds[0])).toEqual(['dup@example.com']);
    expect(result.data?.failedUsers.map((failed) => failed.failure)).toEqual([
      'The hashedPassword.pbkdf2.type field must be one of: sha1, sha256, sha512',
      'The status field must be one of: enabled, disabled, invited',
      'The seed field must be a base32 TOTP seed',
      'Login ID "DUP@example.com" is already in use',
    ]);
    await expectNoUser(sdk, 'fay@example.com', 'gus@example.com', 'hank@example.com');
  });

  it('a malformed item (wrong type) fails the whole call with 400 E011001 and writes nothing', async () => {
    const raw = await mock.http('POST', '/v1/mgmt/user/create/batch', {
      body: { users: [{ loginId: 'ok@example.com' }, { loginId: 'bad@example.com', email: 5 }] },
    });
    expectRefused(raw, 400, 'E011001');
    await expectNoUser(sdk, 'ok@example.com');
  });

  it('no users at all is 400 E011002', async () => {
    const raw = await mock.http('POST', '/v1/mgmt/user/create/batch', { body: { users: [] } });
    expectRefused(raw, 400, 'E011002');
  });
});

describe('management.user.inviteBatch', () => {
  it('creates and invites each user, re-invites existing ones, and fails those it cannot reach', async () => {
    const result = await sdk.management.user.inviteBatch(
      [{ loginId: 'ivan@example.com' }, { loginId: 'ada@example.com' }, { loginId: 'nocontact' }],
      'https://app.example.com/invite',
      true,
      false,
      { team: 'blue' },
      'tpl',
      'de',
    );
    expect(result.error).toBeUndefined();
    expect(result.data?.createdUsers.map((user) => user.loginIds[0])).toEqual([
      'ivan@example.com',
      'ada@example.com',
    ]);
    expect(result.data?.failedUsers.map((failed) => failed.user.loginIds[0])).toEqual(['nocontact']);
    await expectNoUser(sdk, 'nocontact');
    const sent = store()
      .outbox.list(projectId)
      .filter((message) => message.kind === 'invitation');
    expect(sent.map((message) => [message.loginId, message.deliveryMethod])).toEqual([
      ['ivan@example.com', 'email'],
      ['ada@example.com', 'email'],
    ]);
    expect(sent[0]?.payload).toEqual({
      to: 'ivan@example.com',
      inviteUrl: 'https://app.example.com/invite',
      templateId: 'tpl',
      templateOptions: { team: 'blue' },
      locale: 'de',
    });
  });
});
