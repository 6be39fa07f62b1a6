import { describe, expect, it } from 'vitest';
import { schemaFromAuthz } from '../../../../src/domain/fga/authzJson.js';
import { parseDsl } from '../../../../src/domain/fga/dsl.js';
import { removedBy } from '../../../../src/domain/fga/schemaDiff.js';
import { checkTuplesFit } from '../../../../src/domain/fga/validate.js';
import { DescopeError } from '../../../../src/errors.js';
import { AuthzSchema } from '../../../../src/schemas/fgaSchema.js';
import { dsl, tuple } from './fgaTestKit.js';

/** Writes that fit the schema (descope-mgmt-more.md §1.3 "Writes") and what a schema save deletes (§1.4). */

const schema = parseDsl(
  dsl(
    'type user',
    'type group',
    '  relation member: user | group#member',
    'type doc',
    '  relation owner: user',
    '  permission view: owner',
  ),
);

describe('checkTuplesFit', () => {
  it('accepts tuples whose target types the relation lists, plain or target set', () => {
    expect(() =>
      checkTuplesFit(schema, [
        tuple('group:g1#member@user:u1'),
        tuple('group:g1#member@group#member:g2'),
        tuple('doc:d1#owner@user:u1'),
      ]),
    ).not.toThrow();
  });

  const refusals: [string, string, string][] = [
    ['an unknown type', 'folder:f1#owner@user:u1', "Unknown FGA type 'folder'"],
    ['an undefined relation', 'doc:d1#editor@user:u1', "Type 'doc' has no relation 'editor'"],
    ['a permission', 'doc:d1#view@user:u1', "'doc#view' is a permission; only relations are stored"],
    [
      'a target type outside the list',
      'doc:d1#owner@group:g1',
      "Relation 'doc#owner' does not take targets of type 'group' (it takes user)",
    ],
    [
      'a target set outside the list',
      'doc:d1#owner@group#member:g1',
      "Relation 'doc#owner' does not take targets of type 'group#member' (it takes user)",
    ],
  ];
  for (const [name, bad, message] of refusals) {
    it(`refuses the whole batch for ${name}`, () => {
      const attempt = () => checkTuplesFit(schema, [tuple('doc:d1#owner@user:u1'), tuple(bad)]);
      expect(attempt).toThrow(DescopeError);
      expect(attempt).toThrow(message);
    });
  }

  it('a relation saved as JSON takes any target; a JSON permission reaching self takes tuples', () => {
    const json = schemaFromAuthz(
      AuthzSchema.parse({
        namespaces: [
          {
            name: 'note',
            relationDefinitions: [
              { name: 'owner' },
              {
                name: 'editor',
                complexDefinition: {
                  nType: 'union',
                  children: [{ nType: 'child', expression: { neType: 'self' } }],
                },
              },
              {
                name: 'viewer',
                complexDefinition: {
                  nType: 'child',
                  expression: { neType: 'targetSet', targetRelationDefinition: 'owner' },
                },
              },
            ],
          },
        ],
      }),
    );
    expect(() =>
      checkTuplesFit(json, [tuple('note:n1#owner@anything:x'), tuple('note:n1#editor@:u1')]),
    ).not.toThrow();
    expect(() => checkTuplesFit(json, [tuple('note:n1#viewer@user:u1')])).toThrow(
      "'note#viewer' is a permission",
    );
  });
});

describe('removedBy', () => {
  const before = parseDsl(
    dsl(
      'constraint NumRange',
      'constraint IntList',
      'type user',
      'type Old',
      '  relation x: user',
      'type folder',
      '  relation viewer: user with NumRange',
      '  relation editor: user | folder',
      '  relation owner: user',
      '  relation parent: folder',
      '  relation gone: user',
      '  permission can_view: viewer | owner',
    ),
  );

  it('lists removed types, removed relations and relations whose target types changed', () => {
    const after = parseDsl(
      dsl(
        'constraint NumRange',
        'constraint IntList',
        'type user',
        'type folder',
        '  relation viewer: user with IntList',
        '  relation editor: folder | user',
        '  relation owner: user | folder',
        '  permission parent: owner',
        '  permission can_view: owner',
      ),
    );
    expect(removedBy(before, after)).toEqual({
      relations: ['folder#owner', 'folder#parent', 'folder#gone'],
      types: ['Old'],
    });
  });

  it('the same schema, or one that only adds, removes nothing', () => {
    expect(removedBy(before, before)).toEqual({ relations: [], types: [] });
    const grown = parseDsl(`${before.dsl}\n  relation extra: user\ntype New`);
    expect(removedBy(before, grown)).toEqual({ relations: [], types: [] });
  });
});
