import { beforeAll, describe, expect, it } from 'vitest';
import { blankTenant } from '../../../src/domain/tenant.js';
import { expectRefused, TEST_PROJECT, useMock } from '../../helpers/mock.js';
import { danglingReferences } from '../../helpers/references.js';
import type { SearchRequest } from '../../helpers/search.js';

/**
 * Tenant trees of any depth (issue 10): a chain 12,000 tenants deep is searched with its sub-tenants, listed
 * and deleted by cascade like a small tree. The chain is written straight to the store (12,000 creates over
 * HTTP would only slow the test); every assertion goes through the SDK to the running server.
 */

const DEPTH = 12_000;
const chain = Array.from({ length: DEPTH }, (_, i) => `T2Chain${String(i).padStart(5, '0')}`);
const at = (level: number) => chain[level] as string;

const mock = useMock();
const sdk = mock.sdk();

/** Writes tenants straight to the test project's store, in one transaction. */
function writeTenants(tenants: { id: string; parent: string }[]): void {
  const { store } = mock.app.services;
  store.transaction(() => {
    for (const { id, parent } of tenants) {
      store.tenants.insert(TEST_PROJECT.projectId, { ...blankTenant(id, id, Date.now()), parent });
    }
  });
}

const memberOf = async (loginId: string, ...tenantIds: string[]) => {
  const created = await sdk.management.user.create(loginId, {
    userTenants: tenantIds.map((tenantId) => ({ tenantId, roleNames: [] })),
  });
  expect(created.ok).toBe(true);
};

const searchUnder = async (tenantId: string, includeSubTenants = true) => {
  // The SDK's type lacks includeSubTenants, which it sends as given.
  const request = { tenantIds: [tenantId], includeSubTenants, limit: 100 } as SearchRequest;
  const result = await sdk.management.user.search(request);
  expect(result.ok).toBe(true);
  return { loginIds: result.data!.users.map((user) => user.loginIds[0]).sort(), total: result.data!.total };
};

const tenantIds = async () =>
  new Set((await sdk.management.tenant.loadAll()).data!.map((tenant) => tenant.id));

describe(`a chain of ${DEPTH} tenants`, () => {
  beforeAll(async () => {
    writeTenants(chain.map((id, i) => ({ id, parent: i === 0 ? '' : at(i - 1) })));
    await memberOf('top@example.com', at(0));
    await memberOf('middle@example.com', at(DEPTH / 2));
    await memberOf('bottom@example.com', at(DEPTH - 1));
    await memberOf('bottom-and-acme@example.com', at(DEPTH - 1), 'T2Acme');
    await memberOf('acme@example.com', 'T2Acme');
  });

  it('user search with includeSubTenants finds the members at every depth below the tenant, and only them', async () => {
    expect(await searchUnder(at(0))).toEqual({
      loginIds: [
        'bottom-and-acme@example.com',
        'bottom@example.com',
        'middle@example.com',
        'top@example.com',
      ],
      total: 4,
    });
    expect((await searchUnder(at(DEPTH / 2))).total).toBe(3);
    expect(await searchUnder(at(0), false)).toEqual({ loginIds: ['top@example.com'], total: 1 });
  });

  it('tenant/all lists the whole chain, each tenant with its one successor', async () => {
    const all = (await sdk.management.tenant.loadAll()).data!;
    const byId = new Map(all.map((tenant) => [tenant.id, tenant as unknown as { successors: string[] }]));
    for (const id of chain) expect(byId.has(id)).toBe(true);
    expect(byId.get(at(DEPTH - 2))?.successors).toEqual([at(DEPTH - 1)]);
    expect(byId.get(at(DEPTH - 1))?.successors).toEqual([]);
  });

  it('delete without cascade is refused; with cascade the subtree goes, whatever its depth', async () => {
    expectRefused(await sdk.management.tenant.delete(at(DEPTH / 2)), 400, 'E011004');

    expect((await sdk.management.tenant.delete(at(DEPTH / 2), true)).ok).toBe(true);
    let left = await tenantIds();
    expect(chain.filter((id) => left.has(id))).toEqual(chain.slice(0, DEPTH / 2));
    expect((await sdk.management.user.load('middle@example.com')).ok).toBe(false);
    expect((await sdk.management.user.load('bottom@example.com')).ok).toBe(false);
    const survivor = (await sdk.management.user.load('bottom-and-acme@example.com')).data!;
    expect(survivor.userTenants?.map((membership) => membership.tenantId)).toEqual(['T2Acme']);
    expect(((await sdk.management.tenant.load(at(DEPTH / 2 - 1))).data as any)?.successors).toEqual([]);
    expect(danglingReferences(mock, TEST_PROJECT.projectId)).toEqual([]);

    expect((await sdk.management.tenant.delete(at(0), true)).ok).toBe(true);
    left = await tenantIds();
    expect(chain.some((id) => left.has(id))).toBe(false);
    expect((await sdk.management.user.load('top@example.com')).ok).toBe(false);
    expect((await searchUnder('T2Acme')).loginIds).toEqual([
      'acme@example.com',
      'bottom-and-acme@example.com',
    ]);
    expect(danglingReferences(mock, TEST_PROJECT.projectId)).toEqual([]);
  });
});

describe('a tenant tree that loops back on itself (a damaged database)', () => {
  it('sub-tenant search and cascade delete each visit every tenant once, and end', async () => {
    writeTenants([
      { id: 'T2LoopA', parent: '' },
      { id: 'T2LoopB', parent: 'T2LoopA' },
    ]);
    // No request can make a cycle (a parent must exist when its child is created and never changes); only a
    // hand-edited file can.
    mock.app.services.store.db
      .prepare(
        "UPDATE tenants SET parent = 'T2LoopB', doc = json_set(doc, '$.parent', 'T2LoopB') WHERE tenant_id = 'T2LoopA'",
      )
      .run();
    await memberOf('loop-a@example.com', 'T2LoopA');
    await memberOf('loop-b@example.com', 'T2LoopB');

    expect(await searchUnder('T2LoopA')).toEqual({
      loginIds: ['loop-a@example.com', 'loop-b@example.com'],
      total: 2,
    });
    expect((await sdk.management.tenant.delete('T2LoopB', true)).ok).toBe(true);
    const left = await tenantIds();
    expect(left.has('T2LoopA') || left.has('T2LoopB')).toBe(false);
    expect((await sdk.management.user.load('loop-a@example.com')).ok).toBe(false);
  });
});
