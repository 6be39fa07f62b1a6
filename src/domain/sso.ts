import { invalid } from '../errors.js';
import type {
  FgaMappingsBody,
  GroupsMappingBody,
  OidcAttributeMappingBody,
  OidcSettingsBody,
  RoleMappingBody,
  SamlAttributeMappingBody,
  SamlSettingsBody,
} from '../schemas/sso.js';

/**
 * A tenant's SSO configurations (descope-mgmt-more.md §2.1): the default one (`ssoId` ""), plus those
 * `sso/settings/new` adds, each with a SAML and an OIDC block. Group-to-role mappings and default SSO roles
 * are kept by role ID, so a role rename follows by itself and a role delete drops them (src/app/consistency.ts).
 * The tenant's `authType` and `domains` live on the tenant record; the configure calls set them.
 * Vendor behaviour (inferred): a tenant's configurations share its one `authType` and `domains` (the last
 * configure sets them); whether Descope keeps them per configuration is unknown.
 */

export interface SsoRoleMapping {
  roleId: string;
  groups: string[];
}

export interface FgaRelation {
  resource: string;
  relationDefinition: string;
  namespace: string;
}
export type FgaMappings = Record<string, { relations: FgaRelation[] }>;

/** The SAML attribute mapping keys, in the order the live service answers them (python-sdk e2e). */
export const SAML_MAPPING_KEYS = [
  'name',
  'email',
  'username',
  'phoneNumber',
  'group',
  'givenName',
  'middleName',
  'familyName',
  'picture',
  'verifiedEmail',
  'verifiedPhone',
] as const;
export const OIDC_MAPPING_KEYS = ['loginId', ...SAML_MAPPING_KEYS] as const;

export type SamlAttributeMapping = Record<(typeof SAML_MAPPING_KEYS)[number], string> & {
  customAttributes: Record<string, string>;
};
export type OidcAttributeMapping = Record<(typeof OIDC_MAPPING_KEYS)[number], string> & {
  customAttributes: Record<string, string>;
};

export interface SamlConfig {
  idpEntityId: string;
  idpSSOUrl: string;
  idpCertificate: string;
  idpAdditionalCertificates: string[];
  idpMetadataUrl: string;
  /** '' = derived (`<projectId>-<tenantId>`); set only by a configure that migrates from another provider. */
  spEntityId: string;
  /** '' = derived (the mock's ACS URL); set only by a configure that migrates from another provider. */
  spACSUrl: string;
  attributeMapping: SamlAttributeMapping;
  groupsMapping: SsoRoleMapping[];
  /** Role IDs. */
  defaultSSORoles: string[];
  redirectUrl: string;
  subjectNameIdFormat: string;
  fgaMappings: FgaMappings;
  groupsPriority: string[];
  configFGATenantIDResourcePrefix: string;
  configFGATenantIDResourceSuffix: string;
}

export interface OidcConfig {
  name: string;
  clientId: string;
  /** Kept (a snapshot carries it) but never read back: a load answers "". */
  clientSecret: string;
  redirectUrl: string;
  authUrl: string;
  tokenUrl: string;
  userDataUrl: string;
  scope: string[];
  JWKsUrl: string;
  userAttrMapping: OidcAttributeMapping;
  manageProviderTokens: boolean;
  callbackDomain: string;
  prompt: string[];
  grantType: string;
  issuer: string;
  groupsMapping: SsoRoleMapping[];
  /** Role IDs. */
  defaultSSORoles: string[];
  fgaMappings: FgaMappings;
  groupsPriority: string[];
}

export interface SsoConfig {
  /** '' for the tenant's default configuration. */
  ssoId: string;
  /**
   * Vendor behaviour (inferred): kept from `sso/settings/new` but not answered, as the published load shape
   * has no field for it.
   */
  displayName: string;
  saml: SamlConfig;
  oidc: OidcConfig;
}

/** A role as a mapping shows it. */
export interface SsoRole {
  id: string;
  name: string;
}

/** The roles a tenant's configuration may name: the tenant's own first, then the project's. */
export interface SsoRoles {
  byName(name: string): SsoRole | undefined;
  byId(id: string): SsoRole | undefined;
}

const mappingOf = <K extends string>(keys: readonly K[], given: Partial<Record<K, string>> = {}) =>
  Object.fromEntries(keys.map((key) => [key, given[key] ?? ''])) as Record<K, string>;

/**
 * A fresh SAML mapping: name, email and phone mapped to the IdP's attributes of those names, the rest ''
 * (python-sdk e2e, on a tenant never configured).
 */
