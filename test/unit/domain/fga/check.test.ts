import { describe, expect, it } from 'vitest';
import { checkTuple } from '../../../../src/domain/fga/check.js';
import { parseDsl } from '../../../../src/domain/fga/dsl.js';
import { DescopeError } from '../../../../src/errors.js';
import { memoryRelations } from '../../../helpers/memoryRelations.js';
import { dsl, tuple, tuples } from './fgaTestKit.js';

/**
 * The DSL check (descope-mgmt-more.md §1.3), schema by schema: each row stores tuples, then asks checks that
 * must be allowed and checks that must be denied (written like tuples: `doc:d1#can_view@user:u1`).
 */
interface Row {
  name: string;
  schema: string;
  stored: string[];
  allowed: string[];
  denied: string[];
}

const rows: Row[] = [
  {
    name: 'documents: owner ⊂ editor ⊂ viewer, each permission built on the previous',
    schema: dsl(
      'type user',
      'type doc',
      '  relation owner: user',
      '  relation editor: user',
      '  relation viewer: user',
      '  permission can_edit: owner | editor',
      '  permission can_view: can_edit | viewer',
    ),
    stored: ['doc:d1#owner@user:ann', 'doc:d1#editor@user:bob', 'doc:d1#viewer@user:cat'],
    allowed: [
      'doc:d1#can_view@user:ann',
      'doc:d1#can_view@user:bob',
      'doc:d1#can_view@user:cat',
      'doc:d1#can_edit@user:bob',
    ],
    denied: [
      'doc:d1#can_edit@user:cat',
      'doc:d2#can_view@user:ann',
      'doc:d1#owner@user:bob',
      'doc:d1#can_view@doc:ann',
    ],
  },
  {
    name: 'folders: a document inherits its folder’s viewers through parent.viewer',
    schema: dsl(
      'type user',
      'type folder',
      '  relation viewer: user',
      'type doc',
      '  relation parent: folder',
      '  relation viewer: user',
      '  permission can_view: viewer | parent.viewer',
    ),
    stored: ['doc:d1#parent@folder:f1', 'folder:f1#viewer@user:ann', 'doc:d2#viewer@user:bob'],
    allowed: ['doc:d1#can_view@user:ann', 'doc:d2#can_view@user:bob'],
    denied: ['doc:d2#can_view@user:ann', 'doc:d1#can_view@user:bob', 'folder:f1#viewer@user:bob'],
  },
  {
    name: 'folder in folder: recursion through parent.can_view, with a cycle in the data',
    schema: dsl(
      'type user',
      'type folder',
      '  relation parent: folder',
      '  relation viewer: user',
      '  permission can_view: viewer | parent.can_view',
    ),
    stored: [
      'folder:f1#parent@folder:f2',
      'folder:f2#parent@folder:f3',
      'folder:f3#parent@folder:f1',
      'folder:f3#viewer@user:ann',
      'folder:g1#parent@folder:g2',
      'folder:g2#parent@folder:g1',
    ],
    allowed: ['folder:f1#can_view@user:ann', 'folder:f2#can_view@user:ann', 'folder:f3#can_view@user:ann'],
    denied: ['folder:f1#can_view@user:bob', 'folder:g1#can_view@user:ann', 'folder:x#can_view@user:ann'],
  },
  {
    name: 'banned users: exclusion with -',
    schema: dsl(
      'type user',
      'type doc',
      '  relation viewer: user',
      '  relation banned: user',
      '  permission can_view: viewer - banned',
    ),
    stored: [
      'doc:d1#viewer@user:ann',
      'doc:d1#viewer@user:bob',
      'doc:d1#banned@user:bob',
      'doc:d1#banned@user:cat',
    ],
    allowed: ['doc:d1#can_view@user:ann'],
    denied: ['doc:d1#can_view@user:bob', 'doc:d1#can_view@user:cat'],
  },
  {
    name: 'banned users: the spelling `but not`, and a banned group',
    schema: dsl(
      'type user',
      'type team',
      '  relation member: user',
      'type doc',
      '  relation viewer: user | team#member',
      '  relation banned: team#member',
      '  permission can_view: viewer but not banned',
    ),
    stored: [
      'doc:d1#viewer@team#member:all',
      'team:all#member@user:ann',
      'team:all#member@user:bob',
      'team:bad#member@user:bob',
      'doc:d1#banned@team#member:bad',
    ],
    allowed: ['doc:d1#can_view@user:ann'],
    denied: ['doc:d1#can_view@user:bob', 'doc:d1#can_view@user:cat'],
  },
  {
    name: 'approvers: intersection of a role and an organisation’s membership',
    schema: dsl(
      'type user',
      'type org',
      '  relation member: user',
      'type invoice',
      '  relation org: org',
      '  relation approver: user',
      '  permission can_approve: approver & org.member',
    ),
    stored: [
      'invoice:i1#org@org:acme',
      'org:acme#member@user:ann',
      'org:acme#member@user:bob',
      'invoice:i1#approver@user:ann',
      'invoice:i1#approver@user:cat',
    ],
    allowed: ['invoice:i1#can_approve@user:ann'],
    denied: ['invoice:i1#can_approve@user:bob', 'invoice:i1#can_approve@user:cat'],
  },
  {
    name: 'group membership: a relation held through group#member',
    schema: dsl(
      'type user',
      'type group',
      '  relation member: user',
      'type repo',
      '  relation contributor: user | group#member',
      '  permission can_push: contributor',
    ),
    stored: [
      'repo:r1#contributor@group#member:devs',
      'group:devs#member@user:ann',
      'repo:r1#contributor@user:bob',
    ],
    allowed: [
      'repo:r1#can_push@user:ann',
      'repo:r1#can_push@user:bob',
      'repo:r1#contributor@group#member:devs',
    ],
    denied: ['repo:r1#can_push@user:cat', 'repo:r1#can_push@group:devs'],
  },
  {
    name: 'nested groups: members of member groups, with a cycle between groups',
    schema: dsl(
      'type user',
      'type group',
      '  relation member: user | group#member',
      'type doc',
      '  relation viewer: group#member',
    ),
    stored: [
      'doc:d1#viewer@group#member:g1',
      'group:g1#member@group#member:g2',
      'group:g2#member@group#member:g3',
      'group:g3#member@group#member:g1',
      'group:g3#member@user:ann',
      'group:g2#member@user:bob',
    ],
    allowed: [
      'doc:d1#viewer@user:ann',
      'doc:d1#viewer@user:bob',
      'group:g3#member@user:bob',
      'group:g1#member@user:ann',
    ],
    denied: ['doc:d1#viewer@user:cat', 'doc:d2#viewer@user:ann'],
  },
  {
    name: 'organisations: an admin of an ancestor organisation manages a sub-organisation',
    schema: dsl(
      'type user',
      'type org',
      '  permission can_manage: admin | parent.can_manage',
      '  relation admin: user',
      '  relation parent: org',
    ),
    stored: [
      'org:child#parent@org:mid',
      'org:mid#parent@org:root',
      'org:root#admin@user:ann',
      'org:mid#admin@user:bob',
    ],
    allowed: [
      'org:child#can_manage@user:ann',
      'org:child#can_manage@user:bob',
      'org:mid#can_manage@user:ann',
    ],
    denied: ['org:root#can_manage@user:bob', 'org:child#admin@user:ann'],
  },
  {
    name: 'a parent of several types: parent.can_view follows each',
    schema: dsl(
      'type user',
      'type project',
      '  relation viewer: user',
      '  permission can_view: viewer',
      'type folder',
      '  relation viewer: user',
      '  permission can_view: viewer',
      'type doc',
      '  relation parent: folder | project',
      '  permission can_view: parent.can_view',
    ),
    stored: [
      'doc:d1#parent@folder:f1',
      'doc:d1#parent@project:p1',
      'folder:f1#viewer@user:ann',
      'project:p1#viewer@user:bob',
      'project:f1#viewer@user:cat',
    ],
    allowed: ['doc:d1#can_view@user:ann', 'doc:d1#can_view@user:bob'],
    denied: ['doc:d1#can_view@user:cat'],
  },
  {
    name: 'equal precedence, left to right: editor | parent.editor & can_create',
    schema: dsl(
      'type user',
      'type folder',
      '  relation editor: user',
      '  relation creator: user',
      '  permission can_create: creator',
      '  relation parent: folder',
      '  permission can_add: editor | parent.editor & can_create',
    ),
    stored: [
      'folder:f1#editor@user:ann',
      'folder:f1#editor@user:bob',
      'folder:f1#creator@user:bob',
      'folder:f1#parent@folder:f0',
      'folder:f0#editor@user:cat',
      'folder:f1#creator@user:cat',
    ],
    allowed: ['folder:f1#can_add@user:bob', 'folder:f1#can_add@user:cat'],
    denied: ['folder:f1#can_add@user:ann'],
  },
  {
    name: 'a cut on the path does not poison the memo (x is true, so y = parent.x is too)',
    schema: dsl(
      'type user',
      'type node',
      '  relation parent: node',
      '  relation z: user',
      '  permission x: y | z',
      '  permission y: parent.x',
      '  permission t: x & y',
    ),
    stored: ['node:n1#parent@node:n1', 'node:n1#z@user:ann'],
    allowed: ['node:n1#t@user:ann', 'node:n1#y@user:ann'],
    denied: ['node:n1#t@user:bob'],
  },
  {
    name: 'exclusion over an inherited permission: a folder’s blocked list applies to its documents',
    schema: dsl(
      'type user',
      'type folder',
      '  relation viewer: user',
      '  relation blocked: user',
      'type doc',
      '  relation parent: folder',
      '  permission can_view: (parent.viewer - parent.blocked) | owner',
      '  relation owner: user',
    ),
    stored: [
      'doc:d1#parent@folder:f1',
      'folder:f1#viewer@user:ann',
      'folder:f1#viewer@user:bob',
      'folder:f1#blocked@user:bob',
      'folder:f1#blocked@user:cat',
      'doc:d1#owner@user:cat',
    ],
    allowed: ['doc:d1#can_view@user:ann', 'doc:d1#can_view@user:cat'],
    denied: ['doc:d1#can_view@user:bob'],
  },
];

