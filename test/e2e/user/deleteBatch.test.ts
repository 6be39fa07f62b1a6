import { describe, expect, it } from 'vitest';
import { expectRefused, OTHER_PROJECT, useMock } from '../../helpers/mock.js';
import { expectNoUser, loaded } from '../../helpers/user.js';

/** management.user.deleteBatch and deleteAllTestUsers (descope-api.md 4.8). */

const mock = useMock();
const sdk = mock.sdk();

const create = async (loginId: string, test = false) => {
  const result = test
    ? await sdk.management.user.createTestUser(loginId)
    : await sdk.management.user.create(loginId, { roles: ['Viewer'] });
  expect(result.error).toBeUndefined();
  return result.data!.userId;
};

describe('management.user.deleteBatch', () => {
  it('deletes the users named by user ID, skips unknown IDs, answers {}', async () => {
    const first = await create('del1@example.com');
    const second = await create('del2@example.com');
    await create('survivor@example.com');
    const raw = await mock.http('POST', '/v1/mgmt/user/delete/batch', {
      body: { userIds: [first, 'U2DoesNotExist00000000000000', second] },
    });
    expect(raw.status).toBe(200);
    expect(raw.body).toEqual({});
    await expectNoUser(sdk, first, 'del2@example.com');
    expect(await loaded(sdk, 'survivor@example.com')).toMatchObject({ loginIds: ['survivor@example.com'] });
    // The login IDs are free again.
    expect((await sdk.management.user.create('del1@example.com')).ok).toBe(true);
  });

  it('through the SDK; an empty list is 400 E011002 and deletes nothing', async () => {
    const id = await create('del3@example.com');
    expect((await sdk.management.user.deleteBatch([id])).ok).toBe(true);
    await expectNoUser(sdk, id);
    const empty = await sdk.management.user.deleteBatch([]);
    expectRefused(empty, 400, 'E011002');
    expect(await loaded(sdk, 'ada@example.com')).toMatchObject({ name: 'Ada Lovelace' });
  });
});

describe('management.user.deleteAllTestUsers', () => {
  it('removes every test user of the project and nobody else', async () => {
    const tester = await create('tester1@example.com', true);
    await create('tester2@example.com', true);
    await create('regular@example.com');
    const result = await sdk.management.user.deleteAllTestUsers();
    expect(result.ok).toBe(true);
    expect(result.code).toBe(200);
    await expectNoUser(sdk, tester, 'tester2@example.com');
    expect(await loaded(sdk, 'regular@example.com')).toMatchObject({ test: false });
    expect(await loaded(sdk, 'ada@example.com')).toMatchObject({ test: false });
    const raw = await mock.http('DELETE', '/v1/mgmt/user/test/delete/all');
    expect(raw.body).toEqual({});
  });

  it("leaves another project's test users alone", async () => {
    const other = mock.sdk(OTHER_PROJECT);
    expect((await other.management.user.createTestUser('theirs@example.com')).ok).toBe(true);
    expect((await sdk.management.user.deleteAllTestUsers()).ok).toBe(true);
    expect((await other.management.user.load('theirs@example.com')).data).toMatchObject({ test: true });
  });
});
