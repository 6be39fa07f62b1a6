import { describe, expect, it } from 'vitest';
import { authzFromSchema, fgaJsonFromSchema, schemaFromAuthz } from '../../../../src/domain/fga/authzJson.js';
import { formatDsl, parseDsl } from '../../../../src/domain/fga/dsl.js';
import type { FgaSchema } from '../../../../src/domain/fga/model.js';
import { DescopeError } from '../../../../src/errors.js';
import { AuthzSchema, FgaJsonSchema } from '../../../../src/schemas/fgaSchema.js';
import { dsl } from './fgaTestKit.js';

/** The JSON view of a schema (descope-mgmt-more.md §1.5) and the DSL printed back from a model. */

const text = dsl(
  'constraint Hours:NumRange(32400, 61200)',
  'constraint NumRange',
  'constraint Geo:GeoCountry("US", "GB")',
  'condition InNet(ip ipaddress, r string) { ip.in_cidr(r) }',
  'type user',
  'type group',
  '  relation member: user | group#member',
  'type project',
  '  relation viewer: user',
  'type folder',
  '  relation parent: folder | project',
  '  relation viewer: user | group#member with Hours & !(Geo | InNet)',
  '  relation banned: user',
  '  permission can_view: (viewer | parent.viewer) but not banned with NumRange',
  '  permission can_list: viewer | banned | parent.viewer & viewer',
  '  permission nested: (viewer | banned) | viewer - (banned & viewer)',
);

/** The model minus what the JSON cannot carry: target types, `with` clauses, conditions, the DSL text. */
function jsonView(schema: FgaSchema): FgaSchema['types'] {
  return schema.types.map((t) => ({
    name: t.name,
    definitions: t.definitions.map((d) =>
      d.expression
        ? { name: d.name, kind: d.kind, expression: d.expression }
        : { name: d.name, kind: d.kind },
    ),
  }));
}

describe('DSL → model → JSON → model', () => {
  it('keeps every type, definition and expression', () => {
    const model = parseDsl(text);
    const wire = AuthzSchema.parse(JSON.parse(JSON.stringify(authzFromSchema(model))));
    expect(jsonView(schemaFromAuthz(wire))).toEqual(jsonView(model));
  });

  it('compiles a.b over several types to a union of relationRight children, a name to targetSet', () => {
    const folder = authzFromSchema(parseDsl(text)).namespaces[3];
    expect(folder?.relationDefinitions[0]).toEqual({ name: 'parent' });
    const right = (ns: string) => ({
      nType: 'child',
      expression: {
        neType: 'relationRight',
        relationDefinition: 'parent',
        relationDefinitionNamespace: 'folder',
        targetRelationDefinition: 'viewer',
        targetRelationDefinitionNamespace: ns,
      },
    });
    const viewer = {
      nType: 'child',
      expression: {
        neType: 'targetSet',
        targetRelationDefinition: 'viewer',
        targetRelationDefinitionNamespace: 'folder',
      },
    };
    const banned = {
      nType: 'child',
      expression: {
        neType: 'targetSet',
        targetRelationDefinition: 'banned',
        targetRelationDefinitionNamespace: 'folder',
      },
    };
    expect(folder?.relationDefinitions[3]).toEqual({
      name: 'can_view',
      complexDefinition: {
        nType: 'sub',
        children: [
          {
            nType: 'union',
            children: [viewer, { nType: 'union', children: [right('folder'), right('project')] }],
          },
          banned,
        ],
      },
    });
  });

  it('fga.loadSchema’s schema: namespaces plus conditions, constraints expanded', () => {
    const json = fgaJsonFromSchema(parseDsl(text));
    expect(FgaJsonSchema.parse(json)).toEqual(json);
    expect(json.conditions).toEqual([
      {
        name: 'Hours',
        params: [{ name: 'num', type: 'double' }],
        expression: 'num >= 32400 && num <= 61200',
        builtin: true,
      },
      {
        name: 'NumRange',
        params: [
          { name: 'num', type: 'double' },
          { name: 'min', type: 'int' },
          { name: 'max', type: 'int' },
        ],
        expression: 'num >= min && num <= max',
        builtin: true,
      },
      {
        name: 'Geo',
        params: [{ name: 'country_code', type: 'string' }],
        expression: 'country_code in ["US", "GB"]',
        builtin: true,
      },
      {
        name: 'InNet',
        params: [
          { name: 'ip', type: 'ipaddress' },
          { name: 'r', type: 'string' },
        ],
        expression: 'ip.in_cidr(r)',
        builtin: false,
      },
    ]);
  });
});

