import type { UserRecord } from '../domain/user.js';
import { ColumnUpdates } from './columnUpdates.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';
import { sameMemberships, sameStrings } from './sameValues.js';
import { UserSearchIndex } from './userIndex.js';

/** A users row with its rowid, the key of the user's search index rows. */
interface UserRow {
  userKey: number;
  doc: string;
}

/**
 * A user as read from the store: the record, the rowid of its users row (the key of its search index rows)
 * and the JSON text it was read from. `update` takes it as the state to change from, so a write needs no
 * second read, and the index inputs that the change kept (the same arrays) are seen unchanged without
 * comparing their contents. The record is the store's reading: change it by copy (`{ ...user, name }`),
 * never in place, or `update` would see nothing to rewrite.
 */
export interface StoredUser {
  readonly user: UserRecord;
  readonly key: number;
  readonly doc: string;
}

const stored = (row: UserRow): StoredUser => ({
  user: JSON.parse(row.doc) as UserRecord,
  key: row.userKey,
  doc: row.doc,
});

/** The columns of a users row besides its key, by parameter name. */
export const USER_COLUMNS = {
  status: 'status',
  test: 'test',
  email: 'email',
  phone: 'phone',
  name: 'name',
  createdTime: 'created_time',
  modifiedTime: 'modified_time',
  doc: 'doc',
} as const;

/** Users of every project: the record as a JSON document, plus the rows that index it. */
export class UserStore {
  private readonly byLoginId;
  private readonly byUserId;
  private readonly ownerOfLoginId;
  private readonly holdingRole;
  private readonly inTenant;
  private readonly holdingAttribute;
  private readonly holdingSsoApp;
  private readonly insertRow;
  private readonly updateColumns;
  private readonly deleteRow;
  private readonly deleteTestRows;
  private readonly insertLoginId;
  private readonly deleteLoginIds;
  private readonly insertRole;
  private readonly deleteRoles;
  private readonly insertTenant;
  private readonly deleteTenants;
  private readonly searchIndex;

  constructor(db: Db) {
    this.byLoginId = db.prepare<{ projectId: string; loginId: string }, UserRow>(
      `SELECT u.rowid AS userKey, u.doc FROM user_login_ids l JOIN users u ON u.project_id = l.project_id AND u.user_id = l.user_id
       WHERE l.project_id = :projectId AND l.login_id = :loginId`,
    );
    this.byUserId = db.prepare<{ projectId: string; userId: string }, UserRow>(
      'SELECT rowid AS userKey, doc FROM users WHERE project_id = :projectId AND user_id = :userId',
    );
    this.ownerOfLoginId = db
      .prepare<{ projectId: string; loginId: string }, string>(
        'SELECT user_id FROM user_login_ids WHERE project_id = :projectId AND login_id = :loginId',
      )
      .pluck();
    // For renames and deletes of roles and tenants: the users to rewrite, found through the side tables.
    this.holdingRole = db.prepare<{ projectId: string; roleName: string }, UserRow>(
      `SELECT rowid AS userKey, doc FROM users WHERE project_id = :projectId AND user_id IN
       (SELECT user_id FROM user_roles WHERE project_id = :projectId AND role_name = :roleName)`,
    );
    this.inTenant = db.prepare<{ projectId: string; tenantId: string }, UserRow>(
      `SELECT rowid AS userKey, doc FROM users WHERE project_id = :projectId AND user_id IN
       (SELECT user_id FROM user_tenants WHERE project_id = :projectId AND tenant_id = :tenantId)`,
    );
    // For deletes of custom attribute definitions: read from the documents (a rare, whole-project scan).
    this.holdingAttribute = db.prepare<{ projectId: string; name: string }, UserRow>(
      `SELECT rowid AS userKey, doc FROM users WHERE project_id = :projectId AND EXISTS
       (SELECT 1 FROM json_each(users.doc, '$.customAttributes') WHERE key = :name)`,
    );
    // For deletes of SSO applications: through the search facets (kind 's'), kept with every write.
    this.holdingSsoApp = db.prepare<{ projectId: string; appId: string }, UserRow>(
      `SELECT rowid AS userKey, doc FROM users WHERE rowid IN
       (SELECT user_key FROM user_facets WHERE project_id = :projectId AND kind = 's' AND k1 = :appId)`,
    );
    const columns = Object.values(USER_COLUMNS).join(', ');
    const values = Object.keys(USER_COLUMNS)
      .map((key) => `:${key}`)
      .join(', ');
    this.insertRow = db.prepare(
      `INSERT INTO users (project_id, user_id, ${columns}) VALUES (:projectId, :userId, ${values})`,
    );
    this.updateColumns = new ColumnUpdates(
      db,
      'users',
      USER_COLUMNS,
      'project_id = :projectId AND user_id = :userId',
    );
    this.deleteRow = db.prepare('DELETE FROM users WHERE project_id = :projectId AND user_id = :userId');
    this.deleteTestRows = db.prepare('DELETE FROM users WHERE project_id = :projectId AND test = 1');
    this.insertLoginId = db.prepare(
      'INSERT INTO user_login_ids (project_id, login_id, user_id) VALUES (:projectId, :loginId, :userId)',
    );
    this.deleteLoginIds = db.prepare(
      'DELETE FROM user_login_ids WHERE project_id = :projectId AND user_id = :userId',
    );
    this.insertRole = db.prepare(
      `INSERT OR IGNORE INTO user_roles (project_id, user_id, tenant_id, role_name)
       VALUES (:projectId, :userId, :tenantId, :roleName)`,
    );
    this.deleteRoles = db.prepare(
      'DELETE FROM user_roles WHERE project_id = :projectId AND user_id = :userId',
    );
    this.insertTenant = db.prepare(
      'INSERT OR IGNORE INTO user_tenants (project_id, tenant_id, user_id) VALUES (:projectId, :tenantId, :userId)',
    );
    this.deleteTenants = db.prepare(
      'DELETE FROM user_tenants WHERE project_id = :projectId AND user_id = :userId',
    );
    this.searchIndex = new UserSearchIndex(db);
  }

