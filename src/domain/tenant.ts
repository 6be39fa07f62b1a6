import { invalid, missing } from '../errors.js';
import type { Catalog } from './catalog.js';
import { randomId } from './ids.js';
import { checkRoles } from './userRoles.js';

/** A tenant as the mock keeps it (Descope's Tenant object; `successors` is derived from the children). */
export interface TenantRecord {
  id: string;
  name: string;
  selfProvisioningDomains: string[];
  customAttributes: Record<string, unknown>;
  authType: string;
  domains: string[];
  /** Epoch seconds. */
  createdTime: number;
  disabled: boolean;
  enforceSSO: boolean;
  enforceSSOExclusions: string[];
  federatedAppIds: string[];
  parent: string;
  defaultRoles: string[];
  roleInheritance: string;
  /** The session settings of `tenant/settings`; absent in records written before they existed. */
  settings?: TenantSessionSettings;
}

export function blankTenant(id: string, name: string, nowMs: number): TenantRecord {
  return {
    id,
    name,
    selfProvisioningDomains: [],
    customAttributes: {},
    authType: 'none',
    domains: [],
    createdTime: Math.floor(nowMs / 1000),
    disabled: false,
    enforceSSO: false,
    enforceSSOExclusions: [],
    federatedAppIds: [],
    parent: '',
    defaultRoles: [],
    roleInheritance: '',
  };
}

export const ROLE_INHERITANCE = ['', 'none', 'userOnly'] as const;
const AUTH_TYPES = ['none', 'saml', 'oidc'] as const;

/** The attributes create and update carry (aliases resolved by the route). */
export interface TenantInput {
  id?: string;
  name?: string;
  selfProvisioningDomains?: string[];
  customAttributes?: Record<string, unknown>;
  authType?: string;
  domains?: string[];
  enforceSSO?: boolean;
  disabled?: boolean;
  enforceSSOExclusions?: string[];
  federatedAppIds?: string[];
  parent?: string;
  roleInheritance?: string;
}

/**
 * tenant/create: a `T2…` ID unless one is given; the name is required (uniqueness is the store's index).
 * Vendor behaviour (inferred): tenant custom attributes are stored as given (the mock keeps no tenant
 * attribute definitions), and a parent must exist.
 */
export function buildTenant(input: TenantInput, catalog: Catalog, nowMs: number): TenantRecord {
  if (!input.name) throw missing('name');
  const id = input.id || randomId('T2');
  const parent = input.parent ?? '';
  if (parent !== '' && !catalog.tenant(parent)) throw invalid(`Parent tenant "${parent}" does not exist`);
  return { ...blankTenant(id, input.name, nowMs), ...overridable(input), parent };
}

/**
 * tenant/update: a full override of what the request can carry (Go SDK doc: "all tenant fields will be
 * overridden"); the ID, parent, creation time and default roles stay.
 * Vendor behaviour (inferred): authType and domains belong to the SSO configuration, so absent ones are kept.
 */
export function updateTenant(tenant: TenantRecord, input: TenantInput): TenantRecord {
  if (!input.name) throw missing('name');
  return {
    ...tenant,
    ...overridable(input),
    name: input.name,
    authType: input.authType === undefined ? tenant.authType : checkAuthType(input.authType),
    domains: input.domains ?? tenant.domains,
  };
}

function overridable(input: TenantInput) {
  const roleInheritance = input.roleInheritance ?? '';
  if (!(ROLE_INHERITANCE as readonly string[]).includes(roleInheritance)) {
    throw invalid('The roleInheritance field must be one of: "", none, userOnly');
  }
  return {
    selfProvisioningDomains: dedupe(input.selfProvisioningDomains ?? []),
    customAttributes: input.customAttributes ?? {},
    enforceSSO: input.enforceSSO ?? false,
    disabled: input.disabled ?? false,
    enforceSSOExclusions: input.enforceSSOExclusions ?? [],
    federatedAppIds: input.federatedAppIds ?? [],
    roleInheritance,
    ...(input.authType === undefined ? {} : { authType: checkAuthType(input.authType) }),
    ...(input.domains === undefined ? {} : { domains: dedupe(input.domains) }),
  };
}

/** tenant/updateDefaultRoles: roles given to users joining the tenant; each must exist in the tenant's scope. */
export function updateDefaultRoles(
  tenant: TenantRecord,
  roleNames: string[],
  catalog: Catalog,
): TenantRecord {
  const defaultRoles = dedupe(roleNames);
  checkRoles(defaultRoles, catalog, tenant.id);
  return { ...tenant, defaultRoles };
}