export const defaultSamlMapping = (): SamlAttributeMapping => ({
  ...mappingOf(SAML_MAPPING_KEYS, { name: 'name', email: 'email', phoneNumber: 'phone' }),
  customAttributes: {},
});

export function blankSaml(): SamlConfig {
  return {
    idpEntityId: '',
    idpSSOUrl: '',
    idpCertificate: '',
    idpAdditionalCertificates: [],
    idpMetadataUrl: '',
    spEntityId: '',
    spACSUrl: '',
    attributeMapping: defaultSamlMapping(),
    groupsMapping: [],
    defaultSSORoles: [],
    redirectUrl: '',
    subjectNameIdFormat: '',
    fgaMappings: {},
    groupsPriority: [],
    configFGATenantIDResourcePrefix: '',
    configFGATenantIDResourceSuffix: '',
  };
}

export function blankOidc(): OidcConfig {
  return {
    name: '',
    clientId: '',
    clientSecret: '',
    redirectUrl: '',
    authUrl: '',
    tokenUrl: '',
    userDataUrl: '',
    scope: [],
    JWKsUrl: '',
    // Vendor behaviour (inferred): a fresh OIDC mapping maps nothing.
    userAttrMapping: { ...mappingOf(OIDC_MAPPING_KEYS), customAttributes: {} },
    manageProviderTokens: false,
    callbackDomain: '',
    prompt: [],
    grantType: '',
    issuer: '',
    groupsMapping: [],
    defaultSSORoles: [],
    fgaMappings: {},
    groupsPriority: [],
  };
}

export const blankSsoConfig = (ssoId: string, displayName = ''): SsoConfig => ({
  ssoId,
  displayName,
  saml: blankSaml(),
  oidc: blankOidc(),
});

/**
 * A given attribute mapping replaces the whole mapping: a key left out becomes '' (python-sdk e2e: after a
 * mapping of `{name: "MyName"}`, `email` is "").
 */
export const samlMappingFrom = (given: SamlAttributeMappingBody): SamlAttributeMapping => ({
  ...mappingOf(SAML_MAPPING_KEYS, given),
  customAttributes: given.customAttributes ?? {},
});

export const oidcMappingFrom = (given: OidcAttributeMappingBody): OidcAttributeMapping => ({
  ...mappingOf(OIDC_MAPPING_KEYS, given),
  customAttributes: given.customAttributes ?? {},
});

function requireRole(roles: SsoRoles, name: string | undefined): SsoRole {
  const role = name ? roles.byName(name) : undefined;
  // Vendor behaviour (inferred): an unknown role is a bad argument (400 E011004), as in a user call.
  if (!role) throw invalid(name ? `Role "${name}" does not exist` : 'A role mapping must name a role');
  return role;
}

/** `roleMappings` (`{groups, roleName}`) by role ID; each role must exist in the tenant's scope. */
export const roleMappingsFrom = (mappings: readonly RoleMappingBody[], roles: SsoRoles): SsoRoleMapping[] =>
  mappings.map((mapping) => ({
    roleId: requireRole(roles, mapping.roleName).id,
    groups: mapping.groups ?? [],
  }));

/** `groupsMapping` (`{role: {id, name}, groups}`), as a load answers it and the Go SDK sends it. */
const groupsMappingFrom = (mappings: readonly GroupsMappingBody[], roles: SsoRoles): SsoRoleMapping[] =>
  mappings.map(({ role, groups }) => {
    const byId = role?.id ? roles.byId(role.id) : undefined;
    if (role?.id && !byId) throw invalid(`Role with ID "${role.id}" does not exist`);
    return { roleId: (byId ?? requireRole(roles, role?.name)).id, groups: groups ?? [] };
  });

export const defaultRolesFrom = (names: readonly string[], roles: SsoRoles): string[] => [
  ...new Set(names.map((name) => requireRole(roles, name).id)),
];

/** ReBAC relations by group; a relation's missing part is ''. */
export const fgaMappingsFrom = (given: FgaMappingsBody): FgaMappings =>
  Object.fromEntries(
    Object.entries(given).map(([group, { relations = [] }]) => [
      group,
      {
        relations: relations.map((relation) => ({
          resource: relation.resource ?? '',
          relationDefinition: relation.relationDefinition ?? '',
          namespace: relation.namespace ?? '',
        })),
      },
    ]),
  );

/** Each given value (absent or null: unchanged), as `key` of `target`. */
function pick<T extends object>(target: T, given: Partial<T>): T {
  const next = { ...target };
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  return next;
}

/**
 * saml and saml/metadata: the renames of §2.1 (`idpUrl` → `idpSSOUrl`, `entityId` → `idpEntityId`,
 * `idpCert` → `idpCertificate`). Vendor behaviour (inferred): in every configure call an absent or null
 * value leaves the stored one, and "" or [] resets it (the Python SDK's docstrings).
 */
