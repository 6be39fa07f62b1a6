import { buildScopeClaimMappings } from '../domain/scopeClaimMapping.js';
import type { ScopeClaimMappingsResponse, SetScopeClaimMappingsBody } from '../schemas/scopeClaimMapping.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Services } from './operation.js';

/** The project's scope → claims mappings (descope-mgmt-more.md §15): read, replaced whole, removed. */

export const getScopeClaimMappings = (services: Services, projectId: string): ScopeClaimMappingsResponse => ({
  mappings: services.store.scopeClaimMappings.all(projectId),
});

/** Vendor behaviour (inferred): an absent or empty `mappings` replaces them with none, as delete does. */
export function setScopeClaimMappings(
  services: Services,
  projectId: string,
  body: SetScopeClaimMappingsBody,
): VoidResponse {
  services.store.scopeClaimMappings.replace(projectId, buildScopeClaimMappings(body.mappings ?? []));
  return {};
}

export function deleteScopeClaimMappings(services: Services, projectId: string): VoidResponse {
  services.store.scopeClaimMappings.replace(projectId, []);
  return {};
}
