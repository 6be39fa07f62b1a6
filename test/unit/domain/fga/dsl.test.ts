import { describe, expect, it } from 'vitest';
import { parseDsl } from '../../../../src/domain/fga/dsl.js';
import type { FgaNode } from '../../../../src/domain/fga/model.js';
import { DescopeError } from '../../../../src/errors.js';
import { dsl } from './fgaTestKit.js';

/** The DSL of descope-mgmt-more.md §1.2, parsed to the shared model. */

const ts = (relation: string, type = 'doc'): FgaNode => ({ op: 'targetSet', relation, type });
const expressionOf = (text: string, type: string, name: string) =>
  parseDsl(text)
    .types.find((t) => t.name === type)
    ?.definitions.find((d) => d.name === name)?.expression;

/** The message of the 400 a text is refused with. */
function refusal(text: string): string {
  try {
    parseDsl(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DescopeError);
    expect((error as DescopeError).code).toBe('E011004');
    expect((error as DescopeError).status).toBe(400);
    return (error as DescopeError).message;
  }
  throw new Error('the text was accepted');
}

describe('parseDsl: the docs’ examples', () => {
  // As printed, the skill's example follows `parent.owner` to a Folder that has no `owner`, which §1.2's
  // resolution rule refuses (next test); with the relation added it parses.
  it('basic ReBAC with hierarchy (Folder given the owner its parent.owner reaches)', () => {
    const schema = parseDsl(
      dsl(
        '',
        'type User',
        '',
        'type Folder',
        '  relation owner: User',
        '',
        'type Doc',
        '  relation owner: User',
        '  relation parent: Folder',
        '  permission can_view: owner | parent.owner',
        '  permission can_edit: owner',
      ),
    );
    expect(schema.types.map((t) => t.name)).toEqual(['User', 'Folder', 'Doc']);
    expect(schema.types[2]?.definitions).toEqual([
      { name: 'owner', kind: 'relation', targetTypes: ['User'] },
      { name: 'parent', kind: 'relation', targetTypes: ['Folder'] },
      {
        name: 'can_view',
        kind: 'permission',
        expression: {
          op: 'union',
          children: [
            ts('owner', 'Doc'),
            {
              op: 'relationRight',
              relation: 'parent',
              type: 'Doc',
              targetRelation: 'owner',
              targetType: 'Folder',
            },
          ],
        },
      },
      { name: 'can_edit', kind: 'permission', expression: ts('owner', 'Doc') },
    ]);
  });

  it('the example as printed fails to resolve as printed: Folder has no owner', () => {
    expect(
      refusal(
        dsl(
          'type User',
          'type Folder',
          'type Doc',
          '  relation parent: Folder',
          '  permission v: parent.owner',
        ),
      ),
    ).toBe(
      "Invalid FGA schema: line 6, column 24: type 'Folder' (a target of 'parent') has no relation or permission 'owner'",
    );
  });

  it('group membership via a target set, and conditions on relations and permissions', () => {
    const schema = parseDsl(
      dsl(
        '',
        'constraint FiveEyes:GeoCountry("US","GB","CA","AU","NZ")',
        'constraint Sanction:GeoCountry("KP","IR","SY","RU")',
        'constraint OfficeOnly:IpRange("10.0.0.0/8")',
        'constraint ShiftHours:NumRange',
        'condition InNetwork(user_ip ipaddress, allowed_range string) { user_ip.in_cidr(allowed_range) }',
        '',
        'type User',
        'type Team',
        '  relation member: User',
        'type Repository',
        '  relation owner: User',
        '  relation contributor: User | Team#member',
        '  relation allowed: User with FiveEyes & !Sanction',
        '  permission can_push: owner | contributor',
        '  permission can_delete: owner with OfficeOnly | (ShiftHours & InNetwork)',
      ),
    );
    expect(schema.conditions).toEqual([
      { name: 'FiveEyes', builtin: 'GeoCountry', args: ['US', 'GB', 'CA', 'AU', 'NZ'] },
      { name: 'Sanction', builtin: 'GeoCountry', args: ['KP', 'IR', 'SY', 'RU'] },
      { name: 'OfficeOnly', builtin: 'IpRange', args: ['10.0.0.0/8'] },
      { name: 'ShiftHours', builtin: 'NumRange' },
      {
        name: 'InNetwork',
        params: [
          { name: 'user_ip', type: 'ipaddress' },
          { name: 'allowed_range', type: 'string' },
        ],
        expression: 'user_ip.in_cidr(allowed_range)',
      },
    ]);
    const repo = schema.types[2]?.definitions ?? [];
    expect(repo[1]).toEqual({ name: 'contributor', kind: 'relation', targetTypes: ['User', 'Team#member'] });
    expect(repo[2]?.condition).toBe('FiveEyes & !Sanction');
    expect(repo[4]?.condition).toBe('OfficeOnly | (ShiftHours & InNetwork)');
  });

  it('a constraint named after its kind, negative and decimal arguments, booleans', () => {
    const schema = parseDsl(
      dsl('constraint NumRange(-5, 2.5)', 'constraint Admin:BoolCheck(true)', 'type User'),
    );
    expect(schema.conditions).toEqual([
      { name: 'NumRange', builtin: 'NumRange', args: [-5, 2.5] },
      { name: 'Admin', builtin: 'BoolCheck', args: [true] },
    ]);
  });
});