export function configureSaml(saml: SamlConfig, settings: SamlSettingsBody, roles: SsoRoles): SamlConfig {
  return pick(saml, {
    idpSSOUrl: settings.idpUrl,
    idpEntityId: settings.entityId,
    idpCertificate: settings.idpCert,
    idpAdditionalCertificates: settings.idpAdditionalCerts,
    idpMetadataUrl: settings.idpMetadataUrl,
    spACSUrl: settings.spACSUrl,
    spEntityId: settings.spEntityId,
    attributeMapping: settings.attributeMapping && samlMappingFrom(settings.attributeMapping),
    groupsMapping: settings.roleMappings && roleMappingsFrom(settings.roleMappings, roles),
    defaultSSORoles: settings.defaultSSORoles && defaultRolesFrom(settings.defaultSSORoles, roles),
    subjectNameIdFormat: settings.subjectNameIdFormat,
    fgaMappings: settings.fgaMappings && fgaMappingsFrom(settings.fgaMappings),
    groupsPriority: settings.groupsPriority,
    configFGATenantIDResourcePrefix: settings.configFGATenantIDResourcePrefix,
    configFGATenantIDResourceSuffix: settings.configFGATenantIDResourceSuffix,
  });
}

/** oidc: the mapping arrives as `userAttrMapping`; `roleMappings` or `groupsMapping` set the role mapping. */
export function configureOidc(oidc: OidcConfig, settings: OidcSettingsBody, roles: SsoRoles): OidcConfig {
  const { userAttrMapping, roleMappings, groupsMapping, defaultSSORoles, fgaMappings, ...plain } = settings;
  const mapped =
    (roleMappings && roleMappingsFrom(roleMappings, roles)) ??
    (groupsMapping && groupsMappingFrom(groupsMapping, roles));
  return pick(oidc, {
    ...plain,
    userAttrMapping: userAttrMapping && oidcMappingFrom(userAttrMapping),
    groupsMapping: mapped,
    defaultSSORoles: defaultSSORoles && defaultRolesFrom(defaultSSORoles, roles),
    fgaMappings: fgaMappings && fgaMappingsFrom(fgaMappings),
  });
}

/** A role's mapping as a load answers it; a role gone since (never, the delete follows through) is left out. */
export function wireGroupsMapping(mappings: readonly SsoRoleMapping[], roles: SsoRoles) {
  return mappings.flatMap(({ roleId, groups }) => {
    const role = roles.byId(roleId);
    return role ? [{ role: { id: role.id, name: role.name }, groups }] : [];
  });
}

export const wireDefaultRoles = (roleIds: readonly string[], roles: SsoRoles): string[] =>
  roleIds.flatMap((id) => roles.byId(id)?.name ?? []);

/** A role deleted: every mapping and default role naming it goes. Undefined when nothing named it. */
export function withoutRole(config: SsoConfig, roleId: string): SsoConfig | undefined {
  const names = (block: SamlConfig | OidcConfig) =>
    block.defaultSSORoles.includes(roleId) ||
    block.groupsMapping.some((mapping) => mapping.roleId === roleId);
  if (!names(config.saml) && !names(config.oidc)) return undefined;
  const drop = <B extends SamlConfig | OidcConfig>(block: B): B => ({
    ...block,
    groupsMapping: block.groupsMapping.filter((mapping) => mapping.roleId !== roleId),
    defaultSSORoles: block.defaultSSORoles.filter((id) => id !== roleId),
  });
  return { ...config, saml: drop(config.saml), oidc: drop(config.oidc) };
}

/**
 * The service provider's side of a SAML configuration, there before any configure (python-sdk e2e):
 * `spEntityId` is `<projectId>-<tenantId>`, `spACSUrl` carries `projectId=` and `tenantId=`.
 * Vendor behaviour (inferred): the ACS URL is `/v1/auth/saml/acs` under the mock's own origin, an added
 * configuration's entity ID and ACS URL also name its `ssoId`, and there is no SP certificate ("").
 */
export function serviceProvider(
  saml: SamlConfig,
  at: { origin: string; projectId: string; tenantId: string; ssoId: string },
) {
  const { origin, projectId, tenantId, ssoId } = at;
  const query = new URLSearchParams({ projectId, tenantId, ...(ssoId ? { ssoId } : {}) });
  return {
    spEntityId: saml.spEntityId || [projectId, tenantId, ssoId].filter(Boolean).join('-'),
    spACSUrl: saml.spACSUrl || `${origin}/v1/auth/saml/acs?${query}`,
    spCertificate: '',
  };
}
