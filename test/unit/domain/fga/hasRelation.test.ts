import { describe, expect, it } from 'vitest';
import { schemaFromAuthz } from '../../../../src/domain/fga/authzJson.js';
import { hasRelation } from '../../../../src/domain/fga/check.js';
import type { FgaTuple } from '../../../../src/domain/fga/model.js';
import { DescopeError } from '../../../../src/errors.js';
import { AuthzSchema } from '../../../../src/schemas/fgaSchema.js';
import { memoryRelations } from '../../../helpers/memoryRelations.js';

/**
 * The JSON API's `has` (descope-mgmt-more.md §1.5) over a schema saved as JSON: self, targetSet,
 * relationRight, relationLeft and sub nodes, untyped targets and ABAC queries.
 */

const child = (neType: string, fields: Record<string, string> = {}) => ({
  nType: 'child',
  expression: { neType, ...fields },
});
const targetSet = (rd: string, ns: string) =>
  child('targetSet', { targetRelationDefinition: rd, targetRelationDefinitionNamespace: ns });
const via = (neType: string, rd: string, rdns: string, trd: string, trdns: string) =>
  child(neType, {
    relationDefinition: rd,
    relationDefinitionNamespace: rdns,
    targetRelationDefinition: trd,
    targetRelationDefinitionNamespace: trdns,
  });

const schema = schemaFromAuthz(
  AuthzSchema.parse({
    name: 'notes',
    namespaces: [
      { name: 'group', relationDefinitions: [{ name: 'member' }] },
      {
        name: 'org',
        relationDefinitions: [
          { name: 'parent' },
          // A sub-organisation's member is a member of its parent organisation (relationLeft, inferred direction).
          {
            name: 'member',
            complexDefinition: {
              nType: 'union',
              children: [child('self'), via('relationLeft', 'parent', 'org', 'member', 'org')],
            },
          },
        ],
      },
      { name: 'folder', relationDefinitions: [{ name: 'owner' }] },
      {
        name: 'note',
        relationDefinitions: [
          { name: 'owner' },
          { name: 'parent' },
          { name: 'banned' },
          {
            name: 'editor',
            complexDefinition: { nType: 'union', children: [child('self'), targetSet('owner', 'note')] },
          },
          {
            name: 'viewer',
            complexDefinition: {
              nType: 'union',
              children: [
                child('self'),
                targetSet('editor', 'note'),
                via('relationRight', 'parent', 'note', 'owner', 'folder'),
              ],
            },
          },
          {
            name: 'reader',
            complexDefinition: {
              nType: 'sub',
              children: [targetSet('viewer', 'note'), targetSet('banned', 'note')],
            },
          },
          {
            name: 'both',
            complexDefinition: {
              nType: 'intersect',
              children: [targetSet('editor', 'note'), targetSet('banned', 'note')],
            },
          },
        ],
      },
    ],
  }),
);

const rel = (
  resourceType: string,
  resource: string,
  relation: string,
  target: string,
  targetType = '',
): FgaTuple => ({
  resourceType,
  resource,
  relation,
  targetType,
  target,
});
const source = memoryRelations(
  [
    rel('note', 'n1', 'owner', 'ann'),
    rel('note', 'n1', 'editor', 'bob'),
    rel('note', 'n1', 'viewer', 'members', 'group#member'),
    rel('group', 'members', 'member', 'cat'),
    rel('note', 'n1', 'parent', 'f1', 'folder'),
    rel('folder', 'f1', 'owner', 'dan'),
    rel('note', 'n1', 'banned', 'bob'),
    rel('org', 'sub', 'parent', 'top', 'org'),
    rel('org', 'sub', 'member', 'eve'),
    { ...rel('note', 'n2', 'viewer', ''), query: { tenants: ['t1'] } },
  ],
  { fay: { tenants: ['t1'] }, gus: { tenants: ['t2'] } },
);
const has = (resourceType: string, resource: string, relation: string, target: string) =>
  hasRelation(schema, source, resourceType, resource, relation, { id: target });

describe('hasRelation over a JSON schema', () => {
  it('self: a stored relation, its target set, its ABAC query', () => {
    expect(has('note', 'n1', 'owner', 'ann')).toBe(true);
    expect(has('note', 'n1', 'owner', 'bob')).toBe(false);
    expect(has('note', 'n1', 'viewer', 'cat')).toBe(true);
    expect(has('note', 'n2', 'viewer', 'fay')).toBe(true);
    expect(has('note', 'n2', 'viewer', 'gus')).toBe(false);
  });

  it('targetSet: viewer = self ∪ editor, editor = self ∪ owner', () => {
    expect(has('note', 'n1', 'viewer', 'ann')).toBe(true);
    expect(has('note', 'n1', 'editor', 'ann')).toBe(true);
    expect(has('note', 'n1', 'viewer', 'bob')).toBe(true);
    expect(has('note', 'n1', 'editor', 'cat')).toBe(false);
  });

  it('relationRight: the owner of the note’s parent folder views the note', () => {
    expect(has('note', 'n1', 'viewer', 'dan')).toBe(true);
    expect(has('note', 'n2', 'viewer', 'dan')).toBe(false);
  });

  it('relationLeft: a member of a sub-organisation is a member of its parent', () => {
    expect(has('org', 'top', 'member', 'eve')).toBe(true);
    expect(has('org', 'sub', 'member', 'eve')).toBe(true);
    expect(has('org', 'other', 'member', 'eve')).toBe(false);
  });

  it('sub and intersect', () => {
    expect(has('note', 'n1', 'reader', 'ann')).toBe(true);
    expect(has('note', 'n1', 'reader', 'bob')).toBe(false);
    expect(has('note', 'n1', 'both', 'bob')).toBe(true);
    expect(has('note', 'n1', 'both', 'ann')).toBe(false);
  });

  it('refuses an unknown namespace or relation definition with 400 E011004', () => {
    expect(() => has('nope', 'n1', 'owner', 'ann')).toThrow(DescopeError);
    expect(() => has('note', 'n1', 'nope', 'ann')).toThrow(
      "Type 'note' has no relation or permission 'nope'",
    );
  });
});
