import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { DOCS_SCHEMA, freshProject, tuples } from './kit.js';

/** The fixture keys `fgaSchema` and `relations`: seeded, reset and carried by snapshots. */
const mock = useMock();

const RELATIONS = tuples(
  'doc:d1#owner@user:u1',
  'doc:d1#folder@folder:f1',
  'folder:f1#viewer@group:g1#member',
);
const ASKED = tuples('doc:d1#can_view@user:u1', 'doc:d1#can_view@user:u2');

describe('FGA fixtures', () => {
  it('seeds the schema and relations a project fixture names', async () => {
    const { sdk } = await freshProject(mock, {
      fgaSchema: DOCS_SCHEMA,
      relations: [...RELATIONS, ...tuples('group:g1#member@user:u2')],
    });
    expect(((await sdk.management.fga.loadSchema()).data as any).dsl).toBe(DOCS_SCHEMA);
    expect((await sdk.management.fga.check(ASKED)).data?.map((c) => c.allowed)).toEqual([true, true]);
  });

  it('refuses a fixture whose schema does not parse or whose relation does not fit, naming the path', async () => {
    const badSchema = await mock.control('POST', '/_mock/projects', { fgaSchema: 'model AuthZ 2.0' });
    expect(expectRefused(badSchema, 400, 'E011004').errorMessage).toMatch(/^fgaSchema: /);
    const badRelation = await mock.control('POST', '/_mock/projects', {
      fgaSchema: DOCS_SCHEMA,
      relations: [...RELATIONS, ...tuples('doc:d1#can_view@user:u1')],
    });
    expect(expectRefused(badRelation, 400, 'E011004').errorMessage).toMatch(/^relations\[3\]: /);
    const noSchema = await mock.control('POST', '/_mock/projects', { relations: RELATIONS });
    expect(expectRefused(noSchema, 400, 'E011004').errorMessage).toMatch(/^relations\[0\]: /);
  });

  it('reset puts the seeded schema and relations back', async () => {
    const { sdk, projectId } = await freshProject(mock, { fgaSchema: DOCS_SCHEMA, relations: RELATIONS });
    await sdk.management.fga.deleteSchema();
    expect(((await sdk.management.fga.loadSchema()).data as any).dsl).toBe('');
    expect((await mock.control('POST', '/_mock/reset', { projectId })).status).toBe(200);
    expect(((await sdk.management.fga.loadSchema()).data as any).dsl).toBe(DOCS_SCHEMA);
    expect((await sdk.management.fga.check(ASKED)).data?.map((c) => c.allowed)).toEqual([true, false]);
  });

  it('a snapshot carries the schema and relations (target sets too) and restores them', async () => {
    const { sdk, projectId } = await freshProject(mock, { fgaSchema: DOCS_SCHEMA, relations: RELATIONS });
    await sdk.management.fga.createRelations(tuples('group:g1#member@user:u2'));
    const snapshot = await mock.control('GET', `/_mock/projects/${projectId}/snapshot`);
    expect(snapshot.body.fgaSchema).toBe(DOCS_SCHEMA);
    expect(snapshot.body.relations).toHaveLength(4);
    expect(snapshot.body.relations).toContainEqual(RELATIONS[2]);

    await sdk.management.fga.deleteAllRelations();
    await sdk.management.fga.saveSchema({ dsl: 'model AuthZ 1.0\n\ntype user' });
    const restored = await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot.body);
    expect(restored.status).toBe(200);
    expect((await sdk.management.fga.check(ASKED)).data?.map((c) => c.allowed)).toEqual([true, true]);
    expect((await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body).toEqual(snapshot.body);
  });
});
