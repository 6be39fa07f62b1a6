import type { AccessKeyRecord } from '../domain/accessKey.js';
import type { PermissionRecord, RoleRecord } from '../domain/role.js';
import type { TenantRecord } from '../domain/tenant.js';
import { invalid, missing } from '../errors.js';
import type { Store } from '../store/index.js';

/**
 * Finding the tenant, role, permission or access key a request names, or failing as Descope would.
 * Vendor behaviour (inferred): no "not found" code is published for these objects; an unknown ID or name is
 * a bad argument (400 E011004), as for an unknown tenant in a user call.
 */

export function requireTenant(store: Store, projectId: string, id: string | undefined): TenantRecord {
  if (!id) throw missing('id');
  const tenant = store.tenants.find(projectId, id);
  if (!tenant) throw invalid(`Tenant "${id}" does not exist`);
  return tenant;
}

/** A role by ID, or by name inside its scope (`tenantId` '' or absent = a project role). */
export function requireRole(
  store: Store,
  projectId: string,
  selector: { id?: string; name?: string; tenantId?: string },
): RoleRecord {
  if (selector.id) {
    const role = store.roles.findRoleById(projectId, selector.id);
    if (!role) throw invalid(`Role with ID "${selector.id}" does not exist`);
    return role;
  }
  if (!selector.name) throw missing('name');
  const tenantId = selector.tenantId ?? '';
  const role = store.roles.findRole(projectId, selector.name, tenantId);
  if (!role) {
    throw invalid(`Role "${selector.name}" does not exist${tenantId ? ` in tenant "${tenantId}"` : ''}`);
  }
  return role;
}

export function requirePermission(
  store: Store,
  projectId: string,
  selector: { id?: string; name?: string },
): PermissionRecord {
  if (selector.id) {
    const permission = store.roles.findPermissionById(projectId, selector.id);
    if (!permission) throw invalid(`Permission with ID "${selector.id}" does not exist`);
    return permission;
  }
  if (!selector.name) throw missing('name');
  const permission = store.roles.findPermission(projectId, selector.name);
  if (!permission) throw invalid(`Permission "${selector.name}" does not exist`);
  return permission;
}

export function requireAccessKey(store: Store, projectId: string, id: string | undefined): AccessKeyRecord {
  if (!id) throw missing('id');
  const key = store.accessKeys.find(projectId, id);
  if (!key) throw invalid(`Access key "${id}" does not exist`);
  return key;
}
