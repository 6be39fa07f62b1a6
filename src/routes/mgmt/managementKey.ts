import {
  createManagementKey,
  deleteManagementKeys,
  loadManagementKey,
  searchManagementKeys,
  updateManagementKey,
} from '../../app/managementKey.js';
import { defineOperation, NO_DOCUMENTED_EVENT } from '../../app/operation.js';
import {
  CreatedManagementKeyResponse,
  CreateManagementKeyBody,
  ManagementKeyIdsBody,
  ManagementKeyQuery,
  ManagementKeyResponse,
  ManagementKeysResponse,
  UpdateManagementKeyBody,
} from '../../schemas/managementKey.js';
import { VoidResponse } from '../../schemas/void.js';

/**
 * Management keys (descope-mgmt-more.md §14). A key made here authenticates the projects its reBac names
 * (every project when it names none); the cleartext is answered once, only its hash is kept.
 */
const tag = 'Management keys';

export const managementKeyOperations = [
  defineOperation({
    method: 'PUT',
    path: '/v1/mgmt/managementkey',
    sdkMethods: ['management.managementKey.create'],
    summary: 'Create an active management key; the cleartext is in this answer only',
    operationId: 'CreateManagementKey',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: CreateManagementKeyBody,
    response: CreatedManagementKeyResponse,
    handler: ({ body, projectId, services }) => createManagementKey(services, projectId, body),
  }),
  defineOperation({
    method: 'PATCH',
    path: '/v1/mgmt/managementkey',
    sdkMethods: ['management.managementKey.update'],
    summary: 'Rename, describe, (de)activate a management key or change its permitted IPs',
    operationId: 'UpdateManagementKey',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: UpdateManagementKeyBody,
    response: ManagementKeyResponse,
    handler: ({ body, projectId, services }) => updateManagementKey(services, projectId, body),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/managementkey',
    sdkMethods: ['management.managementKey.load'],
    summary: 'Load a management key',
    operationId: 'GetManagementKey',
    tag,
    query: ManagementKeyQuery,
    response: ManagementKeyResponse,
    handler: ({ query, projectId, services }) => loadManagementKey(services, projectId, query),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/managementkey/search',
    sdkMethods: ['management.managementKey.search'],
    summary: "The calling project's management keys",
    operationId: 'SearchManagementKeys',
    tag,
    response: ManagementKeysResponse,
    handler: ({ projectId, services }) => searchManagementKeys(services, projectId),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/managementkey/delete',
    sdkMethods: ['management.managementKey.delete'],
    summary: 'Delete management keys (all or none); they stop working at once',
    operationId: 'DeleteManagementKeys',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: ManagementKeyIdsBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => deleteManagementKeys(services, projectId, body),
  }),
];
