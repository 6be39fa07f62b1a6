import { describe, expect, it } from 'vitest';
import type { UserRecord } from '../../../src/domain/user.js';
import { ProjectFixtureSchema } from '../../../src/fixtures/schema.js';
import { seedProject } from '../../../src/fixtures/seed.js';
import { BULK_MIN_USERS } from '../../../src/store/bulk.js';
import { openStore, type Store } from '../../../src/store/index.js';
import type { StoredUser } from '../../../src/store/users.js';

/**
 * UserStore.update writes only the columns and index rows whose inputs changed. Whatever it skips, the rows
 * it leaves must be exactly those a fresh insert of the same user writes.
 */

const PROJECT = 'P2StoreTest00000000000000000';

function project(users: unknown[] = []) {
  return ProjectFixtureSchema.parse({
    projectId: PROJECT,
    managementKeys: ['K2StoreTest'],
    permissions: [{ name: 'Read' }],
    roles: [{ name: 'Viewer', permissionNames: ['Read'] }, { name: 'Editor' }],
    tenants: [
      { id: 'T2One', name: 'One' },
      { id: 'T2Two', name: 'Two' },
    ],
    customAttributes: [{ name: 'plan', type: 'text' }],
    users,
  });
}

function seeded(users: unknown[]): Store {
  const store = openStore(':memory:');
  seedProject(store, project(users), '', 1_764_000_000_000);
  return store;
}

/** Every index row of a user, without the rowid key, which differs between two stores. */
function indexRows(store: Store, userId: string) {
  const all = (sql: string) => store.db.prepare(sql).all({ projectId: PROJECT, userId });
  const key = 'SELECT rowid FROM users WHERE project_id = :projectId AND user_id = :userId';
  return {
    users: all(
      'SELECT status, test, email, phone, name, created_time, modified_time, doc FROM users WHERE project_id = :projectId AND user_id = :userId',
    ),
    loginIds: all(
      'SELECT login_id FROM user_login_ids WHERE project_id = :projectId AND user_id = :userId ORDER BY 1',
    ),
    roles: all(
      'SELECT tenant_id, role_name FROM user_roles WHERE project_id = :projectId AND user_id = :userId ORDER BY 1, 2',
    ),
    tenants: all(
      'SELECT tenant_id FROM user_tenants WHERE project_id = :projectId AND user_id = :userId ORDER BY 1',
    ),
    search: all(`SELECT * FROM user_search WHERE user_key = (${key})`).map((row) => ({
      ...(row as object),
      user_key: 0,
    })),
    facets: all(`SELECT kind, k1, k2, test FROM user_facets WHERE user_key = (${key}) ORDER BY 1, 2, 3`),
  };
}

const CHANGES: [string, (user: UserRecord) => UserRecord][] = [
  ['a rename', (user) => ({ ...user, name: 'Renamed Person', givenName: 'Renamed' })],
  ['nothing at all', (user) => ({ ...user })],
  ['a new login ID', (user) => ({ ...user, loginIds: [...user.loginIds, 'second@example.com'] })],
  ['project roles', (user) => ({ ...user, roleNames: ['Editor', 'Viewer'] })],
  ['tenant roles', (user) => ({ ...user, userTenants: [{ tenantId: 'T2Two', roleNames: ['Viewer'] }] })],
  ['the test flag and status', (user) => ({ ...user, test: true, status: 'disabled' })],
  [
    'a custom attribute and the email',
    (user) => ({ ...user, customAttributes: { plan: 'pro' }, email: 'new@example.com' }),
  ],
  [
    'every index at once',
    (user) => ({ ...user, loginIds: ['third@example.com'], roleNames: [], userTenants: [] }),
  ],
];

describe('UserStore.update', () => {
  const first = {
    loginId: 'first@example.com',
    email: 'first@example.com',
    name: 'First',
    roleNames: ['Viewer'],
  };
  const withTenant = { ...first, userTenants: [{ tenantId: 'T2One', roleNames: ['Editor'] }] };

  it('leaves, after each kind of change, the index rows a fresh insert of the result writes', () => {
    const store = seeded([withTenant, { loginId: 'other@example.com' }]);
    let stored = store.users.find(PROJECT, 'first@example.com') as StoredUser;
    for (const [, change] of CHANGES) {
      const next = { ...change(stored.user), modifiedTime: stored.user.modifiedTime + 1000 };
      const before = stored;
      stored = store.transaction(() => store.users.update(PROJECT, before, next));
      expect(store.users.find(PROJECT, next.loginIds[0] as string)).toEqual(stored);

      const fresh = seeded([{ loginId: 'other@example.com' }]);
      fresh.transaction(() => fresh.users.insert(PROJECT, next));
      expect(indexRows(store, next.userId)).toEqual(indexRows(fresh, next.userId));
      fresh.close();
    }
    // The other user's rows were never touched.
    expect(store.users.find(PROJECT, 'other@example.com')?.user.loginIds).toEqual(['other@example.com']);
    store.close();
  });

  it('frees a login ID the user gave up and refuses one another user holds', () => {
    const store = seeded([first, { loginId: 'other@example.com' }]);
    const stored = store.users.find(PROJECT, 'first@example.com') as StoredUser;
    const renamed = store.transaction(() =>
      store.users.update(PROJECT, stored, { ...stored.user, loginIds: ['renamed@example.com'] }),
    );
    expect(store.users.find(PROJECT, 'first@example.com')).toBeUndefined();
    expect(store.users.loginIdOwner(PROJECT, 'renamed@example.com')).toBe(stored.user.userId);
    const clash = { ...renamed.user, loginIds: ['other@example.com'], name: 'Never written' };
    expect(() => store.transaction(() => store.users.update(PROJECT, renamed, clash))).toThrow(
      /already in use/,
    );
    expect(store.users.find(PROJECT, 'renamed@example.com')?.user.name).toBe('First');
    store.close();
  });
});

describe('seeding many users', () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, i) => ({
      loginId: `user${i}@example.com`,
      roleNames: ['Viewer'],
      userTenants: [{ tenantId: i % 2 ? 'T2One' : 'T2Two', roleNames: ['Editor'] }],
    }));
  const indexSql = (store: Store) =>
    store.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();

  it('rebuilds every index it set aside, and the users are found through them', () => {
    const store = seeded(many(BULK_MIN_USERS));
    const small = seeded([]);
    expect(indexSql(store)).toEqual(indexSql(small));
    expect(store.users.find(PROJECT, `user${BULK_MIN_USERS - 1}@example.com`)).toBeDefined();
    expect(store.users.membersOf(PROJECT, 'T2One')).toHaveLength(BULK_MIN_USERS / 2);
    expect(store.users.withRoleName(PROJECT, 'Editor')).toHaveLength(BULK_MIN_USERS);
    store.close();
    small.close();
  });

  it('keeps login IDs unique while the indexes are set aside, and a failed seed leaves the schema whole', () => {
    const store = openStore(':memory:');
    const before = indexSql(store);
    const users = [...many(BULK_MIN_USERS), { loginId: 'USER7@example.com' }];
    expect(() => seedProject(store, project(users), '')).toThrow(/user7@example.com|USER7@example.com/);
    expect(indexSql(store)).toEqual(before);
    expect(store.projects.list()).toEqual([]);
    store.close();
  });
});
