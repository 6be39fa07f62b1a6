import { defineOperation, notAudited } from '../../../app/operation.js';
import {
  createCustomAttributes,
  deleteCustomAttributes,
  listCustomAttributes,
} from '../../../app/user/customAttributes.js';
import {
  CreateCustomAttributesBody,
  CustomAttributesResponse,
  DeleteCustomAttributesBody,
} from '../../../schemas/userCustomAttributes.js';

/** Custom attribute definitions of the project (descope-api.md 4.13). */
const tag = 'Custom attributes';

export const customAttributeOperations = [
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/user/customattributes',
    sdkMethods: ['management.user.getCustomAttributes'],
    summary: 'List the custom attribute definitions of the project',
    operationId: 'UserCustomAttributes',
    tag,
    response: CustomAttributesResponse,
    handler: ({ projectId, services }) => listCustomAttributes(services, projectId),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/customattribute/create',
    sdkMethods: ['management.user.createCustomAttributes'],
    summary: 'Create or update custom attribute definitions; answers the full list',
    operationId: 'CreateUserCustomAttribute',
    tag,
    body: CreateCustomAttributesBody,
    response: CustomAttributesResponse,
    audit: notAudited('a project setting: no documented event'),
    handler: ({ body, projectId, services }) => createCustomAttributes(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/customattribute/delete',
    sdkMethods: ['management.user.deleteCustomAttributes'],
    summary: 'Delete custom attribute definitions and their values on every user; answers the full list',
    operationId: 'DeleteUserCustomAttribute',
    tag,
    body: DeleteCustomAttributesBody,
    response: CustomAttributesResponse,
    audit: notAudited('a project setting: no documented event'),
    handler: ({ body, projectId, services }) => deleteCustomAttributes(services, projectId, body),
  }),
];
