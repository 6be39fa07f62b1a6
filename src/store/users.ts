import type { UserRecord } from '../domain/user.js';
import { ColumnUpdates } from './columnUpdates.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';
import { UserSearchIndex } from './userIndex.js';

interface UserRow {
  doc: string;
}

/** A users row with its rowid, the key of the user's search index rows. */
interface KeyedUserRow extends UserRow {
  userKey: number;
}

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

/** Cheap exact equality of two JSON-shaped values (index inputs: lists of strings, memberships). */
const sameJson = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Users of every project: the record as a JSON document, plus the rows that index it. */
export class UserStore {
  private readonly byLoginId;
  private readonly byUserId;
  private readonly ownerOfLoginId;
  private readonly holdingRole;
  private readonly inTenant;
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
      `SELECT u.doc FROM user_login_ids l JOIN users u ON u.project_id = l.project_id AND u.user_id = l.user_id
       WHERE l.project_id = :projectId AND l.login_id = :loginId`,
    );
    this.byUserId = db.prepare<{ projectId: string; userId: string }, KeyedUserRow>(
      'SELECT rowid AS userKey, doc FROM users WHERE project_id = :projectId AND user_id = :userId',
    );
    this.ownerOfLoginId = db
      .prepare<{ projectId: string; loginId: string }, string>(
        'SELECT user_id FROM user_login_ids WHERE project_id = :projectId AND login_id = :loginId',
      )
      .pluck();
    // For renames and deletes of roles and tenants: the users to rewrite, found through the side tables.
    this.holdingRole = db.prepare<{ projectId: string; roleName: string }, UserRow>(
      `SELECT doc FROM users WHERE project_id = :projectId AND user_id IN
       (SELECT user_id FROM user_roles WHERE project_id = :projectId AND role_name = :roleName)`,
    );
    this.inTenant = db.prepare<{ projectId: string; tenantId: string }, UserRow>(
      `SELECT doc FROM users WHERE project_id = :projectId AND user_id IN
       (SELECT user_id FROM user_tenants WHERE project_id = :projectId AND tenant_id = :tenantId)`,
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
  find(projectId: string, loginIdOrUserId: string): UserRecord | undefined {
    const row =
      this.byLoginId.get({ projectId, loginId: loginIdOrUserId }) ??
      this.byUserId.get({ projectId, userId: loginIdOrUserId });
    return row ? (JSON.parse(row.doc) as UserRecord) : undefined;
  }

  findByUserId(projectId: string, userId: string): UserRecord | undefined {
    const row = this.byUserId.get({ projectId, userId });
    return row ? (JSON.parse(row.doc) as UserRecord) : undefined;
  }

  /** Every user holding a role of that name, as a project role or in any tenant. */
  withRoleName(projectId: string, roleName: string): UserRecord[] {
    return this.holdingRole.all({ projectId, roleName }).map((row) => JSON.parse(row.doc) as UserRecord);
  }

  /** Every member of the tenant. */
  membersOf(projectId: string, tenantId: string): UserRecord[] {
    return this.inTenant.all({ projectId, tenantId }).map((row) => JSON.parse(row.doc) as UserRecord);
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
   * Writes a changed user: the columns of its row that changed, and only the index rows whose inputs changed
   * (a rename touches neither login IDs, roles nor tenants). The stored index rows are those computed from
   * the stored document, since every write keeps them so; that is what the comparison relies on.
   */
  update(projectId: string, user: UserRecord): void {
    const key = { projectId, userId: user.userId };
    const previous = this.byUserId.get(key);
    // Callers load the user in the same transaction first; a user that is not there has nothing to write.
    if (!previous) return;
    const before = JSON.parse(previous.doc) as UserRecord;
    const row = this.rowOf(projectId, user);
    const changed = this.updateColumns.changed({ ...columnsOf(before), doc: previous.doc }, row);
    this.updateColumns.run(changed, row);
    if (!sameJson(before.loginIds, user.loginIds)) {
      this.deleteLoginIds.run(key);
      this.writeLoginIds(projectId, user);
    }
    if (!sameJson(before.roleNames, user.roleNames) || !sameJson(before.userTenants, user.userTenants)) {
      this.deleteRoles.run(key);
      this.deleteTenants.run(key);
      this.writeRoles(projectId, user);
    }
    this.searchIndex.rewrite(projectId, previous.userKey, before, user);
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
