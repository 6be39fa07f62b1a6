import type { UserRecord } from '../domain/user.js';
import type { Db } from './db.js';
import { facetsOf, SEARCH_COLUMNS, searchColumnsOf } from './userIndex.js';
import { columnsOf, USER_COLUMNS } from './users.js';

/**
 * New users of one project written many at a time, for a large seed: the same rows `UserStore.insert` writes
 * for each user (the document, login IDs, roles, tenants, the search row and facets), but table by table, a
 * batch of users at a time, with positional parameters. A seed of 100,000 users runs ~1.2 million inserts:
 * touching six B-trees user by user keeps none of them in the CPU cache, and binding named parameters costs
 * a property look-up each. One row a statement on purpose: a statement of many rows makes SQLite keep a
 * statement journal, a copy of every page it touches, which costs more than the statements it saves.
 *
 * Uniqueness stays enforced by SQLite, but a duplicate user ID or login ID fails the whole statement without
 * naming the user: callers that must name it (the fixture seed) check first.
 */
export class UserBulkWriter {
  private readonly maxKey;
  private readonly insertUser;
  private readonly insertLoginId;
  private readonly insertRole;
  private readonly insertTenant;
  private readonly insertSearchRow;
  private readonly insertFacet;

  constructor(db: Db) {
    this.maxKey = db.prepare<[], number | null>('SELECT max(rowid) FROM users').pluck();
    const values = (count: number) => `VALUES (${Array.from({ length: count }, () => '?').join(', ')})`;
    this.insertUser = db.prepare<unknown[]>(
      `INSERT INTO users (rowid, project_id, user_id, ${Object.values(USER_COLUMNS).join(', ')})
       ${values(3 + USER_KEYS.length)}`,
    );
    this.insertLoginId = db.prepare<[string, string, string]>(
      `INSERT INTO user_login_ids (project_id, login_id, user_id) ${values(3)}`,
    );
    this.insertRole = db.prepare<[string, string, string, string]>(
      `INSERT OR IGNORE INTO user_roles (project_id, user_id, tenant_id, role_name) ${values(4)}`,
    );
    this.insertTenant = db.prepare<[string, string, string]>(
      `INSERT OR IGNORE INTO user_tenants (project_id, tenant_id, user_id) ${values(3)}`,
    );
    this.insertSearchRow = db.prepare<unknown[]>(
      `INSERT INTO user_search (user_key, project_id, user_id, ${Object.values(SEARCH_COLUMNS).join(', ')})
       ${values(3 + SEARCH_KEYS.length)}`,
    );
    this.insertFacet = db.prepare<[string, string, string, string, number, number]>(
      `INSERT OR IGNORE INTO user_facets (project_id, kind, k1, k2, test, user_key) ${values(6)}`,
    );
  }

  /** Inserts the users in order; each gets the next row key, as one `UserStore.insert` after another would. */
  insert(projectId: string, users: readonly UserRecord[]): void {
    const first = (this.maxKey.get() ?? 0) + 1;
    // Table after table, parents first: the index rows point at the users row, the facets at the search row.
    users.forEach((user, i) => {
      const columns: Record<string, unknown> = { ...columnsOf(user), doc: JSON.stringify(user) };
      this.insertUser.run(first + i, projectId, user.userId, ...USER_KEYS.map((name) => columns[name]));
    });
    for (const { userId, loginIds } of users) {
      for (const loginId of loginIds) this.insertLoginId.run(projectId, loginId, userId);
    }
    for (const { userId, roleNames, userTenants } of users) {
      for (const roleName of roleNames) this.insertRole.run(projectId, userId, '', roleName);
      for (const { tenantId, roleNames } of userTenants) {
        for (const roleName of roleNames) this.insertRole.run(projectId, userId, tenantId, roleName);
      }
    }
    for (const { userId, userTenants } of users) {
      for (const { tenantId } of userTenants) this.insertTenant.run(projectId, tenantId, userId);
    }
    users.forEach((user, i) => {
      const columns: Record<string, unknown> = searchColumnsOf(user);
      this.insertSearchRow.run(
        first + i,
        projectId,
        user.userId,
        ...SEARCH_KEYS.map((name) => columns[name]),
      );
    });
    users.forEach((user, i) => {
      const test = user.test ? 1 : 0;
      for (const [kind, k1, k2] of facetsOf(user))
        this.insertFacet.run(projectId, kind, k1, k2, test, first + i);
    });
  }
}

const USER_KEYS = Object.keys(USER_COLUMNS);
const SEARCH_KEYS = Object.keys(SEARCH_COLUMNS);