  /**
   * Descope's user selector, a login ID or a user ID (descope-api.md 3.4).
   * Vendor behaviour (inferred): the login ID is tried first, then the user ID.
   */
  find(projectId: string, loginIdOrUserId: string): StoredUser | undefined {
    const row =
      this.byLoginId.get({ projectId, loginId: loginIdOrUserId }) ??
      this.byUserId.get({ projectId, userId: loginIdOrUserId });
    return row ? stored(row) : undefined;
  }

  findByUserId(projectId: string, userId: string): StoredUser | undefined {
    const row = this.byUserId.get({ projectId, userId });
    return row ? stored(row) : undefined;
  }

  /** Every user holding a role of that name, as a project role or in any tenant. */
  withRoleName(projectId: string, roleName: string): StoredUser[] {
    return this.holdingRole.all({ projectId, roleName }).map(stored);
  }

  /** Every member of the tenant. */
  membersOf(projectId: string, tenantId: string): StoredUser[] {
    return this.inTenant.all({ projectId, tenantId }).map(stored);
  }

  /** Every user of the project holding a value for the custom attribute. */
  withAttribute(projectId: string, name: string): StoredUser[] {
    return this.holdingAttribute.all({ projectId, name }).map(stored);
  }

  /** Every user of the project whose `ssoAppIds` name the app. */
  withSsoApp(projectId: string, appId: string): StoredUser[] {
    return this.holdingSsoApp.all({ projectId, appId }).map(stored);
  }

  loginIdOwner(projectId: string, loginId: string): string | undefined {
    return this.ownerOfLoginId.get({ projectId, loginId });
  }

  insert(projectId: string, user: UserRecord): void {
    const { lastInsertRowid } = mapConstraint(
      () => `User ID "${user.userId}" is already in use`,
      () => this.insertRow.run(this.rowOf(projectId, user)),
    );
    this.writeLoginIds(projectId, user);
    this.writeRoles(projectId, user);
    // What user search reads (src/store/userIndex.ts), keyed by the new row's rowid.
    this.searchIndex.insert(projectId, Number(lastInsertRowid), user);
  }

  /**
   * Writes the change of a stored user (`before`, as `find` read it in this transaction) to `after`: the
   * columns of its row that changed, and only the index rows whose inputs changed (a rename touches neither
   * login IDs, roles, tenants nor facets). The stored index rows are those computed from the stored
   * document, since every write keeps them so; that is what the comparison relies on. Answers the new
   * stored state, for a caller that changes the same user again.
   */
  update(projectId: string, before: StoredUser, after: UserRecord): StoredUser {
    const key = { projectId, userId: after.userId };
    const previous = before.user;
    const row = this.rowOf(projectId, after);
    const changed = this.updateColumns.changed({ ...columnsOf(previous), doc: before.doc }, row);
    this.updateColumns.run(changed, row);
    if (!sameStrings(previous.loginIds, after.loginIds)) {
      this.deleteLoginIds.run(key);
      this.writeLoginIds(projectId, after);
    }
    if (
      !sameStrings(previous.roleNames, after.roleNames) ||
      !sameMemberships(previous.userTenants, after.userTenants)
    ) {
      this.deleteRoles.run(key);
      this.deleteTenants.run(key);
      this.writeRoles(projectId, after);
    }
    this.searchIndex.rewrite(projectId, before.key, previous, after);
    return { user: after, key: before.key, doc: row.doc };
  }

  /** Removes every test user of the project (and by cascade their index rows); returns how many. */
  deleteTestUsers(projectId: string): number {
    return this.deleteTestRows.run({ projectId }).changes;
  }

  /** Removes a user and (by cascade) its index rows; false when there was none. */
  delete(projectId: string, userId: string): boolean {
    return this.deleteRow.run({ projectId, userId }).changes > 0;
  }

  private writeLoginIds(projectId: string, user: UserRecord): void {
    const userId = user.userId;
    for (const loginId of user.loginIds) {
      mapConstraint(
        () => `Login ID "${loginId}" is already in use`,
        () => this.insertLoginId.run({ projectId, loginId, userId }),
      );
    }
  }

  private writeRoles(projectId: string, user: UserRecord): void {
    const userId = user.userId;
    for (const roleName of user.roleNames) this.insertRole.run({ projectId, userId, tenantId: '', roleName });
    for (const { tenantId, roleNames } of user.userTenants) {
      this.insertTenant.run({ projectId, tenantId, userId });
      for (const roleName of roleNames) this.insertRole.run({ projectId, userId, tenantId, roleName });
    }
  }

  private rowOf(projectId: string, user: UserRecord) {
    return { projectId, userId: user.userId, ...columnsOf(user), doc: JSON.stringify(user) };
  }
}

/** The users row's columns that copy fields of the document. */
export function columnsOf(user: UserRecord) {
  return {
    status: user.status,
    test: user.test ? 1 : 0,
    email: user.email,
    phone: user.phone,
    name: user.name,
    createdTime: user.createdTime,
    modifiedTime: user.modifiedTime,
  };
}
