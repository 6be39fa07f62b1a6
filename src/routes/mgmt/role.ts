import { z } from 'zod';
import { defineOperation, type Services } from '../../app/operation.js';
import {
  buildRole,
  ROLE_SORT_KEYS,
  type RoleContext,
  type RoleRecord,
  searchRoles,
  toWireRole,
  updateRole,
} from '../../domain/role.js';
import { missing } from '../../errors.js';
import { SortSchema } from '../../schemas/sort.js';
import { VoidResponse } from '../../schemas/void.js';
import type { Store } from '../../store/index.js';
import { followRoleChange } from './consistency.js';
import { requireRole } from './lookup.js';

/**
 * Roles, project-level and tenant-scoped (descope-api.md 5.2). A rename or delete follows through to every
 * user, access key and tenant default naming the role, in the same transaction.
 */
const tag = 'Roles';
// Vendor behaviour (inferred): every batch is all or none (one transaction), as the single calls are.

const RoleFields = {
  name: z.string().optional(),
  description: z.string().optional(),
  permissionNames: z.array(z.string()).optional(),
  tenantId: z.string().optional(),
  default: z.boolean().optional(),
  private: z.boolean().optional(),
};
const UpdateFields = { ...RoleFields, id: z.string().optional(), newName: z.string().optional() };
type UpdateInput = z.infer<z.ZodObject<typeof UpdateFields>>;

const WireRoleSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  permissionNames: z.array(z.string()),
  createdTime: z.number().int().describe('epoch seconds'),
  tenantId: z.string().describe('"" for a project role'),
  default: z.boolean(),
  private: z.boolean(),
});
const RolesResponse = z.object({ roles: z.array(WireRoleSchema) });

const roleContext = (store: Store, projectId: string): RoleContext => ({
  catalog: store.catalog.forProject(projectId),
  permissionExists: (name) => store.roles.findPermission(projectId, name) !== undefined,
});

function createRole(services: Services, projectId: string, input: z.infer<z.ZodObject<typeof RoleFields>>) {
  const { store } = services;
  const role = buildRole(input, roleContext(store, projectId), services.now());
  store.roles.insertRoleRecord(projectId, role);
  return toWireRole(role);
}

/** Either `id` or `name` (inside `tenantId`'s scope) selects the role; the scope never changes. */
function changeRole(services: Services, projectId: string, input: UpdateInput): RoleRecord {
  const { store } = services;
  const role = requireRole(store, projectId, input);
  const next = updateRole(role, input.newName, input, roleContext(store, projectId));
  store.roles.updateRoleRecord(projectId, next);
  if (next.name !== role.name) followRoleChange(store, projectId, role, next.name, services.now());
  return next;
}

function deleteRole(
  services: Services,
  projectId: string,
  selector: { id?: string; name?: string; tenantId?: string },
) {
  const { store } = services;
  const role = requireRole(store, projectId, selector);
  store.roles.deleteRoleRecord(projectId, role.id);
  followRoleChange(store, projectId, role, undefined, services.now());
}

export const roleOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/role/create',
    sdkMethods: ['management.role.create'],
    summary: 'Create a project role, or a role scoped to one tenant',
    operationId: 'CreateRole',
    tag,
    body: z.object(RoleFields),
    response: WireRoleSchema,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => createRole(services, projectId, body)),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/role/create/batch',
    sdkMethods: ['management.role.createBatch'],
    summary: 'Create several roles at once (all or none)',
    operationId: 'CreateRoles',
    tag,
    body: z.object({ roles: z.array(z.object(RoleFields)).optional() }),
    response: RolesResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        if (!body.roles?.length) throw missing('roles');
        return { roles: body.roles.map((role) => createRole(services, projectId, role)) };
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/role/update',
    sdkMethods: ['management.role.update', 'management.role.updateWithId'],
    summary: 'Override a role selected by name or ID; a new name follows through to its holders',
    operationId: 'UpdateRole',
    tag,
    body: z.object(UpdateFields),
    response: WireRoleSchema,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => toWireRole(changeRole(services, projectId, body))),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/role/update/batch',
    sdkMethods: ['management.role.updateBatch'],
    summary: 'Update several roles at once (all or none)',
    operationId: 'UpdateRoles',
    tag,
    body: z.object({ roles: z.array(z.object(UpdateFields)).optional() }),
    response: RolesResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        if (!body.roles?.length) throw missing('roles');
        return { roles: body.roles.map((role) => toWireRole(changeRole(services, projectId, role))) };
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/role/delete',
    sdkMethods: ['management.role.delete', 'management.role.deleteWithId'],
    summary: 'Delete a role selected by name (in tenantId) or ID; its holders lose it',
    operationId: 'DeleteRole',
    tag,
    body: z.object({
      name: z.string().optional(),
      id: z.string().optional(),
      tenantId: z.string().optional(),
    }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        deleteRole(services, projectId, body);
        return {};
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/role/delete/batch',
    sdkMethods: ['management.role.deleteBatch'],
    summary: 'Delete several roles by name (in tenantId) and/or ID (all or none)',
    operationId: 'DeleteRoles',
    tag,
    body: z.object({
      roleNames: z.array(z.string()).optional(),
      tenantId: z.string().optional(),
      roleIds: z.array(z.string()).optional(),
    }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        if (!body.roleNames?.length && !body.roleIds?.length) throw missing('roleNames');
        for (const name of body.roleNames ?? [])
          deleteRole(services, projectId, { name, tenantId: body.tenantId });
        for (const id of body.roleIds ?? []) deleteRole(services, projectId, { id });
        return {};
      }),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/role/all',
    sdkMethods: ['management.role.loadAll'],
    summary: 'Load every role: project roles and tenant-scoped roles',
    operationId: 'LoadAllRoles',
    tag,
    response: RolesResponse,
    handler: ({ projectId, services }) => ({
      roles: services.store.roles.listRoles(projectId).map(toWireRole),
    }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/role/search',
    sdkMethods: ['management.role.search'],
    summary: 'Search roles by tenant, name, name part, permission or ID',
    operationId: 'SearchRoles',
    tag,
    body: z.object({
      tenantIds: z.array(z.string()).optional(),
      roleNames: z.array(z.string()).optional(),
      roleNameLike: z.string().optional(),
      permissionNames: z.array(z.string()).optional(),
      includeProjectRoles: z.boolean().optional(),
      roleIds: z.array(z.string()).optional(),
      text: z.string().optional(),
      sort: SortSchema.describe(`by ${Object.keys(ROLE_SORT_KEYS).join(', ')}; ascending unless desc`),
    }),
    response: RolesResponse,
    handler: ({ body, projectId, services }) => ({
      roles: searchRoles(services.store.roles.listRoles(projectId), body).map(toWireRole),
    }),
  }),
];
