import type { UserRecord } from '../domain/user.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';
import { UserSearchIndex } from './userIndex.js';

interface UserRow {
  doc: string;
}

/** Users of every project: the record as a JSON document, plus the rows that index it. */
export class UserStore {
  private readonly byLoginId;
  private readonly byUserId;
  private readonly ownerOfLoginId;
  private readonly holdingRole;
  private readonly inTenant;
  private readonly insertRow;
  private readonly updateRow;
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
    this.byUserId = db.prepare<{ projectId: string; userId: string }, UserRow>(
      'SELECT doc FROM users WHERE project_id = :projectId AND user_id = :userId',
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
    const columns = `status = :status, test = :test, email = :email, phone = :phone, name = :name,
       created_time = :createdTime, modified_time = :modifiedTime, doc = :doc`;
    this.insertRow = db.prepare(
      `INSERT INTO users (project_id, user_id, status, test, email, phone, name, created_time, modified_time, doc)
       VALUES (:projectId, :userId, :status, :test, :email, :phone, :name, :createdTime, :modifiedTime, :doc)`,
    );
    this.updateRow = db.prepare(
      `UPDATE users SET ${columns} WHERE project_id = :projectId AND user_id = :userId`,
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

  /** Descope's user selector: a login ID first, then a user ID (the order is inferred, descope-api.md 3.4). */
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
    mapConstraint(
      () => `User ID "${user.userId}" is already in use`,
      () => this.insertRow.run(this.rowOf(projectId, user)),
    );
    this.writeIndexes(projectId, user);
  }

  /** Writes a changed user: the document, then its index rows anew. */
  update(projectId: string, user: UserRecord): void {
    this.updateRow.run(this.rowOf(projectId, user));
    const key = { projectId, userId: user.userId };
    this.deleteLoginIds.run(key);
    this.deleteRoles.run(key);
    this.deleteTenants.run(key);
    this.writeIndexes(projectId, user);
  }

  /** Removes every test user of the project (and by cascade their index rows); returns how many. */
  deleteTestUsers(projectId: string): number {
    return this.deleteTestRows.run({ projectId }).changes;
  }

  /** Removes a user and (by cascade) its index rows; false when there was none. */
  delete(projectId: string, userId: string): boolean {
    return this.deleteRow.run({ projectId, userId }).changes > 0;
  }

  private writeIndexes(projectId: string, user: UserRecord): void {
    const userId = user.userId;
    for (const loginId of user.loginIds) {
      mapConstraint(
        () => `Login ID "${loginId}" is already in use`,
        () => this.insertLoginId.run({ projectId, loginId, userId }),
      );
    }
    for (const roleName of user.roleNames) this.insertRole.run({ projectId, userId, tenantId: '', roleName });
    for (const { tenantId, roleNames } of user.userTenants) {
      this.insertTenant.run({ projectId, tenantId, userId });
      for (const roleName of roleNames) this.insertRole.run({ projectId, userId, tenantId, roleName });
    }
    // What user search reads (src/store/userIndex.ts): rewritten whole on every write of the user.
    this.searchIndex.write(projectId, user);
  }

  private rowOf(projectId: string, user: UserRecord) {
    return {
      projectId,
      userId: user.userId,
      status: user.status,
      test: user.test ? 1 : 0,
      email: user.email,
      phone: user.phone,
      name: user.name,
      createdTime: user.createdTime,
      modifiedTime: user.modifiedTime,
      doc: JSON.stringify(user),
    };
  }
}
