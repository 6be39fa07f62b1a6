import { z } from 'zod';
import { defineOperation, type Services } from '../../app/operation.js';
import { buildPermission, toWirePermission, updatePermission } from '../../domain/role.js';
import { missing } from '../../errors.js';
import { VoidResponse } from '../../schemas/void.js';
import { followPermissionChange } from './consistency.js';
import { requirePermission } from './lookup.js';

/**
 * Permissions (descope-api.md 5.3). Roles name them; a rename or delete follows through to every role in
 * the same transaction (users' permissions are derived from their roles when read).
 */
const tag = 'Permissions';

const CreateFields = { name: z.string().optional(), description: z.string().optional() };
const UpdateFields = { ...CreateFields, id: z.string().optional(), newName: z.string().optional() };

function createPermission(
  services: Services,
  projectId: string,
  input: { name?: string; description?: string },
) {
  services.store.roles.insertPermissionRecord(projectId, buildPermission(input));
}

function changePermission(
  services: Services,
  projectId: string,
  input: { id?: string; name?: string; newName?: string; description?: string },
) {
  const { store } = services;
  const permission = requirePermission(store, projectId, input);
  const next = updatePermission(permission, input);
  store.roles.updatePermissionRecord(projectId, next);
  if (next.name !== permission.name) followPermissionChange(store, projectId, permission.name, next.name);
}

function deletePermission(services: Services, projectId: string, selector: { id?: string; name?: string }) {
  const { store } = services;
  const permission = requirePermission(store, projectId, selector);
  store.roles.deletePermissionRecord(projectId, permission.id);
  followPermissionChange(store, projectId, permission.name, undefined);
}

export const permissionOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/permission/create',
    sdkMethods: ['management.permission.create'],
    summary: 'Create a permission',
    operationId: 'CreatePermission',
    tag,
    body: z.object(CreateFields),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        createPermission(services, projectId, body);
        return {};
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/permission/create/batch',
    sdkMethods: ['management.permission.createBatch'],
    summary: 'Create several permissions at once (all or none)',
    operationId: 'CreatePermissions',
    tag,
    body: z.object({ permissions: z.array(z.object(CreateFields)).optional() }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        if (!body.permissions?.length) throw missing('permissions');
        for (const permission of body.permissions) createPermission(services, projectId, permission);
        return {};
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/permission/update',
    sdkMethods: ['management.permission.update', 'management.permission.updateWithId'],
    summary: 'Rename a permission selected by name or ID; every role granting it follows',
    operationId: 'UpdatePermission',
    tag,
    body: z.object(UpdateFields),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        changePermission(services, projectId, body);
        return {};
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/permission/update/batch',
    sdkMethods: ['management.permission.updateBatch'],
    summary: 'Update several permissions at once (all or none)',
    operationId: 'UpdatePermissions',
    tag,
    body: z.object({ permissions: z.array(z.object(UpdateFields)).optional() }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        if (!body.permissions?.length) throw missing('permissions');
        for (const permission of body.permissions) changePermission(services, projectId, permission);
        return {};
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/permission/delete',
    sdkMethods: ['management.permission.delete', 'management.permission.deleteWithId'],
    summary: 'Delete a permission selected by name or ID; roles stop granting it',
    operationId: 'DeletePermission',
    tag,
    body: z.object({ name: z.string().optional(), id: z.string().optional() }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        deletePermission(services, projectId, body);
        return {};
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/permission/delete/batch',
    sdkMethods: ['management.permission.deleteBatch'],
    summary: 'Delete several permissions by name and/or ID (all or none)',
    operationId: 'DeletePermissions',
    tag,
    body: z.object({ names: z.array(z.string()).optional(), ids: z.array(z.string()).optional() }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        if (!body.names?.length && !body.ids?.length) throw missing('names');
        for (const name of body.names ?? []) deletePermission(services, projectId, { name });
        for (const id of body.ids ?? []) deletePermission(services, projectId, { id });
        return {};
      }),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/permission/all',
    sdkMethods: ['management.permission.loadAll'],
    summary: 'Load every permission of the project',
    operationId: 'LoadAllPermissions',
    tag,
    response: z.object({
      permissions: z.array(
        z.object({ id: z.string(), name: z.string(), description: z.string(), systemDefault: z.boolean() }),
      ),
    }),
    handler: ({ projectId, services }) => ({
      permissions: services.store.roles.listPermissions(projectId).map(toWirePermission),
    }),
  }),
];
