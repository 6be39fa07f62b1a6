import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { AUTHZ_SCHEMA } from './authzKit.js';
import { freshProject } from './kit.js';

/** `authz.*` relations and the questions asked of them (descope-mgmt-more.md §1.5, §1.6). */
const mock = useMock();

const rel = (
  resource: string,
  relationDefinition: string,
  namespace: string,
  target: string,
  targetNamespace = 'user',
) => ({ resource, relationDefinition, namespace, target, targetNamespace });
const groupSet = (resource: string, relationDefinition: string, namespace: string, group: string) => ({
  resource,
  relationDefinition,
  namespace,
  targetSetResource: group,
  targetSetRelationDefinition: 'member',
  targetSetRelationDefinitionNamespace: 'group',
});

async function project() {
  const { sdk } = await freshProject(mock, {
    tenants: [{ id: 'T2Readers', name: 'Readers' }],
    users: [
      { loginId: 'rita@example.com', userId: 'U2Rita', userTenants: [{ tenantId: 'T2Readers' }] },
      { loginId: 'otto@example.com', userId: 'U2Otto' },
    ],
  });
  await sdk.management.authz.saveSchema(AUTHZ_SCHEMA, false);
  await sdk.management.authz.createRelations([
    rel('d1', 'owner', 'doc', 'ann'),
    rel('d2', 'viewer', 'doc', 'bob'),
    rel('d1', 'parent', 'doc', 'f1', 'folder'),
    rel('f1', 'viewer', 'folder', 'cat'),
    rel('g1', 'member', 'group', 'dan'),
    groupSet('d2', 'editor', 'doc', 'g1'),
    { resource: 'd3', relationDefinition: 'viewer', namespace: 'doc', query: { tenants: ['T2Readers'] } },
  ]);
  return sdk;
}

const q = (resource: string, relationDefinition: string, target: string) => ({
  resource,
  relationDefinition,
  namespace: 'doc',
  target,
});

