import { describe, expect, it } from 'vitest';
import { checkTuple } from '../../../../src/domain/fga/check.js';
import { parseDsl } from '../../../../src/domain/fga/dsl.js';
import type { FgaTuple } from '../../../../src/domain/fga/model.js';
import { memoryRelations } from '../../../helpers/memoryRelations.js';
import { dsl } from './fgaTestKit.js';

/**
 * `checkTuple` against a brute-force closure, on random tuple sets over one fixed schema with unions,
 * exclusion, intersection, `parent.x` recursion (cycles in the data welcome) and nested `group#member`;
 * `both` asks one folder's answer after another's, where a memo poisoned by a cycle cut would show.
 * The closure is computed here, independently: each relation's set of users, iterated to a fixpoint,
 * stratum by stratum (exclusions only subtract relations of a lower stratum, so the schema is stratified).
 */

const schema = parseDsl(
  dsl(
    'type user',
    'type group',
    '  relation member: user | group#member',
    'type folder',
    '  relation parent: folder',
    '  relation viewer: user | group#member',
    '  relation banned: user',
    '  permission can_view: (viewer | parent.can_view) - banned',
    'type doc',
    '  relation parent: folder',
    '  relation owner: user',
    '  relation editor: user | group#member',
    '  relation approver: user',
    '  relation other: folder',
    '  permission both: parent.can_view & other.can_view',
    '  permission can_view: owner | editor | parent.can_view',
    '  permission can_approve: approver & can_view',
    '  permission can_edit: (owner | editor) - parent.banned',
  ),
);

