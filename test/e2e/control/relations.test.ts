import { describe, expect, it } from 'vitest';
import { expectRefused, OTHER_PROJECT, TEST_PROJECT, useMock } from '../../helpers/mock.js';
import { DOCS_SCHEMA, tuples } from '../fga/kit.js';

const mock = useMock();

const relations = (projectId: string, query = '') =>
  mock.control('GET', `/_mock/projects/${projectId}/relations${query}`);

describe('GET /_mock/projects/:projectId/relations', () => {
  it('lists the tuples the SDK created, filtered by exact fields, a page at a time with the total', async () => {
    const { fga } = mock.sdk().management;
    await fga.saveSchema({ dsl: DOCS_SCHEMA });
    await fga.createRelations(
      tuples(
        'doc:d1#owner@user:u1',
        'doc:d1#viewer@user:u2',
        'doc:d2#viewer@group:g1#member',
        'group:g1#member@user:u2',
      ),
    );

    const all = await relations(TEST_PROJECT.projectId);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(all.body.relations).toEqual(
      tuples(
        'doc:d1#owner@user:u1',
        'doc:d1#viewer@user:u2',
        'doc:d2#viewer@group:g1#member',
        'group:g1#member@user:u2',
      ),
    );

    const viewers = await relations(TEST_PROJECT.projectId, '?resourceType=doc&relation=viewer');
    expect(viewers.body).toEqual({
      relations: tuples('doc:d1#viewer@user:u2', 'doc:d2#viewer@group:g1#member'),
      total: 2,
    });
    expect((await relations(TEST_PROJECT.projectId, '?target=u2')).body.total).toBe(2);
    expect((await relations(TEST_PROJECT.projectId, '?resource=d2')).body.relations).toEqual(
      tuples('doc:d2#viewer@group:g1#member'),
    );

    const second = await relations(TEST_PROJECT.projectId, '?limit=2&offset=2');
    expect(second.body).toEqual({ relations: all.body.relations.slice(2), total: 4 });

    await fga.deleteRelations(tuples('doc:d1#owner@user:u1'));
    expect((await relations(TEST_PROJECT.projectId)).body.total).toBe(3);
  });

  it('shows one project only', async () => {
    expect((await relations(OTHER_PROJECT.projectId)).body).toEqual({ relations: [], total: 0 });
  });

  it('answers bad input with the Descope error body', async () => {
    const refusals = [
      ['?limit=abc', 'E011001'],
      ['?limit=0', 'E011004'],
      ['?limit=1001', 'E011004'],
      ['?offset=-1', 'E011004'],
      ['?resource=', 'E011004'],
    ] as const;
    for (const [query, code] of refusals) {
      const { errorMessage } = expectRefused(await relations(TEST_PROJECT.projectId, query), 400, code);
      expect(errorMessage, query).toMatch(/limit|offset|resource/);
    }
    expectRefused(await relations('P2Unknown'), 404, 'E000404');
  });
});
