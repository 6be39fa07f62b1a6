import { definitionOf, toWireDefinition, withoutAttributes } from '../../domain/attributeDefinitions.js';
import { missing } from '../../errors.js';
import type {
  CreateCustomAttributesBody,
  CustomAttributesResponse,
  DeleteCustomAttributesBody,
} from '../../schemas/userCustomAttributes.js';
import type { Services } from '../operation.js';

/** Custom attribute definitions of the project (descope-api.md 4.13). */

/** The full list; `total` is an int64, so a string on the wire (descope-api.md 1.6). */
export function listCustomAttributes(services: Services, projectId: string): CustomAttributesResponse {
  const data = services.store.customAttributes.list(projectId).map(toWireDefinition);
  return { data, total: String(data.length) };
}

/** Creates or redefines each attribute; answers the full list. */
export function createCustomAttributes(
  services: Services,
  projectId: string,
  body: CreateCustomAttributesBody,
): CustomAttributesResponse {
  if (!body.attributes?.length) throw missing('attributes');
  const { store } = services;
  const catalog = store.catalog.forProject(projectId);
  for (const input of body.attributes) {
    store.customAttributes.put(
      projectId,
      definitionOf(input, input.name ? catalog.attribute(input.name) : undefined),
    );
  }
  return listCustomAttributes(services, projectId);
}

/** Deleting a definition removes its values from every user of the project, in the same transaction. */
export function deleteCustomAttributes(
  services: Services,
  projectId: string,
  body: DeleteCustomAttributesBody,
): CustomAttributesResponse {
  if (!body.names?.length) throw missing('names');
  const { store } = services;
  const nowMs = services.now();
  for (const name of body.names) {
    // Vendor behaviour (inferred): an unknown name is skipped.
    if (!store.customAttributes.delete(projectId, name)) continue;
    for (const stored of store.users.withAttribute(projectId, name)) {
      store.users.update(projectId, stored, {
        ...withoutAttributes(stored.user, [name]),
        modifiedTime: nowMs,
      });
    }
  }
  return listCustomAttributes(services, projectId);
}
