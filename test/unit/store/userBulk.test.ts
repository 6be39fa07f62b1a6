import { afterAll, describe, expect, it } from 'vitest';
import { blankUser, type UserRecord } from '../../../src/domain/user.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { UserBulkWriter } from '../../../src/store/userBulk.js';

/**
 * The bulk writer of large seeds must leave the database exactly as `UserStore.insert` does, user after user:
 * the same users rows (keys included), login IDs, roles, tenants, search rows and facets.
 */
const PROJECT = 'P2BulkTest000000000000000000';
const NOW = 1_764_000_000_000;
const stores: Store[] = [];
afterAll(() => {
  for (const store of stores) store.close();
});

function user(loginId: string, fields: Partial<UserRecord>): UserRecord {
  return { ...blankUser(loginId, NOW), ...fields };
}

const USERS: UserRecord[] = [
  user('full@example.com', {
    loginIds: ['full@example.com', '+15555550101'],
    email: 'full@example.com',
    verifiedEmail: true,
    phone: '+15555550101',
    name: 'Full User',
    givenName: 'Full',
    familyName: 'User',
    status: 'enabled',
    roleNames: ['Viewer', 'Editor'],
    userTenants: [
      { tenantId: 'T2One', roleNames: ['Editor', 'Approver'] },
      { tenantId: 'T2Two', roleNames: [] },
    ],
    customAttributes: { plan: 'pro', score: 3, tags: ['a', 'b'], active: true },
    ssoAppIds: ['descope-default-oidc'],
    SAML: true,
    TOTP: true,
    password: true,
    recoveryEmail: 'recover@example.com',
  }),
  user('test-user', { test: true, status: 'disabled', roleNames: ['Viewer'] }),
  user('plain@example.com', {}),
  user('member@example.com', { userTenants: [{ tenantId: 'T2One', roleNames: ['Viewer'] }] }),
];

/** A store with the project and one user already in it, so new keys do not start at 1. */
function storeWithOneUser(): Store {
  const store = openStore(':memory:');
  stores.push(store);
  store.transaction(() => {
    store.projects.create(PROJECT, '', ['K2Bulk'], NOW);
    store.users.insert(PROJECT, user('first@example.com', { userId: 'U2First', roleNames: ['Viewer'] }));
  });
  return store;
}

function tables(store: Store) {
  const all = (sql: string) => store.db.prepare(sql).all();
  return {
    users: all('SELECT rowid, * FROM users ORDER BY rowid'),
    loginIds: all('SELECT * FROM user_login_ids ORDER BY project_id, login_id'),
    roles: all('SELECT * FROM user_roles ORDER BY project_id, user_id, tenant_id, role_name'),
    tenants: all('SELECT * FROM user_tenants ORDER BY project_id, tenant_id, user_id'),
    search: all('SELECT * FROM user_search ORDER BY user_key'),
    facets: all('SELECT * FROM user_facets ORDER BY user_key, kind, k1, k2'),
  };
}

describe('UserBulkWriter', () => {
  it('writes the rows UserStore.insert writes for the same users in the same order', () => {
    const oneByOne = storeWithOneUser();
    oneByOne.transaction(() => {
      for (const each of USERS) oneByOne.users.insert(PROJECT, each);
    });
    const bulk = storeWithOneUser();
    bulk.transaction(() => new UserBulkWriter(bulk.db).insert(PROJECT, USERS));

    const expected = tables(oneByOne);
    expect(expected.users).toHaveLength(USERS.length + 1);
    expect(expected.facets.length).toBeGreaterThan(20);
    expect(tables(bulk)).toEqual(expected);
    expect(bulk.users.find(PROJECT, '+15555550101')?.user).toEqual(USERS[0]);
  });

  it('still refuses a login ID already in use (SQLite enforces it, without naming the user)', () => {
    const store = storeWithOneUser();
    const clash = user('FIRST@example.com', {});
    expect(() => store.transaction(() => new UserBulkWriter(store.db).insert(PROJECT, [clash]))).toThrow(
      /UNIQUE constraint failed: user_login_ids/,
    );
    expect(tables(store).users).toHaveLength(1);
  });
});
