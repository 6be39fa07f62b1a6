import { z } from 'zod';

/**
 * The wire shapes of tenants (descope-api.md 5.1). Bodies and queries are typed as the handler receives them
 * (`z.output`), answers as the handler gives them (`z.input`).
 */

const strings = z.array(z.string()).optional();
const attributes = z.record(z.string(), z.unknown()).optional();

const tenantFields = {
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

export const CreateTenantBody = z.object({
  id: z.string().optional(),
  ...tenantFields,
  parent: z.string().optional(),
  parentId: z.string().optional().describe('alias of parent (Go SDK)'),
});
export type CreateTenantBody = z.output<typeof CreateTenantBody>;

export const CreateTenantResponse = z.object({ id: z.string() });
export type CreateTenantResponse = z.input<typeof CreateTenantResponse>;

export const UpdateTenantBody = z.object({ id: z.string().optional(), ...tenantFields });
export type UpdateTenantBody = z.output<typeof UpdateTenantBody>;

export const UpdateTenantDefaultRolesBody = z.object({ id: z.string().optional(), defaultRoles: strings });
export type UpdateTenantDefaultRolesBody = z.output<typeof UpdateTenantDefaultRolesBody>;

export const DeleteTenantBody = z.object({ id: z.string().optional(), cascade: z.boolean().optional() });
export type DeleteTenantBody = z.output<typeof DeleteTenantBody>;

/** GET tenant and GET tenant/settings: the tenant's ID. */
export const TenantQuery = z.object({ id: z.string().optional() });
export type TenantQuery = z.output<typeof TenantQuery>;

export const SearchTenantsBody = z.object({
  tenantIds: strings,
  tenantNames: strings,
  tenantSelfProvisioningDomains: strings,
  tenantSSODomains: strings,
  customAttributes: attributes,
  parentTenantId: z.string().optional(),
  authType: z.string().optional(),
  topLevelOnly: z.boolean().optional(),
});
export type SearchTenantsBody = z.output<typeof SearchTenantsBody>;

export const WireTenantSchema = z.object({
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
export type WireTenantSchema = z.input<typeof WireTenantSchema>;

/** GET tenant: the tenant at the root of the body, not wrapped. */
export const TenantResponse = WireTenantSchema;
export type TenantResponse = z.input<typeof TenantResponse>;

export const TenantsResponse = z.object({ tenants: z.array(WireTenantSchema) });
export type TenantsResponse = z.input<typeof TenantsResponse>;