describe('parseDsl: grammar', () => {
  it('relations and permissions in any order; forward references to later types', () => {
    const expression = expressionOf(
      dsl(
        'type doc',
        '  permission can_view: viewer | parent.viewer',
        '  relation viewer: user',
        '  relation parent: folder',
        'type folder',
        '  relation viewer: user',
        'type user',
      ),
      'doc',
      'can_view',
    );
    expect(expression).toEqual({
      op: 'union',
      children: [
        ts('viewer'),
        {
          op: 'relationRight',
          relation: 'parent',
          type: 'doc',
          targetRelation: 'viewer',
          targetType: 'folder',
        },
      ],
    });
  });

  it('a.b over a relation of several types compiles to one relationRight per type, in a union', () => {
    const expression = expressionOf(
      dsl(
        'type a',
        '  relation v: a',
        'type b',
        '  relation v: a',
        'type doc',
        '  relation parent: a | b | b#v',
        '  permission p: parent.v',
      ),
      'doc',
      'p',
    );
    expect(expression).toEqual({
      op: 'union',
      children: [
        { op: 'relationRight', relation: 'parent', type: 'doc', targetRelation: 'v', targetType: 'a' },
        { op: 'relationRight', relation: 'parent', type: 'doc', targetRelation: 'v', targetType: 'b' },
      ],
    });
  });

  it('operators of one kind flatten; `-` and `but not` both exclude, the first minus all the rest', () => {
    const head = ['type doc', '  relation a: doc', '  relation b: doc', '  relation c: doc'];
    expect(expressionOf(dsl(...head, '  permission p: a | b | c'), 'doc', 'p')).toEqual({
      op: 'union',
      children: [ts('a'), ts('b'), ts('c')],
    });
    expect(expressionOf(dsl(...head, '  permission p: a - b but not c'), 'doc', 'p')).toEqual({
      op: 'sub',
      children: [ts('a'), ts('b'), ts('c')],
    });
    expect(expressionOf(dsl(...head, '  permission p: a & (b & c)'), 'doc', 'p')).toEqual({
      op: 'intersect',
      children: [ts('a'), { op: 'intersect', children: [ts('b'), ts('c')] }],
    });
  });

  it('precedence: equal, left to right, parentheses first; mixing without parentheses warns', () => {
    const head = ['type doc', '  relation a: doc', '  relation b: doc', '  relation c: doc'];
    const warnings: string[] = [];
    const schema = parseDsl(
      dsl(...head, '  permission p: a | b & c', '  permission q: a | (b & c)'),
      warnings,
    );
    const [p, q] = schema.types[0]?.definitions.slice(3) ?? [];
    expect(p?.expression).toEqual({
      op: 'intersect',
      children: [{ op: 'union', children: [ts('a'), ts('b')] }, ts('c')],
    });
    expect(q?.expression).toEqual({
      op: 'union',
      children: [ts('a'), { op: 'intersect', children: [ts('b'), ts('c')] }],
    });
    expect(warnings).toEqual([
      "line 6, column 23: '&' follows a different operator without parentheses; they group left to right",
    ]);
    expect(expressionOf(dsl(...head, '  permission p: a - b | c'), 'doc', 'p')).toEqual({
      op: 'union',
      children: [{ op: 'sub', children: [ts('a'), ts('b')] }, ts('c')],
    });
  });

  it('blank lines, indentation and CRLF line ends are cosmetic; names are case-sensitive', () => {
    const schema = parseDsl(
      '\r\n  model AuthZ 1.0\r\n\r\ntype User\r\ntype user\r\n      relation Owner: User\r\n',
    );
    expect(schema.types).toEqual([
      { name: 'User', definitions: [] },
      { name: 'user', definitions: [{ name: 'Owner', kind: 'relation', targetTypes: ['User'] }] },
    ]);
  });

  it('keeps the text as saved and names the schema empty', () => {
    const text = dsl('type User');
    expect(parseDsl(text)).toEqual({
      name: '',
      types: [{ name: 'User', definitions: [] }],
      conditions: [],
      dsl: text,
    });
  });
});
