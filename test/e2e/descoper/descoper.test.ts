import { describe, expect, it } from 'vitest';
import { expectRefused, OTHER_PROJECT, useMock } from '../../helpers/mock.js';

const mock = useMock();
const sdk = mock.sdk();

describe('management.descoper', () => {
  it('create, load, update, load, list, delete, with loginIDs spelled as Descope answers it', async () => {
    const created = await sdk.management.descoper.create([
      {
        loginId: 'dev@example.com',
        attributes: { displayName: 'Dev', phone: '+15550000001' },
        sendInvite: true,
        rbac: { projects: [{ projectIds: ['P2TestProject0000000000000000'], role: 'developer' }] },
      },
      { loginId: 'admin@example.com', rbac: { isCompanyAdmin: true } },
    ]);
    expect(created.ok).toBe(true);
    expect(created.data?.total).toBe(2);
    const [dev, admin] = created.data!.descopers;
    expect(dev).toEqual({
      id: expect.stringMatching(/^U2/),
      loginIDs: ['dev@example.com'],
      attributes: { displayName: 'Dev', email: 'dev@example.com', phone: '+15550000001' },
      rbac: {
        isCompanyAdmin: false,
        tags: [],
        projects: [{ projectIds: ['P2TestProject0000000000000000'], role: 'developer' }],
      },
      status: 'invited',
    });
    expect(admin).toMatchObject({
      status: 'enabled',
      rbac: { isCompanyAdmin: true, tags: [], projects: [] },
    });
    expect((await sdk.management.descoper.load(dev!.id!)).data).toEqual(dev);

    const updated = await sdk.management.descoper.update(
      dev!.id!,
      { displayName: 'Developer' },
      {
        tags: [{ tags: ['prod'], role: 'support' }],
      },
    );
    const expected = {
      ...dev,
      attributes: { ...dev!.attributes, displayName: 'Developer' },
      rbac: { isCompanyAdmin: false, tags: [{ tags: ['prod'], role: 'support' }], projects: [] },
    };
    expect(updated.data).toEqual(expected);
    expect((await sdk.management.descoper.load(dev!.id!)).data).toEqual(expected);

    const listed = await sdk.management.descoper.list();
    expect(listed.data).toEqual({ descopers: [expected, admin], total: 2 });
    expect((await mock.sdk(OTHER_PROJECT).management.descoper.list()).data).toEqual({
      descopers: [],
      total: 0,
    });

    expect((await sdk.management.descoper.delete(dev!.id!)).ok).toBe(true);
    expectRefused(await sdk.management.descoper.load(dev!.id!), 400, 'E011004');
    expect((await sdk.management.descoper.list()).data?.total).toBe(1);
  });

  it('refuses a missing or non-email login ID, a taken one, an unknown role and unknown IDs, all or none', async () => {
    expectRefused(await sdk.management.descoper.create([]), 400, 'E011002');
    expectRefused(await sdk.management.descoper.create([{ attributes: {} }]), 400, 'E011002');
    expectRefused(await sdk.management.descoper.create([{ loginId: 'not-an-email' }]), 400, 'E011004');
    const badRole = [{ loginId: 'r@example.com', rbac: { projects: [{ role: 'owner' as 'admin' }] } }];
    expectRefused(await sdk.management.descoper.create(badRole), 400, 'E011004');
    await sdk.management.descoper.create([{ loginId: 'taken@example.com' }]);
    const twice = await sdk.management.descoper.create([
      { loginId: 'fresh@example.com' },
      { loginId: 'TAKEN@example.com' },
    ]);
    expectRefused(twice, 400, 'E011004');
    const logins = (await sdk.management.descoper.list()).data?.descopers.map(
      (entry: any) => entry.loginIDs[0],
    );
    expect(logins).not.toContain('fresh@example.com');
    expectRefused(await sdk.management.descoper.load('U2Nope'), 400, 'E011004');
    expectRefused(await sdk.management.descoper.update('U2Nope'), 400, 'E011004');
    expectRefused(await sdk.management.descoper.delete('U2Nope'), 400, 'E011004');
    expectRefused(await sdk.management.descoper.delete(''), 400, 'E011002');
  });
});
