import { authzFromSchema } from '../../domain/fga/authzJson.js';
import { invalid, missing, required } from '../../errors.js';
import type {
  LoadResourcesDetailsBody,
  MappableResourcesResponse,
  MappableSchemaQuery,
  MappableSchemaResponse,
  ResourcesDetailsResponse,
  SaveResourcesDetailsBody,
  SearchMappableResourcesBody,
} from '../../schemas/fga.js';
import type { VoidResponse } from '../../schemas/void.js';
import type { Store } from '../../store/index.js';
import { requireTenant } from '../lookup.js';
import type { Services } from '../operation.js';
import { currentSchema } from '../relations.js';

/**
 * Resource details (display names) and the mappable data SSO `fgaMappings` are picked from
 * (descope-mgmt-more.md §1.4).
 */

export function saveResourcesDetails(
  services: Services,
  projectId: string,
  body: SaveResourcesDetailsBody,
): VoidResponse {
  if (!body.resourcesDetails?.length) throw missing('resourcesDetails');
  const details = body.resourcesDetails.map((detail, i) => ({
    resourceId: required(detail.resourceId, `resourcesDetails[${i}].resourceId`),
    resourceType: required(detail.resourceType, `resourcesDetails[${i}].resourceType`),
    displayName: detail.displayName ?? '',
  }));
  services.store.relations.saveDetails(projectId, details);
  return {};
}

/** Vendor behaviour (inferred): a resource whose details were never saved is left out of the answer. */
export function loadResourcesDetails(
  services: Services,
  projectId: string,
  body: LoadResourcesDetailsBody,
): ResourcesDetailsResponse {
  if (!body.resourceIdentifiers?.length) throw missing('resourceIdentifiers');
  const resourcesDetails = body.resourceIdentifiers.flatMap((identifier, i) => {
    const resourceId = required(identifier.resourceId, `resourceIdentifiers[${i}].resourceId`);
    const resourceType = required(identifier.resourceType, `resourceIdentifiers[${i}].resourceType`);
    const displayName = services.store.relations.displayName(projectId, resourceType, resourceId);
    return displayName === undefined ? [] : [{ resourceId, resourceType, displayName }];
  });
  return { resourcesDetails };
}

type Mappable = MappableResourcesResponse['mappableResources'];

/**
 * Vendor behaviour (inferred): a type's mappable resources are the IDs seen in its tuples or details, each
 * with its display name ('' when none), at most `limit` per type; `match` filters them (a search).
 */
function mappableResources(
  store: Store,
  projectId: string,
  types: string[],
  limit: number,
  match: (type: string, resource: string, displayName: string) => boolean,
): Mappable {
  const names = new Map<string, Map<string, string>>(types.map((type) => [type, new Map()]));
  for (const detail of store.relations.allDetailsOf(projectId)) {
    names.get(detail.resourceType)?.set(detail.resourceId, detail.displayName);
  }
  for (const { resourceType, resource } of store.relations.resources(projectId)) {
    const known = names.get(resourceType);
    if (known && !known.has(resource)) known.set(resource, '');
  }
  return types.map((type) => ({
    type,
    resources: [...(names.get(type) ?? new Map<string, string>())]
      .filter(([resource, displayName]) => match(type, resource, displayName))
      .slice(0, limit)
      .map(([resource, displayName]) => ({ resource, displayName })),
  }));
}

/** `resourcesLimit`, a positive int64 (the Node SDK sends a string); absent or 0: no limit. */
function limitOf(value: number | string | undefined): number {
  if (value === undefined || value === '') return Number.POSITIVE_INFINITY;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0) throw invalid('resourcesLimit must be a non-negative integer');
  return limit === 0 ? Number.POSITIVE_INFINITY : limit;
}

export function loadMappableSchema(
  services: Services,
  projectId: string,
  query: MappableSchemaQuery,
): MappableSchemaResponse {
  requireTenant(services.store, projectId, required(query.tenantId, 'tenantId'));
  const schema = currentSchema(services, projectId);
  const types = schema.types.map((type) => type.name);
  return {
    schema: authzFromSchema(schema),
    mappableResources: mappableResources(
      services.store,
      projectId,
      types,
      limitOf(query.resourcesLimit),
      () => true,
    ),
  };
}

/**
 * Vendor behaviour (inferred): a query matches a resource whose ID or display name contains it, ignoring
 * case; a type without queries lists all its resources.
 */
export function searchMappableResources(
  services: Services,
  projectId: string,
  body: SearchMappableResourcesBody,
): MappableResourcesResponse {
  requireTenant(services.store, projectId, required(body.tenantId, 'tenantId'));
  if (!body.resourcesQueries?.length) throw missing('resourcesQueries');
  const queries = new Map<string, string[]>();
  body.resourcesQueries.forEach((query, i) => {
    const type = required(query.type, `resourcesQueries[${i}].type`);
    queries.set(type, [...(queries.get(type) ?? []), ...(query.queries ?? [])]);
  });
  const known = new Set(currentSchema(services, projectId).types.map((type) => type.name));
  for (const type of queries.keys()) if (!known.has(type)) throw invalid(`Unknown FGA type '${type}'`);
  const matches = (type: string, resource: string, displayName: string) => {
    const needles = (queries.get(type) ?? []).map((q) => q.toLowerCase());
    const haystack = [resource.toLowerCase(), displayName.toLowerCase()];
    return needles.length === 0 || needles.some((q) => haystack.some((text) => text.includes(q)));
  };
  const mappable = mappableResources(
    services.store,
    projectId,
    [...queries.keys()],
    limitOf(body.resourcesLimit),
    matches,
  );
  return { mappableResources: mappable };
}
