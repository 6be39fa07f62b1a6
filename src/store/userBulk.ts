import type { Statement } from 'better-sqlite3';
import type { UserRecord } from '../domain/user.js';
import type { Db } from './db.js';
import { facetsOf, SEARCH_COLUMNS, searchColumnsOf } from './userIndex.js';
import { columnsOf, USER_COLUMNS } from './users.js';

/**
 * New users of one project written many at a time, for a large seed: the same rows `UserStore.insert` writes
 * for each user (the document, login IDs, roles, tenants, the search row and facets), but table by table, a
 * batch of users at a time, with positional parameters. A seed of 100,000 users runs ~1.2 million inserts:
 * touching six B-trees user by user keeps none of them in the CPU cache, and binding named parameters costs
 * a property look-up each.
 *
 * Uniqueness stays enforced by SQLite, but a duplicate user ID or login ID fails the whole statement without
 * naming the user: callers that must name it (the fixture seed) check first.
 */
export class UserBulkWriter {
  private readonly maxKey;
  private readonly users;
  private readonly loginIds;
  private readonly roles;
  private readonly tenants;
  private readonly search;
  private readonly facets;

  constructor(db: Db) {
    this.maxKey = db.prepare<[], number | null>('SELECT max(rowid) FROM users').pluck();
    const userColumns = Object.values(USER_COLUMNS).join(', ');
    this.users = new RowsInsert(
      db,
      `INSERT INTO users (rowid, project_id, user_id, ${userColumns})`,
      3 + USER_KEYS.length,
    );
    this.loginIds = new RowsInsert(db, 'INSERT INTO user_login_ids (project_id, login_id, user_id)', 3);
    this.roles = new RowsInsert(
      db,
      'INSERT OR IGNORE INTO user_roles (project_id, user_id, tenant_id, role_name)',
      4,
    );
    this.tenants = new RowsInsert(
      db,
      'INSERT OR IGNORE INTO user_tenants (project_id, tenant_id, user_id)',
      3,
    );
    const searchColumns = Object.values(SEARCH_COLUMNS).join(', ');
    this.search = new RowsInsert(
      db,
      `INSERT INTO user_search (user_key, project_id, user_id, ${searchColumns})`,
      3 + SEARCH_KEYS.length,
    );
    this.facets = new RowsInsert(
      db,
      'INSERT OR IGNORE INTO user_facets (project_id, kind, k1, k2, test, user_key)',
      6,
    );
  }

  /** Inserts the users in order; each gets the next row key, as one `UserStore.insert` after another would. */
  insert(projectId: string, users: readonly UserRecord[]): void {
    const first = (this.maxKey.get() ?? 0) + 1;
    // Parents before children: the index rows point at the users row, the facets at the search row.
    this.users.each(users, (user, i, row) => {
      const columns: Record<string, unknown> = { ...columnsOf(user), doc: JSON.stringify(user) };
      row(first + i, projectId, user.userId, ...USER_KEYS.map((name) => columns[name]));
    });
    this.loginIds.each(users, ({ userId, loginIds }, _, row) => {
      for (const loginId of loginIds) row(projectId, loginId, userId);
    });
    this.roles.each(users, ({ userId, roleNames, userTenants }, _, row) => {
      for (const roleName of roleNames) row(projectId, userId, '', roleName);
      for (const { tenantId, roleNames } of userTenants) {
        for (const roleName of roleNames) row(projectId, userId, tenantId, roleName);
      }
    });
    this.tenants.each(users, ({ userId, userTenants }, _, row) => {
      for (const { tenantId } of userTenants) row(projectId, tenantId, userId);
    });
    this.search.each(users, (user, i, row) => {
      const columns: Record<string, unknown> = searchColumnsOf(user);
      row(first + i, projectId, user.userId, ...SEARCH_KEYS.map((name) => columns[name]));
    });
    this.facets.each(users, (user, i, row) => {
      const test = user.test ? 1 : 0;
      for (const [kind, k1, k2] of facetsOf(user)) row(projectId, kind, k1, k2, test, first + i);
    });
  }
}

const USER_KEYS = Object.keys(USER_COLUMNS);
const SEARCH_KEYS = Object.keys(SEARCH_COLUMNS);

/**
 * One single-row `INSERT`, run over rows laid end to end. Single-row statements on purpose: a statement of
 * many rows makes SQLite open a statement journal and copy every page it touches into it, which costs more
 * than the per-statement work it saves.
 */
class RowsInsert {
  private readonly statement: Statement<unknown[]>;

  constructor(db: Db, head: string, width: number) {
    this.statement = db.prepare(`${head} VALUES (${Array.from({ length: width }, () => '?').join(', ')})`);
  }

  /** Runs `rowsOf` for each user, inserting every row it hands to `row`. */
  each(
    users: readonly UserRecord[],
    rowsOf: (user: UserRecord, i: number, row: (...values: unknown[]) => void) => void,
  ): void {
    const row = (...values: unknown[]) => {
      this.statement.run(...values);
    };
    users.forEach((user, i) => {
      rowsOf(user, i, row);
    });
  }
}
