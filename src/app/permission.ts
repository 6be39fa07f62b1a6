import { buildPermission, toWirePermission, updatePermission as updatedPermission } from '../domain/role.js';
import { missing } from '../errors.js';
import type {
  CreatePermissionBody,
  CreatePermissionsBody,
  DeletePermissionBody,
  DeletePermissionsBody,
  PermissionsResponse,
  UpdatePermissionBody,
  UpdatePermissionsBody,
} from '../schemas/permission.js';
import type { VoidResponse } from '../schemas/void.js';
import { followPermissionChange } from './consistency.js';
import { requirePermission } from './lookup.js';
import type { Services } from './operation.js';

/**
 * Permissions (descope-api.md 5.3). Roles name them; a rename or delete follows through to every role in
 * the operation's transaction (users' permissions are derived from their roles when read). Every batch is
 * all or none.
 */

export function createPermission(
  services: Services,
  projectId: string,
  input: CreatePermissionBody,
): VoidResponse {
  services.store.roles.insertPermissionRecord(projectId, buildPermission(input));
  return {};
}

export function createPermissions(
  services: Services,
  projectId: string,
  body: CreatePermissionsBody,
): VoidResponse {
  if (!body.permissions?.length) throw missing('permissions');
  for (const permission of body.permissions) createPermission(services, projectId, permission);
  return {};
}

export function updatePermission(
  services: Services,
  projectId: string,
  input: UpdatePermissionBody,
): VoidResponse {
  const { store } = services;
  const permission = requirePermission(store, projectId, input);
  const next = updatedPermission(permission, input);
  store.roles.updatePermissionRecord(projectId, next);
  if (next.name !== permission.name) followPermissionChange(store, projectId, permission.name, next.name);
  return {};
}

export function updatePermissions(
  services: Services,
  projectId: string,
  body: UpdatePermissionsBody,
): VoidResponse {
  if (!body.permissions?.length) throw missing('permissions');
  for (const permission of body.permissions) updatePermission(services, projectId, permission);
  return {};
}

export function deletePermission(
  services: Services,
  projectId: string,
  selector: DeletePermissionBody,
): VoidResponse {
  const { store } = services;
  const permission = requirePermission(store, projectId, selector);
  store.roles.deletePermissionRecord(projectId, permission.id);
  followPermissionChange(store, projectId, permission.name, undefined);
  return {};
}

export function deletePermissions(
  services: Services,
  projectId: string,
  body: DeletePermissionsBody,
): VoidResponse {
  if (!body.names?.length && !body.ids?.length) throw missing('names');
  for (const name of body.names ?? []) deletePermission(services, projectId, { name });
  for (const id of body.ids ?? []) deletePermission(services, projectId, { id });
  return {};
}

export const loadAllPermissions = (services: Services, projectId: string): PermissionsResponse => ({
  permissions: services.store.roles.listPermissions(projectId).map(toWirePermission),
});
