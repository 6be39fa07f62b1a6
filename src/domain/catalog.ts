/**
 * What the domain may ask about the project a user lives in: the roles, tenants, custom attribute
 * definitions and SSO applications that users point at. The store implements it for one project inside the
 * request's transaction; unit tests implement it with plain objects.
 */
export interface Catalog {
  tenant(tenantId: string): CatalogTenant | undefined;
  /** A role usable in that scope: with a tenant ID, that tenant's own role first, else the project role. */
  role(name: string, tenantId?: string): CatalogRole | undefined;
  attribute(name: string): CustomAttributeDefinition | undefined;
  ssoApp(appId: string): boolean;
}

export interface CatalogTenant {
  id: string;
  name: string;
  /**
   * Roles a user gets on joining the tenant through tenant/add or v2 role/add: the tenant's `defaultRoles`
   * and its own roles marked `default`. Vendor behaviour (inferred): Descope documents default roles for
   * users joining a tenant; project roles marked `default` apply at sign-up, which the mock does not emulate.
   */
  defaultRoles?: string[];
}

export interface CatalogRole {
  name: string;
  /** '' for a project-level role. */
  tenantId: string;
  permissionNames: string[];
}

export const CUSTOM_ATTRIBUTE_TYPES = [
  'text',
  'numeric',
  'boolean',
  'singleSelect',
  'multiSelect',
  'date',
] as const;
export type CustomAttributeType = (typeof CUSTOM_ATTRIBUTE_TYPES)[number];

export interface CustomAttributeDefinition {
  name: string;
  displayName: string;
  type: CustomAttributeType;
  options: { value: string; label: string }[];
}