describe('formatDsl', () => {
  it('parseDsl(formatDsl(s)) gives back s, parentheses, exclusions and clauses included', () => {
    const model = parseDsl(text);
    const printed = formatDsl(model);
    expect({ ...parseDsl(printed), dsl: '' }).toEqual({ ...model, dsl: '' });
    expect(printed).toContain('  permission nested: ((viewer | banned) | viewer) - (banned & viewer)\n');
    expect(printed).toContain('  permission can_view: (viewer | parent.viewer) - banned with NumRange\n');
    expect(printed).toContain('  relation viewer: user | group#member with Hours & !(Geo | InNet)\n');
  });

  it('prints a schema saved as JSON: types its a.b reach, or every type; no words for self', () => {
    const schema = schemaFromAuthz(
      AuthzSchema.parse({
        name: 'notes',
        namespaces: [
          { name: 'folder', relationDefinitions: [{ name: 'owner' }] },
          {
            name: 'note',
            relationDefinitions: [
              { name: 'owner' },
              { name: 'parent' },
              {
                name: 'editor',
                complexDefinition: {
                  nType: 'union',
                  children: [
                    { nType: 'child', expression: { neType: 'self' } },
                    {
                      nType: 'child',
                      expression: {
                        neType: 'targetSet',
                        targetRelationDefinition: 'owner',
                        targetRelationDefinitionNamespace: 'note',
                      },
                    },
                    {
                      nType: 'child',
                      expression: {
                        neType: 'relationRight',
                        relationDefinition: 'parent',
                        relationDefinitionNamespace: 'note',
                        targetRelationDefinition: 'owner',
                        targetRelationDefinitionNamespace: 'folder',
                      },
                    },
                  ],
                },
              },
            ],
          },
        ],
      }),
    );
    expect(schema.name).toBe('notes');
    expect(schema.dsl).toBe(
      [
        'model AuthZ 1.0',
        '',
        'type folder',
        '  relation owner: folder | note',
        '',
        'type note',
        '  relation owner: folder | note',
        '  relation parent: folder',
        '  permission editor: owner | parent.owner',
        '',
      ].join('\n'),
    );
    expect(() => parseDsl(schema.dsl)).not.toThrow();
  });
});

describe('schemaFromAuthz refuses a malformed tree with 400 E011004', () => {
  const cases: [string, unknown, string][] = [
    [
      'a child without expression',
      { nType: 'child' },
      "A 'child' node of relation definition 'doc.p' needs an expression",
    ],
    [
      'a union without children',
      { nType: 'union', children: [] },
      "A 'union' node of relation definition 'doc.p' needs children",
    ],
    [
      'a targetSet without its relation',
      { nType: 'child', expression: { neType: 'targetSet' } },
      "A 'targetSet' expression of relation definition 'doc.p' needs targetRelationDefinition",
    ],
  ];
  for (const [name, node, message] of cases) {
    it(name, () => {
      const wire = AuthzSchema.parse({
        namespaces: [{ name: 'doc', relationDefinitions: [{ name: 'p', complexDefinition: node }] }],
      });
      expect(() => schemaFromAuthz(wire)).toThrow(DescopeError);
      expect(() => schemaFromAuthz(wire)).toThrow(message);
    });
  }

  it('a namespace or definition named twice', () => {
    expect(() => schemaFromAuthz(AuthzSchema.parse({ namespaces: [{ name: 'a' }, { name: 'a' }] }))).toThrow(
      "Namespace 'a' appears twice",
    );
    expect(() =>
      schemaFromAuthz(
        AuthzSchema.parse({
          namespaces: [{ name: 'a', relationDefinitions: [{ name: 'r' }, { name: 'r' }] }],
        }),
      ),
    ).toThrow("Relation definition 'r' appears twice in namespace 'a'");
  });
});
