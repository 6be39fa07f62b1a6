import { checkTuplesFit } from '../../domain/fga/validate.js';
import { missing, required } from '../../errors.js';
import type { AuthzRelationsBody, AuthzResourcesBody } from '../../schemas/authz.js';
import type { VoidResponse } from '../../schemas/void.js';
import type { Services } from '../operation.js';
import { currentSchema } from '../relations.js';
import { tuplesOfRelations } from './wire.js';

/** Relations of `management.authz.*` (descope-mgmt-more.md §1.5): create and the deletes. */

/** All or none: the batch must fit the schema; one already stored is a no-op. */
export function createAuthzRelations(
  services: Services,
  projectId: string,
  body: AuthzRelationsBody,
): VoidResponse {
  const tuples = tuplesOfRelations(body.relations);
  checkTuplesFit(currentSchema(services, projectId), tuples);
  services.store.relations.insert(projectId, tuples, services.now());
  return {};
}

/** One not stored is skipped. */
export function deleteAuthzRelations(
  services: Services,
  projectId: string,
  body: AuthzRelationsBody,
): VoidResponse {
  services.store.relations.delete(projectId, tuplesOfRelations(body.relations), services.now());
  return {};
}

function resourcesOf(body: AuthzResourcesBody): string[] {
  if (!body.resources?.length) throw missing('resources');
  return body.resources.map((resource, i) => required(resource, `resources[${i}]`));
}

/** re/deleteresources: the relations whose resource or target is listed. */
export function deleteRelationsForResources(
  services: Services,
  projectId: string,
  body: AuthzResourcesBody,
): VoidResponse {
  services.store.relations.deleteForResources(projectId, resourcesOf(body), true, services.now());
  return {};
}

/** re/deleteresourcesrelations: the relations on a listed resource only. */
export function deleteResourceRelationsForResources(
  services: Services,
  projectId: string,
  body: AuthzResourcesBody,
): VoidResponse {
  services.store.relations.deleteForResources(projectId, resourcesOf(body), false, services.now());
  return {};
}
