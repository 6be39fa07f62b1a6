import type { ScopeClaimMappingEntry } from '@descope/node-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, type Sdk, useMock } from '../../helpers/mock.js';
import { expectGoneWithProject, expectSnapshotRoundTrip, seededProject } from '../../helpers/projectState.js';

/** Management `scopeClaimMapping.*` through the Node SDK (descope-mgmt-more.md §15). */
const mock = useMock();
const sdk = mock.sdk();
let mappings: Sdk['management']['scopeClaimMapping'];
beforeAll(() => {
  mappings = sdk.management.scopeClaimMapping;
});

describe('management.scopeClaimMapping', () => {
  it('get → set → get → set (replace all) → get → delete → get', async () => {
    expect(await mappings.get()).toMatchObject({ ok: true, data: [] });
    const first: ScopeClaimMappingEntry[] = [
      { scope: 'profile', claims: { name: 'user.name', picture: 'user.picture' }, description: 'Profile' },
      { scope: 'email', claims: { email: 'user.email' } },
    ];
    expect((await mappings.set(first)).ok).toBe(true);
    expect((await mappings.get()).data).toEqual([first[0], { ...first[1], description: '' }]);

    expect((await mappings.set([{ scope: 'phone', claims: { phone: 'user.phone' } }])).ok).toBe(true);
    expect((await mappings.get()).data).toEqual([
      { scope: 'phone', claims: { phone: 'user.phone' }, description: '' },
    ]);

    expect((await mappings.delete()).ok).toBe(true);
    expect((await mappings.get()).data).toEqual([]);
  });

  it('refuses a mapping without a scope, a scope mapped twice and a non-string source, changing nothing', async () => {
    expect((await mappings.set([{ scope: 'kept', claims: {} }])).ok).toBe(true);
    expectRefused(await mappings.set([{ claims: { a: 'b' } }]), 400, 'E011002');
    expectRefused(await mappings.set([{ scope: 'x' }, { scope: 'x' }]), 400, 'E011004');
    expectRefused(
      await mock.http('POST', '/v1/mgmt/scopeClaimMapping/set', {
        body: { mappings: [{ scope: 'x', claims: { a: 1 } }] },
      }),
      400,
      'E011001',
    );
    expect((await mappings.get()).data).toEqual([{ scope: 'kept', claims: {}, description: '' }]);
    expect((await mappings.set([])).ok).toBe(true);
    expect((await mappings.get()).data).toEqual([]);
  });

  it("keeps each project's mappings apart", async () => {
    const created = await mock.control('POST', '/_mock/projects', {});
    const other = mock.sdk(created.body);
    expect((await mappings.set([{ scope: 'mine', claims: {} }])).ok).toBe(true);
    expect((await other.management.scopeClaimMapping.get()).data).toEqual([]);
  });
});

describe('scope claim mappings in fixtures and snapshots', () => {
  it('seeds the mappings from a fixture, restores them from a snapshot, and deletes them with the project', async () => {
    const { projectId, sdk: seeded } = await seededProject(mock, {
      scopeClaimMappings: [{ scope: 'profile', claims: { name: 'user.name' } }],
    });
    const scopeClaimMapping = seeded.management.scopeClaimMapping;
    expect((await scopeClaimMapping.get()).data).toEqual([
      { scope: 'profile', claims: { name: 'user.name' }, description: '' },
    ]);
    const snapshot = await expectSnapshotRoundTrip(
      mock,
      projectId,
      async () => (await scopeClaimMapping.get()).data,
      async () => {
        expect((await scopeClaimMapping.delete()).ok).toBe(true);
      },
    );
    expect(snapshot.scopeClaimMappings).toEqual((await scopeClaimMapping.get()).data);

    await expectGoneWithProject(
      mock,
      projectId,
      async (sdk) => (await sdk.management.scopeClaimMapping.get()).data,
      [],
    );
  });
});
