import { z } from 'zod';
import { defineOperation } from '../../app/operation.js';
import {
  buildTenant,
  type TenantRecord,
  tenantSearchMatcher,
  toWireTenant,
  updateDefaultRoles,
  updateTenant,
} from '../../domain/tenant.js';
import { VoidResponse } from '../../schemas/void.js';
import type { Store } from '../../store/index.js';
import { deleteTenantTree } from './consistency.js';
import { requireTenant } from './lookup.js';
import { tenantSettingsOperations } from './tenantSettings.js';

/** Tenants and their hierarchy (descope-api.md 5.1). */
const tag = 'Tenants';

const strings = z.array(z.string()).optional();
const attributes = z.record(z.string(), z.unknown()).optional();

const TenantFields = {
  name: z.string().optional(),
  selfProvisioningDomains: strings,
  customAttributes: attributes,
  authType: z.string().optional(),
  domains: strings,
  enforceSSO: z.boolean().optional(),
  disabled: z.boolean().optional(),
  enforceSSOExclusions: strings,
  federatedAppIds: strings,
  roleInheritance: z.string().optional(),
};

const WireTenantSchema = z.object({
  id: z.string(),
  name: z.string(),
  customAttributes: z.record(z.string(), z.unknown()),
  selfProvisioningDomains: z.array(z.string()),
  authType: z.string(),
  domains: z.array(z.string()),
  createdTime: z.number().int().describe('epoch seconds'),
  disabled: z.boolean(),
  enforceSSO: z.boolean(),
  enforceSSOExclusions: z.array(z.string()),
  federatedAppIds: z.array(z.string()),
  parent: z.string(),
  successors: z.array(z.string()).describe('IDs of the direct child tenants'),
  defaultRoles: z.array(z.string()),
  roleInheritance: z.string(),
});
const TenantsResponse = z.object({ tenants: z.array(WireTenantSchema) });

const wire = (store: Store, projectId: string, tenant: TenantRecord) =>
  toWireTenant(tenant, store.tenants.children(projectId, tenant.id));

/**
 * The answer of tenant/all and tenant/search: `successors` come from the project's full list (already
 * loaded, in the store's order) rather than one children query per tenant.
 */
function wireList(all: TenantRecord[], keep: (tenant: TenantRecord) => boolean) {
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

export const tenantOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tenant/create',
    sdkMethods: ['management.tenant.create', 'management.tenant.createWithId'],
    summary: 'Create a tenant (a generated T2… ID unless one is given), optionally under a parent',
    operationId: 'CreateTenant',
    tag,
    body: z.object({
      id: z.string().optional(),
      ...TenantFields,
      parent: z.string().optional(),
      parentId: z.string().optional().describe('alias of parent (Go SDK)'),
    }),
    response: z.object({ id: z.string() }),
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        const { store } = services;
        const catalog = store.catalog.forProject(projectId);
        const input = { ...body, parent: body.parent || body.parentId };
        const tenant = buildTenant(input, catalog, services.now());
        store.tenants.insert(projectId, tenant);
        return { id: tenant.id };
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tenant/update',
    sdkMethods: ['management.tenant.update'],
    summary: "Override a tenant's name, domains, attributes and flags",
    operationId: 'UpdateTenant',
    tag,
    body: z.object({ id: z.string().optional(), ...TenantFields }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        const tenant = requireTenant(services.store, projectId, body.id);
        services.store.tenants.update(projectId, updateTenant(tenant, body));
        return {};
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tenant/updateDefaultRoles',
    sdkMethods: ['management.tenant.updateDefaultRoles'],
    summary: 'Set the roles given to users who join the tenant',
    operationId: 'UpdateTenantDefaultRoles',
    tag,
    body: z.object({ id: z.string().optional(), defaultRoles: strings }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        const { store } = services;
        const tenant = requireTenant(store, projectId, body.id);
        const next = updateDefaultRoles(tenant, body.defaultRoles ?? [], store.catalog.forProject(projectId));
        store.tenants.update(projectId, next);
        return {};
      }),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tenant/delete',
    sdkMethods: ['management.tenant.delete'],
    summary: 'Delete a tenant, its roles and memberships (cascade: also its only-members, keys and children)',
    operationId: 'DeleteTenant',
    tag,
    body: z.object({ id: z.string().optional(), cascade: z.boolean().optional() }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        const tenant = requireTenant(services.store, projectId, body.id);
        deleteTenantTree(services.store, projectId, tenant.id, body.cascade ?? false, services.now());
        return {};
      }),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/tenant',
    sdkMethods: ['management.tenant.load'],
    summary: 'Load a tenant (answered at the root of the body, not wrapped)',
    operationId: 'LoadTenant',
    tag,
    query: z.object({ id: z.string().optional() }),
    response: WireTenantSchema,
    handler: ({ query, projectId, services }) =>
      wire(services.store, projectId, requireTenant(services.store, projectId, query.id)),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/tenant/all',
    sdkMethods: ['management.tenant.loadAll'],
    summary: 'Load every tenant of the project',
    operationId: 'LoadAllTenants',
    tag,
    response: TenantsResponse,
    handler: ({ projectId, services }) => wireList(services.store.tenants.list(projectId), () => true),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tenant/search',
    sdkMethods: ['management.tenant.searchAll'],
    summary: 'Search tenants by IDs, names, domains, custom attributes or parent',
    operationId: 'SearchTenants',
    tag,
    body: z.object({
      tenantIds: strings,
      tenantNames: strings,
      tenantSelfProvisioningDomains: strings,
      tenantSSODomains: strings,
      customAttributes: attributes,
      parentTenantId: z.string().optional(),
      authType: z.string().optional(),
      topLevelOnly: z.boolean().optional(),
    }),
    response: TenantsResponse,
    handler: ({ body, projectId, services }) =>
      wireList(services.store.tenants.list(projectId), tenantSearchMatcher(body)),
  }),
  ...tenantSettingsOperations,
];
