import { z } from 'zod';
import { defineOperation, type Services } from '../../../app/operation.js';
import {
  type AttributeDefinitionInput,
  definitionOf,
  toWireDefinition,
  withoutAttributes,
} from '../../../domain/attributeDefinitions.js';
import { missing } from '../../../errors.js';

/** Custom attribute definitions of the project (descope-api.md 4.13). */
const tag = 'Custom attributes';

const CustomAttributeSchema = z.object({
  name: z.string(),
  type: z.number().int().describe('1 text, 2 numeric, 3 boolean, 4 singleSelect, 5 multiSelect, 6 date'),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  displayName: z.string(),
  defaultValue: z.unknown(),
  viewPermissions: z.array(z.string()),
  editPermissions: z.array(z.string()),
  editable: z.boolean(),
});

const AttributeInput = z.object({
  name: z.string().optional(),
  type: z.number().int().optional(),
  displayName: z.string().optional(),
  options: z.array(z.object({ value: z.string().optional(), label: z.string().optional() })).optional(),
  defaultValue: z.unknown().optional(),
  viewPermissions: z.array(z.string()).optional(),
  editPermissions: z.array(z.string()).optional(),
  editable: z.boolean().optional().describe('false is kept and answered back; true when absent'),
});

const listOf = (services: Services, projectId: string) =>
  services.store.customAttributes.list(projectId).map(toWireDefinition);

/** CustomAttributesResponse, the answer of list, create and delete alike: the full list and its size. */
const CustomAttributesResponse = z.object({
  data: z.array(CustomAttributeSchema),
  total: z.string().describe('int64'),
});

/** The full list; `total` is an int64, so a string on the wire (descope-api.md 1.6). */
function listResponse(services: Services, projectId: string) {
  const data = listOf(services, projectId);
  return { data, total: String(data.length) };
}

function createDefinitions(services: Services, projectId: string, attributes: AttributeDefinitionInput[]) {
  const { store } = services;
  return store.transaction(() => {
    const catalog = store.catalog.forProject(projectId);
    for (const input of attributes) {
      store.customAttributes.put(
        projectId,
        definitionOf(input, input.name ? catalog.attribute(input.name) : undefined),
      );
    }
    return listResponse(services, projectId);
  });
}

/** Deleting a definition removes its values from every user of the project, in the same transaction. */
function deleteDefinitions(services: Services, projectId: string, names: string[]) {
  const { store } = services;
  return store.transaction(() => {
    const nowMs = services.now();
    for (const name of names) {
      // Vendor behaviour (inferred): an unknown name is skipped.
      if (!store.customAttributes.delete(projectId, name)) continue;
      for (const user of store.customAttributes.usersHolding(projectId, name)) {
        store.users.update(projectId, { ...withoutAttributes(user, [name]), modifiedTime: nowMs });
      }
    }
    return listResponse(services, projectId);
  });
}

export const customAttributeOperations = [
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/user/customattributes',
    sdkMethods: ['management.user.getCustomAttributes'],
    summary: 'List the custom attribute definitions of the project',
    operationId: 'UserCustomAttributes',
    tag,
    response: CustomAttributesResponse,
    handler: ({ projectId, services }) => listResponse(services, projectId),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/customattribute/create',
    sdkMethods: ['management.user.createCustomAttributes'],
    summary: 'Create or update custom attribute definitions; answers the full list',
    operationId: 'CreateUserCustomAttribute',
    tag,
    body: z.object({ attributes: z.array(AttributeInput).optional() }),
    response: CustomAttributesResponse,
    handler: ({ body, projectId, services }) => {
      if (!body.attributes?.length) throw missing('attributes');
      return createDefinitions(services, projectId, body.attributes);
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/customattribute/delete',
    sdkMethods: ['management.user.deleteCustomAttributes'],
    summary: 'Delete custom attribute definitions and their values on every user; answers the full list',
    operationId: 'DeleteUserCustomAttribute',
    tag,
    body: z.object({ names: z.array(z.string()).optional() }),
    response: CustomAttributesResponse,
    handler: ({ body, projectId, services }) => {
      if (!body.names?.length) throw missing('names');
      return deleteDefinitions(services, projectId, body.names);
    },
  }),
];
