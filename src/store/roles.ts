import type { PermissionRecord, RoleRecord } from '../domain/role.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';

/** Roles (project-level and tenant-scoped) and permissions. */
export class RoleStore {
  private readonly insertRole;
  private readonly insertPermission;

  constructor(db: Db) {
    this.insertRole = db.prepare(
      `INSERT INTO roles (project_id, role_id, tenant_id, name, description, permission_names, is_default, is_private, created_time)
       VALUES (:projectId, :id, :tenantId, :name, :description, :permissionNames, :isDefault, :isPrivate, :createdTime)`,
    );
    this.insertPermission = db.prepare(
      `INSERT INTO permissions (project_id, permission_id, name, description, system_default)
       VALUES (:projectId, :id, :name, :description, :systemDefault)`,
    );
  }

  insertRoleRecord(projectId: string, role: RoleRecord): void {
    mapConstraint(
      () => `Role "${role.name}" already exists${role.tenantId ? ` in tenant "${role.tenantId}"` : ''}`,
      () =>
        this.insertRole.run({
          projectId,
          id: role.id,
          tenantId: role.tenantId,
          name: role.name,
          description: role.description,
          permissionNames: JSON.stringify(role.permissionNames),
          isDefault: role.default ? 1 : 0,
          isPrivate: role.private ? 1 : 0,
          createdTime: role.createdTime,
        }),
    );
  }

  insertPermissionRecord(projectId: string, permission: PermissionRecord): void {
    mapConstraint(
      () => `Permission "${permission.name}" already exists`,
      () =>
        this.insertPermission.run({
          projectId,
          id: permission.id,
          name: permission.name,
          description: permission.description,
          systemDefault: permission.systemDefault ? 1 : 0,
        }),
    );
  }
}
