import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProjectFixtureSchema } from '../../../src/fixtures/schema.js';
import { seedProject } from '../../../src/fixtures/seed.js';
import { openDb } from '../../../src/store/db.js';
import { Store } from '../../../src/store/index.js';
import type { StoredUser } from '../../../src/store/users.js';

/**
 * What one user write costs the store: a rename reads the user once, parses it once, writes its row and its
 * search row, and serialises the document once. The index rows of its login IDs, roles, tenants and facets
 * are left alone, because `update` sees the lists the change kept as the very arrays it read.
 */

const PROJECT = 'P2StoreTest00000000000000000';

/** A store whose every statement execution is recorded (its SQL, whitespace folded). */
function countingStore(): { store: Store; executed: string[] } {
  const db = openDb(':memory:');
  const executed: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      Object.assign(statement, {
        [method]: (...args: unknown[]) => {
          executed.push(sql.replace(/\s+/g, ' ').trim());
          return original(...args);
        },
      });
    }
    return statement;
  }) as typeof db.prepare;
  const store = new Store(db);
  seedProject(
    store,
    ProjectFixtureSchema.parse({
      projectId: PROJECT,
      managementKeys: ['K2StoreTest'],
      roles: [{ name: 'Editor' }, { name: 'Viewer' }],
      tenants: [{ id: 'T2One', name: 'One' }],
      customAttributes: [{ name: 'plan', type: 'text' }],
      users: [
        {
          loginId: 'first@example.com',
          additionalLoginIds: ['first-alias'],
          email: 'first@example.com',
          name: 'First',
          roleNames: ['Viewer'],
          userTenants: [{ tenantId: 'T2One', roleNames: ['Editor'] }],
          customAttributes: { plan: 'pro' },
        },
      ],
    }),
    '',
    1_764_000_000_000,
  );
  executed.length = 0;
  return { store, executed };
}

/** The table a statement writes, or `read`. */
const writeTarget = (sql: string): string =>
  /^(?:UPDATE|INSERT(?: OR IGNORE)? INTO|DELETE FROM) (\w+)/.exec(sql)?.[1] ?? 'read';

afterEach(() => vi.restoreAllMocks());

describe('UserStore.update, what a rename costs', () => {
  it('reads once, parses once, serialises once, and rewrites no login ID, role, tenant or facet row', () => {
    const { store, executed } = countingStore();
    const stringify = vi.spyOn(JSON, 'stringify');
    const parse = vi.spyOn(JSON, 'parse');
    store.transaction(() => {
      const stored = store.users.find(PROJECT, 'first@example.com') as StoredUser;
      store.users.update(PROJECT, stored, {
        ...stored.user,
        name: 'Renamed',
        modifiedTime: stored.user.modifiedTime + 1,
      });
    });
    const counts = { stringify: stringify.mock.calls.length, parse: parse.mock.calls.length };
    vi.restoreAllMocks();

    expect(executed.map(writeTarget)).toEqual(['read', 'users', 'user_search']);
    expect(executed[0]).toMatch(/^SELECT .* FROM user_login_ids l JOIN users u/);
    expect(counts).toEqual({ stringify: 1, parse: 1 });
    expect(store.users.find(PROJECT, 'first-alias')?.user.name).toBe('Renamed');
    store.close();
  });

  it('compares lists item by item: an equal copy rewrites nothing, a changed list its own rows', () => {
    const { store, executed } = countingStore();
    store.transaction(() => {
      const stored = store.users.find(PROJECT, 'first@example.com') as StoredUser;
      // An equal copy of every list: compared item by item, nothing to rewrite.
      const copy = {
        ...stored.user,
        loginIds: [...stored.user.loginIds],
        roleNames: [...stored.user.roleNames],
        userTenants: stored.user.userTenants.map((m) => ({ ...m, roleNames: [...m.roleNames] })),
        customAttributes: { ...stored.user.customAttributes },
      };
      const same = store.users.update(PROJECT, stored, copy);
      expect(executed.map(writeTarget)).toEqual(['read']);
      // A real change of the roles: the role and tenant rows and the facets are rewritten, login IDs are not.
      store.users.update(PROJECT, same, { ...copy, roleNames: ['Editor'] });
    });
    const written = new Set(executed.map(writeTarget));
    expect(written).toEqual(new Set(['read', 'users', 'user_roles', 'user_tenants', 'user_facets']));
    expect(store.users.withRoleName(PROJECT, 'Viewer')).toEqual([]);
    store.close();
  });
});
