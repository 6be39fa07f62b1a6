import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { DOCS_SCHEMA, freshProject, tuples } from './kit.js';

/** Resource details and the mappable data (descope-mgmt-more.md §1.4). */
const mock = useMock();

const TENANT = { id: 'T2Fga', name: 'FGA tenant' };

describe('FGA resource details', () => {
  it('save → load → update → load; unknown resources are left out', async () => {
    const { sdk } = await freshProject(mock, { fgaSchema: DOCS_SCHEMA });
    const save = await sdk.management.fga.saveResourcesDetails([
      { resourceId: 'd1', resourceType: 'doc', displayName: 'Plan' },
      { resourceId: 'f1', resourceType: 'folder', displayName: 'Root' },
    ]);
    expect(save.ok).toBe(true);
    const ids = [
      { resourceId: 'd1', resourceType: 'doc' },
      { resourceId: 'f1', resourceType: 'folder' },
      { resourceId: 'd9', resourceType: 'doc' },
    ];
    expect((await sdk.management.fga.loadResourcesDetails(ids)).data).toEqual([
      { resourceId: 'd1', resourceType: 'doc', displayName: 'Plan' },
      { resourceId: 'f1', resourceType: 'folder', displayName: 'Root' },
    ]);
    await sdk.management.fga.saveResourcesDetails([
      { resourceId: 'd1', resourceType: 'doc', displayName: 'Plan B' },
    ]);
    expect((await sdk.management.fga.loadResourcesDetails([ids[0]!])).data).toEqual([
      { resourceId: 'd1', resourceType: 'doc', displayName: 'Plan B' },
    ]);
  });

  it('refuses empty lists and identifiers with E011002', async () => {
    const { sdk } = await freshProject(mock);
    expectRefused(await sdk.management.fga.saveResourcesDetails([]), 400, 'E011002');
    expectRefused(await sdk.management.fga.loadResourcesDetails([]), 400, 'E011002');
    const noId = await sdk.management.fga.loadResourcesDetails([{ resourceId: '', resourceType: 'doc' }]);
    expectRefused(noId, 400, 'E011002');
  });
});

describe('FGA mappable schema and resources', () => {
  it("lists each type's resources from tuples and details, limited per type, and searches them", async () => {
    const { sdk } = await freshProject(mock, {
      tenants: [TENANT],
      fgaSchema: DOCS_SCHEMA,
      relations: tuples('doc:d1#owner@user:u1', 'doc:d2#owner@user:u1', 'doc:d3#owner@user:u1'),
    });
    await sdk.management.fga.saveResourcesDetails([
      { resourceId: 'd2', resourceType: 'doc', displayName: 'Budget' },
    ]);
    const loaded = await sdk.management.fga.loadMappableSchema(TENANT.id, { resourcesLimit: 2 });
    expect(loaded.ok).toBe(true);
    const data = loaded.data as any;
    expect(data.schema.namespaces.map((n: any) => n.name)).toContain('doc');
    const docs = data.mappableResources.find((m: any) => m.type === 'doc');
    expect(docs.resources).toHaveLength(2);

    const found = await sdk.management.fga.searchMappableResources(TENANT.id, [
      { type: 'doc', queries: ['budg'] },
    ]);
    expect(found.data).toEqual([{ type: 'doc', resources: [{ resource: 'd2', displayName: 'Budget' }] }]);
  });

  it('refuses an unknown tenant or type (E011004) and no queries (E011002)', async () => {
    const { sdk } = await freshProject(mock, { tenants: [TENANT], fgaSchema: DOCS_SCHEMA });
    expectRefused(await sdk.management.fga.loadMappableSchema('T2Nobody'), 400, 'E011004');
    const unknownType = await sdk.management.fga.searchMappableResources(TENANT.id, [
      { type: 'x', queries: [] },
    ]);
    expectRefused(unknownType, 400, 'E011004');
    expectRefused(await sdk.management.fga.searchMappableResources(TENANT.id, []), 400, 'E011002');
  });
});