describe('checkTuple: schemas of documents, folders, groups and organisations', () => {
  for (const row of rows) {
    it(row.name, () => {
      const schema = parseDsl(row.schema);
      const source = memoryRelations(tuples(row.stored));
      const answer = (check: string) => checkTuple(schema, source, tuple(check)).allowed;
      expect(row.allowed.filter((c) => !answer(c))).toEqual([]);
      expect(row.denied.filter((c) => answer(c))).toEqual([]);
    });
  }
});

describe('checkTuple: errors and info', () => {
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
  const source = memoryRelations(tuples(['doc:d1#owner@user:ann']));

  it('refuses an unknown type or relation with 400 E011004', () => {
    for (const bad of ['nope:d1#owner@user:ann', 'doc:d1#nope@user:ann']) {
      const error = (() => {
        try {
          checkTuple(schema, source, tuple(bad));
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DescopeError);
      expect((error as DescopeError).code).toBe('E011004');
      expect((error as DescopeError).status).toBe(400);
    }
  });

  it('info.direct: a relation with plain target types and no `with` only', () => {
    expect(checkTuple(schema, source, tuple('doc:d1#owner@user:ann')).info).toEqual({ direct: true });
    expect(checkTuple(schema, source, tuple('doc:d1#view@user:ann')).info).toEqual({ direct: false });
    expect(checkTuple(schema, source, tuple('group:g#member@user:ann')).info).toEqual({ direct: false });
  });
});
