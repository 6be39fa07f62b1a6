import { afterAll, describe, expect, it } from 'vitest';
import { ProjectFixtureSchema } from '../../../src/fixtures/schema.js';
import { seedProject } from '../../../src/fixtures/seed.js';
import { openStore } from '../../../src/store/index.js';
import { MIGRATIONS } from '../../../src/store/migrations.js';

/**
 * The migration that added 'er' facets (a role in force in a tenant) and the text index: on a database
 * written before it, it must leave exactly the rows the write path (src/store/userIndex.ts) writes now.
 */

const PROJECT = 'P2MigrationTest0000000000000';
const store = openStore(':memory:');
afterAll(() => store.close());

seedProject(
  store,
  ProjectFixtureSchema.parse({
    projectId: PROJECT,
    managementKeys: ['K2MigrationTest'],
    roles: [{ name: 'Editor' }, { name: 'Viewer' }],
    tenants: [
      { id: 'T2One', name: 'One' },
      { id: 'T2Two', name: 'Two' },
    ],
    users: [
      { loginId: 'project-role@example.com', roleNames: ['Editor'], userTenants: [{ tenantId: 'T2One' }] },
      {
        loginId: 'both@example.com',
        roleNames: ['Editor', 'Viewer'],
        userTenants: [
          { tenantId: 'T2One', roleNames: ['Editor'] },
          { tenantId: 'T2Two', roleNames: ['Viewer'] },
        ],
      },
      {
        loginId: 'tenant-role@example.com',
        test: true,
        userTenants: [{ tenantId: 'T2Two', roleNames: ['Editor'] }],
      },
      { loginId: 'no-tenant@example.com', roleNames: ['Viewer'] },
    ],
  }),
  '',
  1_764_000_000_000,
);

const erRows = () =>
  store.db
    .prepare(
      `SELECT u.doc ->> '$.loginIds[0]' AS loginId, f.k1 AS tenantId, f.k2 AS role, f.test
       FROM user_facets f JOIN users u ON u.rowid = f.user_key WHERE f.kind = 'er' ORDER BY 1, 2, 3`,
    )
    .all();

describe('the migration adding er facets and the text index', () => {
  it('writes for existing users the er rows the write path writes', () => {
    const written = erRows();
    expect(written).toEqual([
      { loginId: 'both@example.com', tenantId: 'T2One', role: 'Editor', test: 0 },
      { loginId: 'both@example.com', tenantId: 'T2One', role: 'Viewer', test: 0 },
      { loginId: 'both@example.com', tenantId: 'T2Two', role: 'Editor', test: 0 },
      { loginId: 'both@example.com', tenantId: 'T2Two', role: 'Viewer', test: 0 },
      { loginId: 'project-role@example.com', tenantId: 'T2One', role: 'Editor', test: 0 },
      { loginId: 'tenant-role@example.com', tenantId: 'T2Two', role: 'Editor', test: 1 },
    ]);

    // The state of a database written before the migration, then the migration itself.
    const migration = MIGRATIONS.findIndex((sql) => sql.includes('CREATE INDEX user_search_text'));
    expect(migration).toBeGreaterThan(0);
    store.db.exec(`DELETE FROM user_facets WHERE kind = 'er'; DROP INDEX user_search_text;`);
    expect(erRows()).toEqual([]);
    store.db.exec(MIGRATIONS[migration] as string);

    expect(erRows()).toEqual(written);
    const index = store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'user_search_text'").pluck();
    expect(index.get()).toBe('user_search_text');
  });
});
