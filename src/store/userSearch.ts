import type { Statement } from 'better-sqlite3';
import type { UserRecord } from '../domain/user.js';
import type { UserSearchFilter } from '../domain/userSearch.js';
import type { Db } from './db.js';
import { buildSearchQuery, type ResolvedScope } from './userSearchQuery.js';

/**
 * User search (descope-api.md 4.6) over `user_search` and `user_facets`, which UserStore keeps in step with
 * every user (src/store/userIndex.ts); the SQL is built in src/store/userSearchQuery.ts. Each distinct shape
 * of query is prepared once and kept, so a repeated search costs no compilation.
 */
export class UserSearchStore {
  private readonly statements = new Map<string, Statement>();
  private readonly subTenants;
  private readonly roleNamesOfIds;
  private readonly docByKey;

  constructor(private readonly db: Db) {
    this.subTenants = db
      .prepare<{ projectId: string; tenantIds: string }, string>(
        `WITH RECURSIVE tree(id) AS (
           SELECT value FROM json_each(:tenantIds)
           UNION SELECT t.tenant_id FROM tree CROSS JOIN tenants t ON t.project_id = :projectId AND t.parent = tree.id)
         SELECT id FROM tree`,
      )
      .pluck();
    this.roleNamesOfIds = db
      .prepare<{ projectId: string; roleIds: string }, string>(
        `SELECT DISTINCT name FROM roles
         WHERE project_id = :projectId AND role_id IN (SELECT value FROM json_each(:roleIds))`,
      )
      .pluck();
    // A user key is the users row's rowid.
    this.docByKey = db.prepare<[number], string>('SELECT doc FROM users WHERE rowid = ?').pluck();
  }

  /** One page of the users matching `filter`, and how many match in all. */
  search(projectId: string, filter: UserSearchFilter): { users: UserRecord[]; total: number } {
    const query = buildSearchQuery(filter, this.resolve(projectId, filter), projectId);
    // The page is chosen on keys, then only its documents are read: sorting never carries documents.
    const keys = this.statement(query.page).all({
      ...query.params,
      limit: filter.limit,
      offset: filter.offset,
    }) as number[];
    // A page short of the limit ends at the last match, so it tells the total without counting; an empty
    // page past the first does not say where the matches end.
    const total =
      keys.length < filter.limit && (keys.length > 0 || filter.offset === 0)
        ? filter.offset + keys.length
        : (this.statement(query.count).get(query.params) as number);
    const users = keys.map((key) => JSON.parse(this.docByKey.get(key) as string) as UserRecord);
    return { users, total };
  }

  /** Tenant filters with their descendants (includeSubTenants), and tenantRoleIds as role names. */
  private resolve(projectId: string, filter: UserSearchFilter): ResolvedScope {
    const scopeOf = (tenantIds: string[]) =>
      filter.includeSubTenants
        ? this.subTenants.all({ projectId, tenantIds: JSON.stringify(tenantIds) })
        : tenantIds;
    return {
      tenantIds: filter.tenantIds.length > 0 ? scopeOf(filter.tenantIds) : [],
      tenantRoles: filter.tenantRoles.map((condition) => {
        const roles = condition.byId
          ? this.roleNamesOfIds.all({ projectId, roleIds: JSON.stringify(condition.roles) })
          : condition.roles;
        // Vendor behaviour (inferred): an unknown role ID is held by nobody, so with `and` nobody matches;
        // otherwise it drops out.
        const impossible =
          condition.roles.length > 0 &&
          (roles.length === 0 || (condition.all && roles.length < condition.roles.length));
        return { tenantIds: scopeOf(condition.tenantIds), roles, all: condition.all, impossible };
      }),
    };
  }

  /** The statement of one query shape, plucking (each query here selects one column: a key or a count). */
  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      // The shapes are few (one per combination of filters present); the bound keeps a pathological client
      // from growing the cache without end.
      if (this.statements.size >= 500) this.statements.clear();
      statement = this.db.prepare(sql).pluck();
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
