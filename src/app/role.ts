import {
  buildRole,
  searchRoles as matchingRoles,
  type RoleContext,
  toWireRole,
  updateRole as updatedRole,
} from '../domain/role.js';
import { missing } from '../errors.js';
import type {
  CreateRoleBody,
  CreateRolesBody,
  DeleteRoleBody,
  DeleteRolesBody,
  RoleResponse,
  RolesResponse,
  SearchRolesBody,
  UpdateRoleBody,
  UpdateRolesBody,
} from '../schemas/role.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Store } from '../store/index.js';
import { followRoleChange } from './consistency.js';
import { requireRole } from './lookup.js';
import type { Services } from './operation.js';

/**
 * Roles, project-level and tenant-scoped (descope-api.md 5.2). A rename or delete follows through to every
 * user, access key and tenant default naming the role, in the operation's transaction.
 * Vendor behaviour (inferred): every batch is all or none (the operation's one transaction), as the single
 * calls are.
 */

const roleContext = (store: Store, projectId: string): RoleContext => ({
  catalog: store.catalog.forProject(projectId),
  permissionExists: (name) => store.roles.findPermission(projectId, name) !== undefined,
});

export function createRole(services: Services, projectId: string, input: CreateRoleBody): RoleResponse {
  const { store } = services;
  const role = buildRole(input, roleContext(store, projectId), services.now());
  store.roles.insertRoleRecord(projectId, role);
  return toWireRole(role);
}

export function createRoles(services: Services, projectId: string, body: CreateRolesBody): RolesResponse {
  if (!body.roles?.length) throw missing('roles');
  return { roles: body.roles.map((role) => createRole(services, projectId, role)) };
}

/** Either `id` or `name` (inside `tenantId`'s scope) selects the role; the scope never changes. */
export function updateRole(services: Services, projectId: string, input: UpdateRoleBody): RoleResponse {
  const { store } = services;
  const role = requireRole(store, projectId, input);
  const next = updatedRole(role, input.newName, input, roleContext(store, projectId));
  store.roles.updateRoleRecord(projectId, next);
  if (next.name !== role.name) followRoleChange(store, projectId, role, next.name, services.now());
  return toWireRole(next);
}

export function updateRoles(services: Services, projectId: string, body: UpdateRolesBody): RolesResponse {
  if (!body.roles?.length) throw missing('roles');
  return { roles: body.roles.map((role) => updateRole(services, projectId, role)) };
}

export function deleteRole(services: Services, projectId: string, selector: DeleteRoleBody): VoidResponse {
  const { store } = services;
  const role = requireRole(store, projectId, selector);
  store.roles.deleteRoleRecord(projectId, role.id);
  followRoleChange(store, projectId, role, undefined, services.now());
  return {};
}

export function deleteRoles(services: Services, projectId: string, body: DeleteRolesBody): VoidResponse {
  if (!body.roleNames?.length && !body.roleIds?.length) throw missing('roleNames');
  for (const name of body.roleNames ?? []) deleteRole(services, projectId, { name, tenantId: body.tenantId });
  for (const id of body.roleIds ?? []) deleteRole(services, projectId, { id });
  return {};
}

export const loadAllRoles = (services: Services, projectId: string): RolesResponse => ({
  roles: services.store.roles.listRoles(projectId).map(toWireRole),
});

export const searchRoles = (services: Services, projectId: string, body: SearchRolesBody): RolesResponse => ({
  roles: matchingRoles(services.store.roles.listRoles(projectId), body).map(toWireRole),
});
