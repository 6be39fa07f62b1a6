import { describe, expect, it } from 'vitest';
import { expectRefused, OTHER_PROJECT, useMock } from '../../helpers/mock.js';
import { expectedUser, expectUser, loaded, type Outcome } from '../../helpers/user.js';

/** Load and delete by login ID or user ID, and project isolation (descope-api.md 3.4, 4.7, 4.8). */

const ADA = 'U2Ada0000000000000000000000';

const mock = useMock();
const sdk = mock.sdk();
const other = mock.sdk(OTHER_PROJECT);

const ada = expectedUser(['ada@example.com'], {
  userId: ADA,
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  verifiedEmail: true,
  roleNames: ['Viewer'],
  permissions: ['Read Reports'],
});

const notFound = (result: Outcome) => {
  expect(result.ok).toBe(false);
  expect(expectRefused(result, 404, 'E112102').errorMessage).toBe('Cannot find user');
};

describe('management.user.load / loadByUserId', () => {
  it('loads a seeded user by login ID (any case), by user ID, and by userId', async () => {
    for (const selector of ['ada@example.com', 'ADA@EXAMPLE.COM', ADA]) {
      const result = await sdk.management.user.load(selector);
      expect(result.code).toBe(200);
      expectUser(result.data, ada);
    }
    expectUser((await sdk.management.user.loadByUserId(ADA)).data, ada);
  });

  it('answers 404 E112102 for an unknown user; loadByUserId does not take a login ID', async () => {
    notFound(await sdk.management.user.load('nobody@example.com'));
    notFound(await sdk.management.user.loadByUserId('ada@example.com'));
    notFound(await sdk.management.user.loadByUserId('U2Nobody000000000000000000'));
  });

  it('accepts the identifier and userId query keys over raw HTTP, and wraps the user with created: false', async () => {
    for (const query of ['identifier=ada%40example.com', `identifier=${ADA}`, `userId=${ADA}`]) {
      const raw = await mock.http('GET', `/v1/mgmt/user?${query}`);
      expect(raw.status).toBe(200);
      expect(Object.keys(raw.body).sort()).toEqual(['created', 'user']);
      expect(raw.body.created).toBe(false);
      expectUser(raw.body.user, ada);
    }
  });

  it('refuses a load with no selector with 400 E011002', async () => {
    const raw = await mock.http('GET', '/v1/mgmt/user');
    expectRefused(raw, 400, 'E011002');
  });
});

describe('management.user.delete / deleteByUserId', () => {
  it('deletes by login ID: {} then 404, and the login ID is free again', async () => {
    const first = (await sdk.management.user.create('gone@example.com')).data;
    const result = await sdk.management.user.delete('gone@example.com');
    expect(result.code).toBe(200);
    expect(result.data).toEqual({});
    notFound(await sdk.management.user.load('gone@example.com'));
    notFound(await sdk.management.user.loadByUserId(first?.userId ?? ''));
    const again = await sdk.management.user.create('gone@example.com');
    expect(again.ok).toBe(true);
    expect(again.data?.userId).not.toBe(first?.userId);
  });

  it('deletes by user ID through delete and deleteByUserId', async () => {
    const a = (await sdk.management.user.create('by-id-a')).data?.userId ?? '';
    const b = (await sdk.management.user.create('by-id-b')).data?.userId ?? '';
    expect((await sdk.management.user.delete(a)).data).toEqual({});
    expect((await sdk.management.user.deleteByUserId(b)).data).toEqual({});
    notFound(await sdk.management.user.load('by-id-a'));
    notFound(await sdk.management.user.load('by-id-b'));
  });

  it('finds a phone login ID by any spelling', async () => {
    await sdk.management.user.create('+1-555-555-1234');
    expect(await loaded(sdk, '+15555551234')).toMatchObject({ loginIds: ['+15555551234'] });
    expect((await sdk.management.user.delete('+1 (555) 555-1234')).ok).toBe(true);
    notFound(await sdk.management.user.load('+15555551234'));
  });

  it("accepts the identifier alias, and the Go SDK's body with both keys, one empty (raw HTTP)", async () => {
    await sdk.management.user.create('raw-delete');
    const raw = await mock.http('POST', '/v1/mgmt/user/delete', { body: { identifier: 'raw-delete' } });
    expect(raw.status).toBe(200);
    expect(raw.body).toEqual({});
    notFound(await sdk.management.user.load('raw-delete'));
    const userId = (await sdk.management.user.create('go-delete')).data?.userId;
    const go = await mock.http('POST', '/v1/mgmt/user/delete', { body: { loginId: '', userId } });
    expect(go.status).toBe(200);
    notFound(await sdk.management.user.load('go-delete'));
  });

  it('answers 404 E112102 for an unknown user and 400 E011002 with no selector', async () => {
    notFound(await sdk.management.user.delete('nobody@example.com'));
    notFound(await sdk.management.user.deleteByUserId('U2Nobody000000000000000000'));
    const raw = await mock.http('POST', '/v1/mgmt/user/delete', { body: { loginId: '', userId: '' } });
    expectRefused(raw, 400, 'E011002');
  });
});

describe('project isolation', () => {
  it("never shows or changes a user through another project's key", async () => {
    notFound(await other.management.user.load('ada@example.com'));
    notFound(await other.management.user.loadByUserId(ADA));
    notFound(await other.management.user.updateDisplayName('ada@example.com', 'Hijacked'));
    notFound(await other.management.user.delete('ada@example.com'));
    notFound(await other.management.user.addRoles(ADA, ['Tenant Admin']));
    notFound(await sdk.management.user.load('other@example.com'));
    expectUser(await loaded(sdk, 'ada@example.com'), ada);
    expect(await loaded(other, 'other@example.com')).toMatchObject({ loginIds: ['other@example.com'] });
  });

  it('lets each project hold the same login ID as a different user', async () => {
    const mine = await sdk.management.user.create('shared@example.com', { displayName: 'Mine' });
    const theirs = await other.management.user.create('shared@example.com', { displayName: 'Theirs' });
    expect(mine.ok && theirs.ok).toBe(true);
    expect(mine.data?.userId).not.toBe(theirs.data?.userId);
    expect(await loaded(sdk, 'shared@example.com')).toMatchObject({ name: 'Mine' });
    expect(await loaded(other, 'shared@example.com')).toMatchObject({ name: 'Theirs' });
  });
});
