import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { AUTHZ_SCHEMA } from './authzKit.js';
import { freshProject } from './kit.js';

/** `authz.saveSchema`, `loadSchema`, `deleteSchema` and the namespace and definition edits (§1.5). */
const mock = useMock();

const names = (schema: any) => schema.namespaces.map((n: any) => n.name);
const definitionsOf = (schema: any, namespace: string) =>
  schema.namespaces.find((n: any) => n.name === namespace)?.relationDefinitions.map((d: any) => d.name);
const rel = (resource: string, relationDefinition: string, namespace: string, target: string) => ({
  resource,
  relationDefinition,
  namespace,
  target,
});

describe('the authz schema', () => {
  it('save → load → upsert (keeps the rest) → upgrade (drops the rest) → delete', async () => {
    const { sdk } = await freshProject(mock);
    expect((await sdk.management.authz.saveSchema(AUTHZ_SCHEMA, false)).ok).toBe(true);
    const loaded = (await sdk.management.authz.loadSchema()).data as any;
    expect(loaded.name).toBe('docs');
    expect(names(loaded)).toEqual(['user', 'group', 'folder', 'doc']);
    expect(definitionsOf(loaded, 'doc')).toEqual(['owner', 'parent', 'editor', 'viewer']);
    const viewer = loaded.namespaces[3].relationDefinitions[3];
    expect(viewer.complexDefinition.nType).toBe('union');

    const extra = { name: 'docs', namespaces: [{ name: 'team', relationDefinitions: [{ name: 'lead' }] }] };
    await sdk.management.authz.saveSchema(extra, false);
    expect(names((await sdk.management.authz.loadSchema()).data)).toEqual([
      'user',
      'group',
      'folder',
      'doc',
      'team',
    ]);

    await sdk.management.authz.createRelations([rel('d1', 'owner', 'doc', 'u1')]);
    await sdk.management.authz.saveSchema(extra, true);
    expect(names((await sdk.management.authz.loadSchema()).data)).toEqual(['team']);

    await sdk.management.authz.saveSchema(AUTHZ_SCHEMA, true);
    // The upgrade that dropped `doc` took its relations.
    const has = await sdk.management.authz.hasRelations([rel('d1', 'owner', 'doc', 'u1')]);
    expect(has.data?.[0]?.hasRelation).toBe(false);

    expect((await sdk.management.authz.deleteSchema()).ok).toBe(true);
    expect(names((await sdk.management.authz.loadSchema()).data)).toEqual([]);
  });

  it('the DSL and JSON APIs share one schema', async () => {
    const { sdk } = await freshProject(mock);
    await sdk.management.authz.saveSchema(AUTHZ_SCHEMA, false);
    const fga = (await sdk.management.fga.loadSchema()).data as any;
    expect(names(fga.schema)).toEqual(['user', 'group', 'folder', 'doc']);
    expect(fga.dsl).toMatch(/^model AuthZ 1\.0/);
  });

  it('namespaces: save (definitions merged) → rename with oldName (relations follow) → delete', async () => {
    const { sdk } = await freshProject(mock);
    await sdk.management.authz.saveSchema(AUTHZ_SCHEMA, false);
    await sdk.management.authz.createRelations([rel('f1', 'viewer', 'folder', 'u1')]);
    const saved = await sdk.management.authz.saveNamespace({
      name: 'folder',
      relationDefinitions: [{ name: 'owner' }],
    });
    expect(saved.ok).toBe(true);
    expect(definitionsOf((await sdk.management.authz.loadSchema()).data, 'folder')).toEqual([
      'viewer',
      'owner',
    ]);

    // The doc namespace refers to folder#viewer, so renaming folder is refused while it does; rename group.
    await sdk.management.authz.createRelations([rel('g1', 'member', 'group', 'u2')]);
    const renamed = await sdk.management.authz.saveNamespace(
      { name: 'team', relationDefinitions: [] },
      'group',
    );
    expect(renamed.ok).toBe(true);
    const schema = (await sdk.management.authz.loadSchema()).data;
    expect(names(schema)).toEqual(['user', 'team', 'folder', 'doc']);
    expect(definitionsOf(schema, 'team')).toEqual(['member']);
    const has = await sdk.management.authz.hasRelations([rel('g1', 'member', 'team', 'u2')]);
    expect(has.data?.[0]?.hasRelation).toBe(true);

    expect((await sdk.management.authz.deleteNamespace('team')).ok).toBe(true);
    expect(names((await sdk.management.authz.loadSchema()).data)).toEqual(['user', 'folder', 'doc']);
    expectRefused(await sdk.management.authz.deleteNamespace('team'), 400, 'E011004');
    expectRefused(
      await sdk.management.authz.saveNamespace({ name: 'x', relationDefinitions: [] }, 'nope'),
      400,
      'E011004',
    );
  });

  it('relation definitions: save → rename with oldName (relations follow) → delete (relations go)', async () => {
    const { sdk } = await freshProject(mock);
    await sdk.management.authz.saveSchema(AUTHZ_SCHEMA, false);
    await sdk.management.authz.createRelations([rel('g1', 'member', 'group', 'u1')]);
    expect((await sdk.management.authz.saveRelationDefinition({ name: 'admin' }, 'group')).ok).toBe(true);
    expect(definitionsOf((await sdk.management.authz.loadSchema()).data, 'group')).toEqual([
      'member',
      'admin',
    ]);

    expect(
      (await sdk.management.authz.saveRelationDefinition({ name: 'participant' }, 'group', 'member')).ok,
    ).toBe(true);
    expect(definitionsOf((await sdk.management.authz.loadSchema()).data, 'group')).toEqual([
      'participant',
      'admin',
    ]);
    const has = await sdk.management.authz.hasRelations([rel('g1', 'participant', 'group', 'u1')]);
    expect(has.data?.[0]?.hasRelation).toBe(true);

    expect((await sdk.management.authz.deleteRelationDefinition('participant', 'group')).ok).toBe(true);
    expect(definitionsOf((await sdk.management.authz.loadSchema()).data, 'group')).toEqual(['admin']);
    await sdk.management.authz.saveRelationDefinition({ name: 'participant' }, 'group');
    const after = await sdk.management.authz.hasRelations([rel('g1', 'participant', 'group', 'u1')]);
    expect(after.data?.[0]?.hasRelation).toBe(false);

    expectRefused(await sdk.management.authz.deleteRelationDefinition('nope', 'group'), 400, 'E011004');
    expectRefused(
      await sdk.management.authz.saveRelationDefinition({ name: 'x' }, 'nowhere'),
      400,
      'E011004',
    );
    expectRefused(await sdk.management.authz.saveRelationDefinition({ name: 'x' }, ''), 400, 'E011002');
  });
});