/** The tenant on the wire: every field present, `successors` = the IDs of its direct children. */
export function toWireTenant(tenant: TenantRecord, successors: string[]) {
  return {
    id: tenant.id,
    name: tenant.name,
    customAttributes: tenant.customAttributes,
    selfProvisioningDomains: tenant.selfProvisioningDomains,
    authType: tenant.authType,
    domains: tenant.domains,
    createdTime: tenant.createdTime,
    disabled: tenant.disabled,
    enforceSSO: tenant.enforceSSO,
    enforceSSOExclusions: tenant.enforceSSOExclusions,
    federatedAppIds: tenant.federatedAppIds,
    parent: tenant.parent,
    successors,
    defaultRoles: tenant.defaultRoles,
    roleInheritance: tenant.roleInheritance,
  };
}

/** tenant/search filters: each given filter must match; inside a list, any value matches. */
export interface TenantSearch {
  tenantIds?: string[];
  tenantNames?: string[];
  tenantSelfProvisioningDomains?: string[];
  tenantSSODomains?: string[];
  customAttributes?: Record<string, unknown>;
  parentTenantId?: string;
  authType?: string;
  topLevelOnly?: boolean;
}

/**
 * The test of one tenant against tenant/search filters. The filter lists become sets once, so a search of
 * thousands of IDs over thousands of tenants stays linear.
 */
export function tenantSearchMatcher(search: TenantSearch): (tenant: TenantRecord) => boolean {
  const lowerSet = (values: string[] | undefined) =>
    values?.length ? new Set(values.map((value) => value.toLowerCase())) : undefined;
  // Vendor behaviour (inferred): names and domains compare case-insensitively, like the console's search.
  const anyOf = (wanted: Set<string> | undefined, have: readonly string[]) =>
    !wanted || have.some((value) => wanted.has(value.toLowerCase()));
  const ids = search.tenantIds?.length ? new Set(search.tenantIds) : undefined;
  const names = lowerSet(search.tenantNames);
  const selfProvisioningDomains = lowerSet(search.tenantSelfProvisioningDomains);
  const ssoDomains = lowerSet(search.tenantSSODomains);
  // Vendor behaviour (inferred): a custom attribute filter matches an equal value, or for a list, any shared item.
  const attributes = Object.entries(search.customAttributes ?? {}).map(
    ([key, wanted]) => [key, new Set([wanted].flat(Number.POSITIVE_INFINITY))] as const,
  );
  return (tenant) =>
    (!ids || ids.has(tenant.id)) &&
    anyOf(names, [tenant.name]) &&
    anyOf(selfProvisioningDomains, tenant.selfProvisioningDomains) &&
    anyOf(ssoDomains, tenant.domains) &&
    (!search.parentTenantId || tenant.parent === search.parentTenantId) &&
    (!search.authType || tenant.authType === search.authType) &&
    (!search.topLevelOnly || tenant.parent === '') &&
    attributes.every(([key, value]) => attributeMatches(tenant.customAttributes[key], value));
}

function attributeMatches(have: unknown, wanted: ReadonlySet<unknown>): boolean {
  return Array.isArray(have) ? have.some((item) => wanted.has(item)) : wanted.has(have);
}

export function checkAuthType(authType: string): string {
  // Vendor behaviour (inferred): an empty authType means no SSO, which Descope answers as "none".
  if (authType === '') return 'none';
  if (!(AUTH_TYPES as readonly string[]).includes(authType)) {
    throw invalid(`The authType field must be one of: ${AUTH_TYPES.join(', ')}`);
  }
  return authType;
}

export const dedupe = (values: readonly string[]): string[] => [
  ...new Set(values.filter((value) => value !== '')),
];

// The settings' shapes live with the tenant record that holds them, so tenantSettings.ts depends on this
// file and not the other way round.
export interface SsoSetupSuiteSettings {
  enabled: boolean;
  styleId: string;
  disabledFeatures: {
    saml: boolean;
    oidc: boolean;
    scim: boolean;
    ssoDomains: boolean;
    groupMapping: boolean;
  };
}

/** The session part of tenant settings; domains, self-provisioning domains and authType live on the tenant. */
export interface TenantSessionSettings {
  enabled: boolean;
  refreshTokenExpiration: number;
  refreshTokenExpirationUnit: string;
  sessionTokenExpiration: number;
  sessionTokenExpirationUnit: string;
  stepupTokenExpiration: number;
  stepupTokenExpirationUnit: string;
  enableInactivity: boolean;
  inactivityTime: number;
  inactivityTimeUnit: string;
  JITDisabled: boolean;
  ssoSetupSuiteSettings: SsoSetupSuiteSettings;
}