/** mulberry32: a small seeded PRNG, so every failing case can be replayed by its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const USERS = ids('u', 4);
const GROUPS = ids('g', 3);
const FOLDERS = ids('f', 4);
const DOCS = ids('d', 3);

function randomTuples(random: () => number): FgaTuple[] {
  const out: FgaTuple[] = [];
  const maybe = (
    p: number,
    resourceType: string,
    resource: string,
    relation: string,
    targetType: string,
    target: string,
  ) => {
    if (random() < p) out.push({ resourceType, resource, relation, targetType, target });
  };
  for (const g of GROUPS) {
    for (const u of USERS) maybe(0.25, 'group', g, 'member', 'user', u);
    for (const h of GROUPS) maybe(0.2, 'group', g, 'member', 'group#member', h);
  }
  for (const f of FOLDERS) {
    for (const p of FOLDERS) maybe(0.2, 'folder', f, 'parent', 'folder', p);
    for (const u of USERS) maybe(0.15, 'folder', f, 'viewer', 'user', u);
    for (const g of GROUPS) maybe(0.15, 'folder', f, 'viewer', 'group#member', g);
    for (const u of USERS) maybe(0.15, 'folder', f, 'banned', 'user', u);
  }
  for (const d of DOCS) {
    for (const p of FOLDERS) maybe(0.3, 'doc', d, 'parent', 'folder', p);
    for (const p of FOLDERS) maybe(0.3, 'doc', d, 'other', 'folder', p);
    for (const u of USERS) maybe(0.1, 'doc', d, 'owner', 'user', u);
    for (const u of USERS) maybe(0.1, 'doc', d, 'editor', 'user', u);
    for (const g of GROUPS) maybe(0.15, 'doc', d, 'editor', 'group#member', g);
    for (const u of USERS) maybe(0.3, 'doc', d, 'approver', 'user', u);
  }
  return out;
}

/** Every `type:id#relation@user:u` that holds, by iterating each stratum to its fixpoint. */
function closure(stored: FgaTuple[]): Set<string> {
  const holds = new Set<string>();
  const has = (type: string, id: string, relation: string, user: string) =>
    holds.has(`${type}:${id}#${relation}@${user}`);
  const add = (type: string, id: string, relation: string, user: string): boolean => {
    const key = `${type}:${id}#${relation}@${user}`;
    if (holds.has(key)) return false;
    holds.add(key);
    return true;
  };
  const storedTargets = (type: string, id: string, relation: string, targetType: string) =>
    stored
      .filter(
        (t) =>
          t.resourceType === type &&
          t.resource === id &&
          t.relation === relation &&
          t.targetType === targetType,
      )
      .map((t) => t.target);
  /** A stored relation's users: plain, plus every member of each target set (already closed). */
  const relationUsers = (type: string, id: string, relation: string, user: string) =>
    storedTargets(type, id, relation, 'user').includes(user) ||
    storedTargets(type, id, relation, 'group#member').some((g) => has('group', g, 'member', user));
  const fixpoint = (step: (user: string) => boolean) => {
    for (const user of USERS) while (step(user));
  };
  // Stratum 0: group membership (recursive), then the stored relations reading it.
  fixpoint((u) =>
    GROUPS.reduce(
      (changed, g) => (relationUsers('group', g, 'member', u) && add('group', g, 'member', u)) || changed,
      false,
    ),
  );
  for (const u of USERS) {
    for (const f of FOLDERS)
      for (const r of ['viewer', 'banned']) if (relationUsers('folder', f, r, u)) add('folder', f, r, u);
    for (const d of DOCS)
      for (const r of ['owner', 'editor', 'approver']) if (relationUsers('doc', d, r, u)) add('doc', d, r, u);
  }
  // Stratum 1: folder can_view, recursive through parents, minus the (lower-stratum) banned relation.
  fixpoint((u) =>
    FOLDERS.reduce((changed, f) => {
      const view =
        has('folder', f, 'viewer', u) ||
        storedTargets('folder', f, 'parent', 'folder').some((p) => has('folder', p, 'can_view', u));
      return (view && !has('folder', f, 'banned', u) && add('folder', f, 'can_view', u)) || changed;
    }, false),
  );
  // Stratum 2: the document permissions.
  for (const u of USERS) {
    for (const d of DOCS) {
      const parents = storedTargets('doc', d, 'parent', 'folder');
      const direct = has('doc', d, 'owner', u) || has('doc', d, 'editor', u);
      const view = direct || parents.some((p) => has('folder', p, 'can_view', u));
      if (view) add('doc', d, 'can_view', u);
      if (view && has('doc', d, 'approver', u)) add('doc', d, 'can_approve', u);
      const others = storedTargets('doc', d, 'other', 'folder');
      const viewsAll = (folders: string[]) => folders.some((p) => has('folder', p, 'can_view', u));
      if (viewsAll(parents) && viewsAll(others)) add('doc', d, 'both', u);
      if (direct && !parents.some((p) => has('folder', p, 'banned', u))) add('doc', d, 'can_edit', u);
    }
  }
  return holds;
}

const QUESTIONS: [string, string[], string[]][] = [
  ['group', GROUPS, ['member']],
  ['folder', FOLDERS, ['viewer', 'banned', 'can_view']],
  ['doc', DOCS, ['owner', 'editor', 'approver', 'can_view', 'can_approve', 'can_edit', 'both']],
];

describe('checkTuple agrees with a brute-force closure on random tuple sets', () => {
  it('200 seeded cases', () => {
    let allowedSeen = 0;
    let deniedSeen = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const stored = randomTuples(prng(seed));
      const expected = closure(stored);
      const source = memoryRelations(stored);
      const disagreements: string[] = [];
      for (const [type, resources, relationNames] of QUESTIONS) {
        for (const id of resources) {
          for (const relation of relationNames) {
            for (const user of USERS) {
              const key = `${type}:${id}#${relation}@${user}`;
              const tuple = { resourceType: type, resource: id, relation, targetType: 'user', target: user };
              const allowed = checkTuple(schema, source, tuple).allowed;
              if (allowed !== expected.has(key)) disagreements.push(`${key}: check says ${allowed}`);
              if (allowed) allowedSeen++;
              else deniedSeen++;
            }
          }
        }
      }
      expect(disagreements, `seed ${seed}`).toEqual([]);
    }
    // The generator must exercise both answers, or the comparison proves nothing.
    expect(allowedSeen).toBeGreaterThan(1000);
    expect(deniedSeen).toBeGreaterThan(1000);
  });
});
