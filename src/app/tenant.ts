import {
  buildTenant,
  type TenantRecord,
  tenantSearchMatcher,
  toWireTenant,
  updateDefaultRoles,
  updateTenant as updatedTenant,
} from '../domain/tenant.js';
import type {
  CreateTenantBody,
  CreateTenantResponse,
  DeleteTenantBody,
  SearchTenantsBody,
  TenantQuery,
  TenantResponse,
  TenantsResponse,
  UpdateTenantBody,
  UpdateTenantDefaultRolesBody,
} from '../schemas/tenant.js';
import type { VoidResponse } from '../schemas/void.js';
import { deleteTenantTree } from './consistency.js';
import { requireTenant } from './lookup.js';
import type { Services } from './operation.js';

/** Tenants and their hierarchy (descope-api.md 5.1). */

export function createTenant(
  services: Services,
  projectId: string,
  body: CreateTenantBody,
): CreateTenantResponse {
  const { store } = services;
  const input = { ...body, parent: body.parent || body.parentId };
  const tenant = buildTenant(input, store.catalog.forProject(projectId), services.now());
  store.tenants.insert(projectId, tenant);
  return { id: tenant.id };
}

export function updateTenant(services: Services, projectId: string, body: UpdateTenantBody): VoidResponse {
  const tenant = requireTenant(services.store, projectId, body.id);
  services.store.tenants.update(projectId, updatedTenant(tenant, body));
  return {};
}

export function updateTenantDefaultRoles(
  services: Services,
  projectId: string,
  body: UpdateTenantDefaultRolesBody,
): VoidResponse {
  const { store } = services;
  const tenant = requireTenant(store, projectId, body.id);
  store.tenants.update(
    projectId,
    updateDefaultRoles(tenant, body.defaultRoles ?? [], store.catalog.forProject(projectId)),
  );
  return {};
}

export function deleteTenant(services: Services, projectId: string, body: DeleteTenantBody): VoidResponse {
  const tenant = requireTenant(services.store, projectId, body.id);
  deleteTenantTree(services.store, projectId, tenant.id, body.cascade ?? false, services.now());
  return {};
}

export function loadTenant(services: Services, projectId: string, query: TenantQuery): TenantResponse {
  const { store } = services;
  const tenant = requireTenant(store, projectId, query.id);
  return toWireTenant(tenant, store.tenants.children(projectId, tenant.id));
}

export const loadAllTenants = (services: Services, projectId: string): TenantsResponse =>
  wireList(services.store.tenants.list(projectId), () => true);

export const searchTenants = (
  services: Services,
  projectId: string,
  body: SearchTenantsBody,
): TenantsResponse => wireList(services.store.tenants.list(projectId), tenantSearchMatcher(body));

/**
 * The answer of tenant/all and tenant/search: `successors` come from the project's full list (already
 * loaded, in the store's order) rather than one children query per tenant.
 */
function wireList(all: TenantRecord[], keep: (tenant: TenantRecord) => boolean): TenantsResponse {
  const successors = new Map<string, string[]>();
  for (const tenant of all) {
    if (tenant.parent === '') continue;
    // Appended in place: copying the list per child made a parent of 20,000 children quadratic.
    const siblings = successors.get(tenant.parent);
    if (siblings) siblings.push(tenant.id);
    else successors.set(tenant.parent, [tenant.id]);
  }
  return { tenants: all.filter(keep).map((tenant) => toWireTenant(tenant, successors.get(tenant.id) ?? [])) };
}