describe('authz relations', () => {
  it('hasRelations: through the schema, target sets and queries, with directRelations', async () => {
    const sdk = await project();
    const queries = [
      q('d1', 'viewer', 'ann'), // owner ⊂ editor ⊂ viewer
      q('d1', 'owner', 'ann'),
      q('d1', 'viewer', 'cat'), // parent folder's viewer
      q('d2', 'viewer', 'dan'), // editor through group g1#member
      q('d3', 'viewer', 'U2Rita'), // the query: a member of T2Readers
      q('d3', 'viewer', 'U2Otto'),
      q('d2', 'viewer', 'ann'),
    ];
    const has = await sdk.management.authz.hasRelations(queries);
    expect(has.data?.map((r) => r.hasRelation)).toEqual([true, true, true, true, true, false, false]);
    expect(has.data?.[0]).toEqual({ ...queries[0], hasRelation: true });
  });

  it('whoCanAccess, whatCanTargetAccess and whatCanTargetAccessWithRelation', async () => {
    const sdk = await project();
    const who = await sdk.management.authz.whoCanAccess('d2', 'viewer', 'doc');
    expect([...(who.data ?? [])].sort()).toEqual(['bob', 'dan']);
    const readers = await sdk.management.authz.whoCanAccess('d3', 'viewer', 'doc');
    expect(readers.data).toEqual(['U2Rita']);
    const all = await sdk.management.authz.whatCanTargetAccess('ann');
    expect(all.data?.map((r) => `${r.namespace}:${r.resource}#${r.relationDefinition}`).sort()).toEqual([
      'doc:d1#editor',
      'doc:d1#owner',
      'doc:d1#viewer',
    ]);
    const withRelation = await sdk.management.authz.whatCanTargetAccessWithRelation('cat', 'viewer', 'doc');
    expect(withRelation.data).toEqual([{ resource: 'd1' }]);
    expectRefused(await sdk.management.authz.whoCanAccess('d1', 'nothing', 'doc'), 400, 'E011004');
  });

  it('resourceRelations and targetsRelations, with and without target sets', async () => {
    const sdk = await project();
    const onD2 = await sdk.management.authz.resourceRelations('d2');
    expect(onD2.data).toEqual([groupSet('d2', 'editor', 'doc', 'g1'), rel('d2', 'viewer', 'doc', 'bob')]);
    const plainOnly = await sdk.management.authz.resourceRelations('d2', true);
    expect(plainOnly.data).toEqual([rel('d2', 'viewer', 'doc', 'bob')]);
    const ofDan = await sdk.management.authz.targetsRelations(['dan']);
    expect(ofDan.data).toEqual([rel('g1', 'member', 'group', 'dan')]);
    const withSets = await sdk.management.authz.targetsRelations(['dan'], true);
    expect(withSets.data).toEqual([
      rel('g1', 'member', 'group', 'dan'),
      groupSet('d2', 'editor', 'doc', 'g1'),
    ]);
  });

  it('deleteRelations, deleteRelationsForResources and deleteResourceRelationsForResources', async () => {
    const sdk = await project();
    expect((await sdk.management.authz.deleteRelations([rel('d2', 'viewer', 'doc', 'bob')])).ok).toBe(true);
    expect((await sdk.management.authz.hasRelations([q('d2', 'viewer', 'bob')])).data?.[0]?.hasRelation).toBe(
      false,
    );
    // Resource side only: f1's own relations go, d1 → f1 stays.
    await sdk.management.authz.deleteResourceRelationsForResources(['f1']);
    expect((await sdk.management.authz.resourceRelations('d1')).data).toContainEqual(
      rel('d1', 'parent', 'doc', 'f1', 'folder'),
    );
    expect((await sdk.management.authz.resourceRelations('f1')).data).toEqual([]);
    // Resource or target: g1's relations and those targeting g1.
    await sdk.management.authz.deleteRelationsForResources(['g1']);
    expect((await sdk.management.authz.resourceRelations('d2')).data).toEqual([]);
    expect((await sdk.management.authz.targetsRelations(['dan'])).data).toEqual([]);
  });

  it('getModified lists the resources and targets changed since a time, and schema changes', async () => {
    const sdk = await project();
    const everything = (await sdk.management.authz.getModified(new Date(0))).data as any;
    expect(everything.schemaChanged).toBe(true);
    expect(everything.resources).toEqual(expect.arrayContaining(['d1', 'd2', 'd3', 'f1', 'g1']));
    expect(everything.targets).toEqual(expect.arrayContaining(['ann', 'bob', 'cat', 'dan', 'g1']));
    const later = new Date(Date.now() + 60_000);
    expect((await sdk.management.authz.getModified(later)).data).toEqual({
      resources: [],
      targets: [],
      schemaChanged: false,
    });
  });

  it('refuses empty lists and fields (E011002), unknown namespaces or definitions (E011004), all or none', async () => {
    const sdk = await project();
    expectRefused(await sdk.management.authz.createRelations([]), 400, 'E011002');
    expectRefused(await sdk.management.authz.deleteRelations([]), 400, 'E011002');
    expectRefused(await sdk.management.authz.hasRelations([]), 400, 'E011002');
    expectRefused(await sdk.management.authz.deleteRelationsForResources([]), 400, 'E011002');
    expectRefused(await sdk.management.authz.targetsRelations([]), 400, 'E011002');
    expectRefused(await sdk.management.authz.resourceRelations(''), 400, 'E011002');
    expectRefused(await sdk.management.authz.whoCanAccess('d1', '', 'doc'), 400, 'E011002');
    const batch = await sdk.management.authz.createRelations([
      rel('d9', 'owner', 'doc', 'eve'),
      rel('d9', 'owner', 'nowhere', 'eve'),
    ]);
    expectRefused(batch, 400, 'E011004');
    expect((await sdk.management.authz.resourceRelations('d9')).data).toEqual([]);
    expectRefused(await sdk.management.authz.hasRelations([q('d1', 'nothing', 'ann')]), 400, 'E011004');
  });
});

describe('authz hasRelations on the wire', () => {
  it('answers directRelations: true only for a stored relation to the target itself', async () => {
    const created = await mock.control('POST', '/_mock/projects', {});
    const sdk = mock.sdk(created.body);
    await sdk.management.authz.saveSchema(AUTHZ_SCHEMA, false);
    await sdk.management.authz.createRelations([
      rel('d1', 'owner', 'doc', 'ann'),
      rel('d1', 'viewer', 'doc', 'ann'),
    ]);
    const raw = await mock.http('POST', '/v1/mgmt/authz/re/has', {
      body: { relationQueries: [q('d1', 'viewer', 'ann'), q('d1', 'editor', 'ann')] },
      auth: `Bearer ${created.body.projectId}:${created.body.managementKey}`,
    });
    expect(raw.status).toBe(200);
    expect(raw.body.directRelations).toEqual([true, false]);
    expect(raw.body.relationQueries.map((r: any) => r.hasRelation)).toEqual([true, true]);
  });
});
