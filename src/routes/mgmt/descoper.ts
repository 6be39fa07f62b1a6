import {
  createDescopers,
  deleteDescoper,
  listDescopers,
  loadDescoper,
  updateDescoper,
} from '../../app/descoper.js';
import { defineOperation, NO_DOCUMENTED_EVENT } from '../../app/operation.js';
import {
  CreateDescopersBody,
  DescoperQuery,
  DescoperResponse,
  DescopersResponse,
  UpdateDescoperBody,
} from '../../schemas/descoper.js';
import { VoidResponse } from '../../schemas/void.js';

/** Descopers (descope-mgmt-more.md §14): the console's users, kept per project here. */
const tag = 'Descopers';

export const descoperOperations = [
  defineOperation({
    method: 'PUT',
    path: '/v1/mgmt/descoper',
    sdkMethods: ['management.descoper.create'],
    summary: 'Create descopers (all or none), each by an email login ID',
    operationId: 'CreateDescopers',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: CreateDescopersBody,
    response: DescopersResponse,
    handler: ({ body, projectId, services }) => createDescopers(services, projectId, body),
  }),
  defineOperation({
    method: 'PATCH',
    path: '/v1/mgmt/descoper',
    sdkMethods: ['management.descoper.update'],
    summary: "Replace a descoper's attributes and RBAC (an omitted one is kept)",
    operationId: 'UpdateDescoper',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: UpdateDescoperBody,
    response: DescoperResponse,
    handler: ({ body, projectId, services }) => updateDescoper(services, projectId, body),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/descoper',
    sdkMethods: ['management.descoper.load'],
    summary: 'Load a descoper',
    operationId: 'GetDescoper',
    tag,
    query: DescoperQuery,
    response: DescoperResponse,
    handler: ({ query, projectId, services }) => loadDescoper(services, projectId, query),
  }),
  defineOperation({
    method: 'DELETE',
    path: '/v1/mgmt/descoper',
    sdkMethods: ['management.descoper.delete'],
    summary: 'Delete a descoper',
    operationId: 'DeleteDescoper',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    query: DescoperQuery,
    response: VoidResponse,
    handler: ({ query, projectId, services }) => deleteDescoper(services, projectId, query),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/descoper/list',
    sdkMethods: ['management.descoper.list'],
    summary: 'Every descoper, with their count',
    operationId: 'ListDescopers',
    tag,
    readOnly: true,
    response: DescopersResponse,
    handler: ({ projectId, services }) => listDescopers(services, projectId),
  }),
];
