import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { DOCS_SCHEMA, dsl, freshProject, tuples } from './kit.js';

/** `fga.saveSchema`, `loadSchema`, `dryRunSchema` and `deleteSchema` (descope-mgmt-more.md §1.4). */
const mock = useMock();

describe('the FGA schema', () => {
  it('loads the empty shape before any save', async () => {
    const { sdk } = await freshProject(mock);
    const loaded = await sdk.management.fga.loadSchema();
    expect(loaded.ok).toBe(true);
    expect(loaded.data).toEqual({
      dsl: '',
      schema: { name: '', namespaces: [], conditions: [] },
      version: '',
    });
  });

  it('saves, loads (DSL, JSON and a version), replaces with a new version, and deletes', async () => {
    const { sdk } = await freshProject(mock);
    expect((await sdk.management.fga.saveSchema({ dsl: DOCS_SCHEMA })).ok).toBe(true);
    const first = (await sdk.management.fga.loadSchema()).data as any;
    expect(first.dsl).toBe(DOCS_SCHEMA);
    expect(first.schema.namespaces.map((n: any) => n.name)).toEqual([
      'user',
      'group',
      'org',
      'folder',
      'doc',
    ]);
    const doc = first.schema.namespaces.find((n: any) => n.name === 'doc');
    expect(doc.relationDefinitions.map((d: any) => d.name)).toContain('can_view');
    expect(first.version).not.toBe('');

    const smaller = dsl('type user', 'type doc', '  relation viewer: user');
    expect((await sdk.management.fga.saveSchema({ dsl: smaller })).ok).toBe(true);
    const second = (await sdk.management.fga.loadSchema()).data as any;
    expect(second.dsl).toBe(smaller);
    expect(second.version).not.toBe(first.version);

    expect((await sdk.management.fga.deleteSchema()).ok).toBe(true);
    expect((await sdk.management.fga.loadSchema()).data).toMatchObject({ dsl: '', version: '' });
  });

  it('a save drops the tuples of removed relations and types, and keeps the others', async () => {
    // doc#viewer keeps its target types (a change of them would drop its tuples too, §1.4).
    const { sdk } = await freshProject(mock);
    await sdk.management.fga.saveSchema({ dsl: DOCS_SCHEMA });
    await sdk.management.fga.createRelations(
      tuples('doc:d1#viewer@user:u1', 'doc:d1#owner@user:u2', 'group:g1#member@user:u3'),
    );
    const next = dsl(
      'type user',
      'type group',
      '  relation member: user',
      'type doc',
      '  relation viewer: user | group#member',
      '  permission can_view: viewer',
    );
    const preview = await sdk.management.fga.dryRunSchema({ dsl: next });
    expect(preview.data).toEqual({
      deletesPreview: {
        hasDeletes: true,
        relations: expect.arrayContaining(['doc#owner']),
        types: expect.arrayContaining(['org', 'folder']),
      },
    });
    // A dry run saves nothing.
    expect(((await sdk.management.fga.loadSchema()).data as any).dsl).toBe(DOCS_SCHEMA);

    await sdk.management.fga.saveSchema({ dsl: next });
    const checks = await sdk.management.fga.check(
      tuples('doc:d1#viewer@user:u1', 'doc:d1#can_view@user:u2', 'group:g1#member@user:u3'),
    );
    expect(checks.data?.map((c) => c.allowed)).toEqual([true, false, true]);
    const noChange = await sdk.management.fga.dryRunSchema({ dsl: next });
    expect(noChange.data).toEqual({ deletesPreview: { hasDeletes: false, relations: [], types: [] } });
  });

  it('deleteSchema removes every tuple too', async () => {
    const { sdk } = await freshProject(mock);
    await sdk.management.fga.saveSchema({ dsl: DOCS_SCHEMA });
    await sdk.management.fga.createRelations(tuples('doc:d1#viewer@user:u1'));
    await sdk.management.fga.deleteSchema();
    await sdk.management.fga.saveSchema({ dsl: DOCS_SCHEMA });
    const checks = await sdk.management.fga.check(tuples('doc:d1#viewer@user:u1'));
    expect(checks.data?.[0]?.allowed).toBe(false);
  });

  it('refuses a DSL with a syntax error (naming the line) or an unknown reference, and an empty one', async () => {
    const { sdk } = await freshProject(mock);
    const syntax = await sdk.management.fga.saveSchema({ dsl: dsl('type user', '  relation : user') });
    expect(expectRefused(syntax, 400, 'E011004').errorMessage).toMatch(/line 4/);
    const unknown = await sdk.management.fga.saveSchema({
      dsl: dsl('type doc', '  relation viewer: nobody'),
    });
    expectRefused(unknown, 400, 'E011004');
    expectRefused(await sdk.management.fga.saveSchema({ dsl: '' }), 400, 'E011002');
    expectRefused(await sdk.management.fga.dryRunSchema({ dsl: '' }), 400, 'E011002');
    // Nothing was saved.
    expect(((await sdk.management.fga.loadSchema()).data as any).dsl).toBe('');
  });
});
