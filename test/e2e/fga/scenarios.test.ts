import { describe, expect, it } from 'vitest';
import { useMock } from '../../helpers/mock.js';
import { DOCS_SCHEMA, freshProject, tuple, tuples } from './kit.js';

/**
 * The evaluator's scenarios through the SDK against a real server: documents in folders in folders of an
 * org, inherited viewers, banned users (exclusion), approvers (intersection), group membership (`#member`).
 */
const mock = useMock();

const STORED = [
  'org:acme#member@user:olga',
  'org:acme#member@group:staff#member',
  'group:staff#member@user:gus',
  'folder:root#org@org:acme',
  'folder:sub#parent@folder:root',
  'folder:leaf#parent@folder:sub',
  'folder:leaf#viewer@user:vera',
  'doc:plan#folder@folder:leaf',
  'doc:plan#banned@user:gus',
  'doc:memo#viewer@group:staff#member',
  'doc:memo#approver@user:amy',
  'doc:memo#reviewer@user:amy',
  'doc:memo#approver@user:abe',
  'doc:memo#reviewer@user:rob',
];

const cases: [string, boolean][] = [
  ['doc:plan#can_view@user:olga', true], // org member, 3 folders up
  ['doc:plan#can_view@user:vera', true], // viewer of the leaf folder
  ['doc:plan#can_view@user:gus', false], // staff member through the org, but banned
  ['folder:root#can_view@user:gus', true], // the ban is on the document only
  ['doc:plan#can_view@user:amy', false], // nothing
  ['doc:memo#can_view@user:gus', true], // staff#member viewer set
  ['doc:memo#can_view@user:olga', false], // org member, but memo is in no folder
  ['doc:memo#can_approve@user:amy', true], // approver and reviewer
  ['doc:memo#can_approve@user:abe', false], // approver only
  ['doc:memo#can_approve@user:rob', false], // reviewer only
  ['org:acme#viewer@user:gus', true],
  ['folder:sub#can_view@user:vera', false], // inheritance flows down, not up
];

describe('FGA check scenarios through the SDK', () => {
  it('answers each check as the schema and tuples say, in request order', async () => {
    const { sdk } = await freshProject(mock);
    expect((await sdk.management.fga.saveSchema({ dsl: DOCS_SCHEMA })).ok).toBe(true);
    expect((await sdk.management.fga.createRelations(tuples(...STORED))).ok).toBe(true);
    const checked = await sdk.management.fga.check(cases.map(([text]) => tuple(text)));
    expect(checked.ok).toBe(true);
    expect(
      checked.data?.map((item) => `${item.tuple.resource}#${item.tuple.relation}@${item.tuple.target}`),
    ).toEqual(
      cases.map(([text]) => {
        const t = tuple(text);
        return `${t.resource}#${t.relation}@${t.target}`;
      }),
    );
    expect(checked.data?.map((item) => item.allowed)).toEqual(cases.map(([, allowed]) => allowed));
  });

  it('a relation removed changes the answers that depended on it', async () => {
    const { sdk } = await freshProject(mock, { fgaSchema: DOCS_SCHEMA, relations: tuples(...STORED) });
    await sdk.management.fga.deleteRelations(
      tuples('doc:plan#banned@user:gus', 'folder:sub#parent@folder:root'),
    );
    const checked = await sdk.management.fga.check(
      tuples('doc:plan#can_view@user:gus', 'doc:plan#can_view@user:olga', 'doc:plan#can_view@user:vera'),
    );
    expect(checked.data?.map((item) => item.allowed)).toEqual([false, false, true]);
  });
});
