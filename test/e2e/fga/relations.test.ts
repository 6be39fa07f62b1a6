import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { DOCS_SCHEMA, freshProject, tuple, tuples } from './kit.js';

/** `fga.createRelations`, `deleteRelations`, `deleteAllRelations` and `check` (descope-mgmt-more.md §1.3, §1.4). */
const mock = useMock();

async function withSchema() {
  const project = await freshProject(mock, { fgaSchema: DOCS_SCHEMA });
  return project.sdk;
}

describe('FGA relations', () => {
  it('create → check → delete → check, each item in request order with its tuple and info', async () => {
    const sdk = await withSchema();
    expect((await sdk.management.fga.createRelations(tuples('doc:d1#viewer@user:u1'))).ok).toBe(true);
    const asked = tuples('doc:d1#viewer@user:u2', 'doc:d1#viewer@user:u1', 'doc:d1#can_view@user:u1');
    const checked = await sdk.management.fga.check(asked);
    expect(checked.data).toEqual([
      { allowed: false, tuple: asked[0], info: { direct: false } },
      { allowed: true, tuple: asked[1], info: { direct: false } },
      { allowed: true, tuple: asked[2], info: { direct: false } },
    ]);
    expect((await sdk.management.fga.deleteRelations(tuples('doc:d1#viewer@user:u1'))).ok).toBe(true);
    expect((await sdk.management.fga.check([asked[1]!])).data?.[0]?.allowed).toBe(false);
  });

  it('info.direct: a relation with only plain type references', async () => {
    const sdk = await withSchema();
    await sdk.management.fga.createRelations(tuples('doc:d1#owner@user:u1'));
    const checked = await sdk.management.fga.check(tuples('doc:d1#owner@user:u1'));
    expect(checked.data?.[0]).toMatchObject({ allowed: true, info: { direct: true } });
  });

  it('duplicate creates and absent deletes are no-ops', async () => {
    const sdk = await withSchema();
    const one = tuples('doc:d1#owner@user:u1');
    expect((await sdk.management.fga.createRelations([...one, ...one])).ok).toBe(true);
    expect((await sdk.management.fga.createRelations(one)).ok).toBe(true);
    expect((await sdk.management.fga.deleteRelations(tuples('doc:d9#owner@user:u9'))).ok).toBe(true);
    expect((await sdk.management.fga.deleteRelations(one)).ok).toBe(true);
    expect((await sdk.management.fga.check(one)).data?.[0]?.allowed).toBe(false);
  });

  it('refuses the whole batch when one tuple does not fit the schema', async () => {
    const sdk = await withSchema();
    for (const bad of [
      'nothing:x#viewer@user:u1', // unknown type
      'doc:d1#can_view@user:u1', // a permission
      'doc:d1#missing@user:u1', // an undefined relation
      'doc:d1#owner@group:g1', // a target type outside the relation's
    ]) {
      const refused = await sdk.management.fga.createRelations(tuples('doc:d1#viewer@user:ok', bad));
      expectRefused(refused, 400, 'E011004');
    }
    expect((await sdk.management.fga.check(tuples('doc:d1#viewer@user:ok'))).data?.[0]?.allowed).toBe(false);
  });

  it('refuses empty lists and empty fields with E011002, unknown check types with E011004', async () => {
    const sdk = await withSchema();
    expectRefused(await sdk.management.fga.createRelations([]), 400, 'E011002');
    expectRefused(await sdk.management.fga.deleteRelations([]), 400, 'E011002');
    expectRefused(await sdk.management.fga.check([]), 400, 'E011002');
    const noTarget = { ...tuple('doc:d1#viewer@user:u1'), target: '' };
    expectRefused(await sdk.management.fga.createRelations([noTarget]), 400, 'E011002');
    expectRefused(await sdk.management.fga.check(tuples('nothing:x#viewer@user:u1')), 400, 'E011004');
  });

  it('deleteAllRelations empties the tuples and keeps the schema', async () => {
    const sdk = await withSchema();
    await sdk.management.fga.createRelations(tuples('doc:d1#owner@user:u1', 'doc:d2#owner@user:u1'));
    expect((await sdk.management.fga.deleteAllRelations()).ok).toBe(true);
    const checked = await sdk.management.fga.check(tuples('doc:d1#owner@user:u1', 'doc:d2#owner@user:u1'));
    expect(checked.data?.map((c) => c.allowed)).toEqual([false, false]);
    expect(((await sdk.management.fga.loadSchema()).data as any).dsl).toBe(DOCS_SCHEMA);
  });

  it('checkWithContext: a constraint reads its parameters from the context', async () => {
    const { sdk } = await freshProject(mock, {
      fgaSchema: [
        'model AuthZ 1.0',
        '',
        'constraint adult: NumAtLeast(18)',
        'type user',
        'type doc',
        '  relation viewer: user with adult',
      ].join('\n'),
      relations: [tuple('doc:d1#viewer@user:u1')],
    });
    const asked = tuples('doc:d1#viewer@user:u1');
    const missing = await sdk.management.fga.check(asked);
    expect(missing.data?.[0]?.allowed).toBe(false);
    expect((missing.data?.[0] as any)?.info.missingContext?.length).toBeGreaterThan(0);
    const inRange = await sdk.management.fga.checkWithContext(asked, { num: 20 });
    const outOfRange = await sdk.management.fga.checkWithContext(asked, { num: 10 });
    expect([inRange.data?.[0]?.allowed, outOfRange.data?.[0]?.allowed]).toEqual([true, false]);
  });

  it('a user delete removes the tuples targeting the user', async () => {
    const { sdk } = await freshProject(mock, {
      fgaSchema: DOCS_SCHEMA,
      users: [{ loginId: 'gone@example.com', userId: 'U2Gone' }],
      relations: [tuple('doc:d1#owner@user:U2Gone'), tuple('doc:d1#owner@user:U2Stays')],
    });
    expect((await sdk.management.user.delete('gone@example.com')).ok).toBe(true);
    const checked = await sdk.management.fga.check(
      tuples('doc:d1#owner@user:U2Gone', 'doc:d1#owner@user:U2Stays'),
    );
    expect(checked.data?.map((c) => c.allowed)).toEqual([false, true]);
  });
});
