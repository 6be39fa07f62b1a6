import type { PermissionRecord, RoleRecord } from '../domain/role.js';
import type { CatalogGeneration } from './catalog.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';

interface RoleRow {
  role_id: string;
  tenant_id: string;
  name: string;
  description: string;
  permission_names: string;
  is_default: number;
  is_private: number;
  created_time: number;
}

interface PermissionRow {
  permission_id: string;
  name: string;
  description: string;
  system_default: number;
}

type Key = { projectId: string };

/** Roles (project-level and tenant-scoped) and permissions. Every write bumps the catalog's generation. */
export class RoleStore {
  private readonly insertRole;
  private readonly updateRole;
  private readonly deleteRole;
  private readonly allRoles;
  private readonly roleById;
  private readonly roleByName;
  private readonly deleteTenantRoles;
  private readonly insertPermission;
  private readonly updatePermission;
  private readonly deletePermission;
  private readonly allPermissions;
  private readonly permissionById;
  private readonly permissionByName;

  constructor(
    db: Db,
    private readonly generation: CatalogGeneration,
  ) {
    const roleColumns = `role_id, tenant_id, name, description, permission_names, is_default, is_private, created_time`;
    this.insertRole = db.prepare(
      `INSERT INTO roles (project_id, ${roleColumns})
       VALUES (:projectId, :id, :tenantId, :name, :description, :permissionNames, :isDefault, :isPrivate, :createdTime)`,
    );
    this.updateRole = db.prepare(
      `UPDATE roles SET name = :name, description = :description, permission_names = :permissionNames,
       is_default = :isDefault, is_private = :isPrivate WHERE project_id = :projectId AND role_id = :id`,
    );
    this.deleteRole = db.prepare('DELETE FROM roles WHERE project_id = :projectId AND role_id = :id');
    this.allRoles = db.prepare<Key, RoleRow>(
      `SELECT ${roleColumns} FROM roles WHERE project_id = :projectId ORDER BY created_time, rowid`,
    );
    this.roleById = db.prepare<Key & { id: string }, RoleRow>(
      `SELECT ${roleColumns} FROM roles WHERE project_id = :projectId AND role_id = :id`,
    );
    this.roleByName = db.prepare<Key & { tenantId: string; name: string }, RoleRow>(
      `SELECT ${roleColumns} FROM roles WHERE project_id = :projectId AND tenant_id = :tenantId AND name = :name`,
    );
    this.deleteTenantRoles = db.prepare(
      'DELETE FROM roles WHERE project_id = :projectId AND tenant_id = :tenantId',
    );
    this.insertPermission = db.prepare(
      `INSERT INTO permissions (project_id, permission_id, name, description, system_default)
       VALUES (:projectId, :id, :name, :description, :systemDefault)`,
    );
    this.updatePermission = db.prepare(
      `UPDATE permissions SET name = :name, description = :description
       WHERE project_id = :projectId AND permission_id = :id`,
    );
    this.deletePermission = db.prepare(
      'DELETE FROM permissions WHERE project_id = :projectId AND permission_id = :id',
    );
    const permissionColumns = 'permission_id, name, description, system_default';
    this.allPermissions = db.prepare<Key, PermissionRow>(
      `SELECT ${permissionColumns} FROM permissions WHERE project_id = :projectId ORDER BY rowid`,
    );
    this.permissionById = db.prepare<Key & { id: string }, PermissionRow>(
      `SELECT ${permissionColumns} FROM permissions WHERE project_id = :projectId AND permission_id = :id`,
    );
    this.permissionByName = db.prepare<Key & { name: string }, PermissionRow>(
      `SELECT ${permissionColumns} FROM permissions WHERE project_id = :projectId AND name = :name`,
    );
  }

  insertRoleRecord(projectId: string, role: RoleRecord): void {
    this.generation.bump();
    mapConstraint(
      () => roleExists(role),
      () => this.insertRole.run(roleParams(projectId, role)),
    );
  }

  /** Writes a changed role (the scope and creation time never change). */
  updateRoleRecord(projectId: string, role: RoleRecord): void {
    this.generation.bump();
    mapConstraint(
      () => roleExists(role),
      () => this.updateRole.run(roleParams(projectId, role)),
    );
  }

  deleteRoleRecord(projectId: string, id: string): void {
    this.generation.bump();
    this.deleteRole.run({ projectId, id });
  }

  /** Removes every role scoped to the tenant (when the tenant goes). */
  deleteRolesOfTenant(projectId: string, tenantId: string): void {
    this.generation.bump();
    this.deleteTenantRoles.run({ projectId, tenantId });
  }

  /** Every role of the project, project roles and tenant roles, oldest first. */
  listRoles(projectId: string): RoleRecord[] {
    return this.allRoles.all({ projectId }).map(roleOf);
  }

  findRoleById(projectId: string, id: string): RoleRecord | undefined {
    const row = this.roleById.get({ projectId, id });
    return row && roleOf(row);
  }

  /** The role of that name in exactly that scope ('' = project). */
  findRole(projectId: string, name: string, tenantId: string): RoleRecord | undefined {
    const row = this.roleByName.get({ projectId, tenantId, name });
    return row && roleOf(row);
  }

  insertPermissionRecord(projectId: string, permission: PermissionRecord): void {
    this.generation.bump();
    mapConstraint(
      () => `Permission "${permission.name}" already exists`,
      () => this.insertPermission.run(permissionParams(projectId, permission)),
    );
  }

  updatePermissionRecord(projectId: string, permission: PermissionRecord): void {
    this.generation.bump();
    mapConstraint(
      () => `Permission "${permission.name}" already exists`,
      () => this.updatePermission.run(permissionParams(projectId, permission)),
    );
  }

  deletePermissionRecord(projectId: string, id: string): void {
    this.generation.bump();
    this.deletePermission.run({ projectId, id });
  }

  listPermissions(projectId: string): PermissionRecord[] {
    return this.allPermissions.all({ projectId }).map(permissionOf);
  }

  findPermissionById(projectId: string, id: string): PermissionRecord | undefined {
    const row = this.permissionById.get({ projectId, id });
    return row && permissionOf(row);
  }

  findPermission(projectId: string, name: string): PermissionRecord | undefined {
    const row = this.permissionByName.get({ projectId, name });
    return row && permissionOf(row);
  }
}

const roleExists = (role: RoleRecord) =>
  `Role "${role.name}" already exists${role.tenantId ? ` in tenant "${role.tenantId}"` : ''}`;

const roleParams = (projectId: string, role: RoleRecord) => ({
  projectId,
  id: role.id,
  tenantId: role.tenantId,
  name: role.name,
  description: role.description,
  permissionNames: JSON.stringify(role.permissionNames),
  isDefault: role.default ? 1 : 0,
  isPrivate: role.private ? 1 : 0,
  createdTime: role.createdTime,
});

const roleOf = (row: RoleRow): RoleRecord => ({
  id: row.role_id,
  name: row.name,
  description: row.description,
  permissionNames: JSON.parse(row.permission_names) as string[],
  createdTime: row.created_time,
  tenantId: row.tenant_id,
  default: row.is_default === 1,
  private: row.is_private === 1,
});

const permissionParams = (projectId: string, permission: PermissionRecord) => ({
  projectId,
  id: permission.id,
  name: permission.name,
  description: permission.description,
  systemDefault: permission.systemDefault ? 1 : 0,
});

const permissionOf = (row: PermissionRow): PermissionRecord => ({
  id: row.permission_id,
  name: row.name,
  description: row.description,
  systemDefault: row.system_default === 1,
});
