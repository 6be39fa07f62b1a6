import { eachIdEvent, eachItemEvent, entityEvent, permissionData } from '../../app/auditEvents.js';
import { defineOperation } from '../../app/operation.js';
import {
  createPermission,
  createPermissions,
  deletePermission,
  deletePermissions,
  loadAllPermissions,
  updatePermission,
  updatePermissions,
} from '../../app/permission.js';
import {
  CreatePermissionBody,
  CreatePermissionsBody,
  DeletePermissionBody,
  DeletePermissionsBody,
  PermissionsResponse,
  UpdatePermissionBody,
  UpdatePermissionsBody,
} from '../../schemas/permission.js';
import { VoidResponse } from '../../schemas/void.js';

/**
 * Permissions (descope-api.md 5.3). Roles name them; a rename or delete follows through to every role in
 * the same transaction (src/app/permission.ts).
 */
const tag = 'Permissions';

export const permissionOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/permission/create',
    sdkMethods: ['management.permission.create'],
    summary: 'Create a permission',
    operationId: 'CreatePermission',
    tag,
    body: CreatePermissionBody,
    response: VoidResponse,
    audit: entityEvent('PermissionCreated', (input) => permissionData(input.body as never)),
    handler: ({ body, projectId, services }) => createPermission(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/permission/create/batch',
    sdkMethods: ['management.permission.createBatch'],
    summary: 'Create several permissions at once (all or none)',
    operationId: 'CreatePermissions',
    tag,
    body: CreatePermissionsBody,
    response: VoidResponse,
    audit: eachItemEvent('PermissionCreated', 'permissions', permissionData),
    handler: ({ body, projectId, services }) => createPermissions(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/permission/update',
    sdkMethods: ['management.permission.update', 'management.permission.updateWithId'],
    summary: 'Rename a permission selected by name or ID; every role granting it follows',
    operationId: 'UpdatePermission',
    tag,
    body: UpdatePermissionBody,
    response: VoidResponse,
    audit: entityEvent('PermissionModified', (input) => permissionData(input.body as never)),
    handler: ({ body, projectId, services }) => updatePermission(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/permission/update/batch',
    sdkMethods: ['management.permission.updateBatch'],
    summary: 'Update several permissions at once (all or none)',
    operationId: 'UpdatePermissions',
    tag,
    body: UpdatePermissionsBody,
    response: VoidResponse,
    audit: eachItemEvent('PermissionModified', 'permissions', permissionData),
    handler: ({ body, projectId, services }) => updatePermissions(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/permission/delete',
    sdkMethods: ['management.permission.delete', 'management.permission.deleteWithId'],
    summary: 'Delete a permission selected by name or ID; roles stop granting it',
    operationId: 'DeletePermission',
    tag,
    body: DeletePermissionBody,
    response: VoidResponse,
    audit: entityEvent('PermissionDeleted', (input) => permissionData(input.body as never)),
    handler: ({ body, projectId, services }) => deletePermission(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/permission/delete/batch',
    sdkMethods: ['management.permission.deleteBatch'],
    summary: 'Delete several permissions by name and/or ID (all or none)',
    operationId: 'DeletePermissions',
    tag,
    body: DeletePermissionsBody,
    response: VoidResponse,
    audit: eachIdEvent('PermissionDeleted', 'names', 'permission_id'),
    handler: ({ body, projectId, services }) => deletePermissions(services, projectId, body),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/permission/all',
    sdkMethods: ['management.permission.loadAll'],
    summary: 'Load every permission of the project',
    operationId: 'LoadAllPermissions',
    tag,
    response: PermissionsResponse,
    handler: ({ projectId, services }) => loadAllPermissions(services, projectId),
  }),
];
