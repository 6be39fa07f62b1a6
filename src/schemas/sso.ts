import { z } from 'zod';
import { WireTenantSchema } from './tenant.js';

/**
 * The wire shapes of a tenant's SSO configuration (descope-mgmt-more.md §2): the v2 load shapes of the
 * published spec (`LoadSSOSettingsResponse`, `LoadAllSSOSettingsResponse`), the configure bodies, the v1
 * views of the Node SDK's types, and the SSO configuration links. Bodies are typed as the handler receives
 * them (`z.output`), answers as the handler gives them (`z.input`).
 */

const str = z.string().optional();
const strings = z.array(z.string()).optional();
const customAttributes = z.record(z.string(), z.string());

/** `{groups, roleName}`: the SAML, OIDC and v1 way to map IdP groups to a role, by name. */
export const RoleMappingBody = z.object({ groups: strings, roleName: str });
export type RoleMappingBody = z.output<typeof RoleMappingBody>;

/** `{role: {id, name}, groups}`: the load shape, also accepted on OIDC configure (the Go SDK sends it). */
const GroupsMappingBody = z.object({ role: z.object({ id: str, name: str }).optional(), groups: strings });
export type GroupsMappingBody = z.output<typeof GroupsMappingBody>;

const FgaRelation = z.object({ resource: z.string(), relationDefinition: z.string(), namespace: z.string() });
/** `map<group, {relations}>`: ReBAC relations a group grants, stored and echoed. */
export const FgaMappingsSchema = z.record(z.string(), z.object({ relations: z.array(FgaRelation) }));
const FgaMappingsBody = z.record(
  z.string(),
  z.object({ relations: z.array(FgaRelation.partial()).optional() }),
);
export type FgaMappingsBody = z.output<typeof FgaMappingsBody>;

const samlMappingFields = {
  name: str,
  email: str,
  username: str,
  phoneNumber: str,
  group: str,
  givenName: str,
  middleName: str,
  familyName: str,
  picture: str,
  verifiedEmail: str,
  verifiedPhone: str,
  customAttributes: customAttributes.optional(),
};
export const SamlAttributeMappingBody = z.object(samlMappingFields);
export type SamlAttributeMappingBody = z.output<typeof SamlAttributeMappingBody>;

export const OidcAttributeMappingBody = z.object({ loginId: str, ...samlMappingFields });
export type OidcAttributeMappingBody = z.output<typeof OidcAttributeMappingBody>;

/** `settings` of saml and saml/metadata (SSOSAMLSettings, SSOSAMLByMetadataSettings). */
export const SamlSettingsBody = z.object({
  idpUrl: str,
  entityId: str,
  idpCert: str,
  idpMetadataUrl: str,
  idpAdditionalCerts: strings,
  roleMappings: z.array(RoleMappingBody).optional(),
  attributeMapping: SamlAttributeMappingBody.optional(),
  defaultSSORoles: strings.describe('role names'),
  spACSUrl: str.describe('only for a migration from another provider'),
  spEntityId: str.describe('only for a migration from another provider'),
  spEncryptionKey: str.describe('accepted, never echoed'),
  spSignKey: str.describe('accepted, never echoed'),
  subjectNameIdFormat: str,
  fgaMappings: FgaMappingsBody.optional(),
  configFGATenantIDResourcePrefix: str,
  configFGATenantIDResourceSuffix: str,
  groupsPriority: strings,
});
export type SamlSettingsBody = z.output<typeof SamlSettingsBody>;

/** `settings` of oidc (SSOOIDCSettings); the Node SDK sends its `attributeMapping` as `userAttrMapping`. */
export const OidcSettingsBody = z.object({
  name: str,
  clientId: str,
  clientSecret: str,
  redirectUrl: str,
  authUrl: str,
  tokenUrl: str,
  userDataUrl: str,
  scope: strings,
  JWKsUrl: str,
  userAttrMapping: OidcAttributeMappingBody.optional(),
  manageProviderTokens: z.boolean().optional(),
  callbackDomain: str,
  prompt: strings,
  grantType: str,
  issuer: str,
  roleMappings: z.array(RoleMappingBody).optional(),
  groupsMapping: z.array(GroupsMappingBody).optional(),
  defaultSSORoles: strings.describe('role names'),
  fgaMappings: FgaMappingsBody.optional(),
  groupsPriority: strings,
});
export type OidcSettingsBody = z.output<typeof OidcSettingsBody>;

const tenantAndSso = { tenantId: str, ssoId: str };

export const SsoSettingsQuery = z.object(tenantAndSso);
export type SsoSettingsQuery = z.output<typeof SsoSettingsQuery>;

export const SsoTenantQuery = z.object({ tenantId: str });
export type SsoTenantQuery = z.output<typeof SsoTenantQuery>;

export const NewSsoSettingsBody = z.object({ ...tenantAndSso, displayName: str });
export type NewSsoSettingsBody = z.output<typeof NewSsoSettingsBody>;

export const ConfigureOidcBody = z.object({
  ...tenantAndSso,
  settings: OidcSettingsBody.optional(),
  domains: strings,
});
export type ConfigureOidcBody = z.output<typeof ConfigureOidcBody>;

export const ConfigureSamlBody = z.object({
  ...tenantAndSso,
  settings: SamlSettingsBody.optional(),
  redirectUrl: str,
  domains: strings,
});
export type ConfigureSamlBody = z.output<typeof ConfigureSamlBody>;

export const ConfigureRedirectBody = z.object({
  ...tenantAndSso,
  samlRedirectUrl: str,
  oauthRedirectUrl: str,
});
export type ConfigureRedirectBody = z.output<typeof ConfigureRedirectBody>;

export const RecalculateMappingsBody = z.object(tenantAndSso);
export type RecalculateMappingsBody = z.output<typeof RecalculateMappingsBody>;

/** v1 `sso/settings` (POST): the default configuration's SAML connection, entered by hand. */
export const V1ConfigureSettingsBody = z.object({
  tenantId: str,
  idpURL: str,
  entityId: str,
  idpCert: str,
  redirectURL: str,
  domains: strings,
});
export type V1ConfigureSettingsBody = z.output<typeof V1ConfigureSettingsBody>;

/** v1 `sso/metadata`: the default configuration's SAML connection by metadata URL. */
export const V1ConfigureMetadataBody = z.object({
  tenantId: str,
  idpMetadataURL: str,
  redirectURL: str,
  domains: strings,
});
export type V1ConfigureMetadataBody = z.output<typeof V1ConfigureMetadataBody>;

/** v1 `sso/mapping`: the default configuration's SAML role and attribute mapping. */
export const V1ConfigureMappingBody = z.object({
  tenantId: str,
  roleMappings: z.array(RoleMappingBody).optional(),
  attributeMapping: SamlAttributeMappingBody.optional(),
  defaultSSORoles: strings,
});
export type V1ConfigureMappingBody = z.output<typeof V1ConfigureMappingBody>;

/** int64 in proto3 JSON: a number or a numeric string (the Node SDK sends a number). */
export const GenerateSsoLinkBody = z.object({
  ...tenantAndSso,
  expireTime: z.union([z.number(), z.string()]).optional().describe('seconds the link stays valid'),
  email: str,
  templateId: str,
  actorId: str,
});
export type GenerateSsoLinkBody = z.output<typeof GenerateSsoLinkBody>;

export const GenerateSsoLinkResponse = z.object({ adminSSOConfigurationLink: z.string() });
export type GenerateSsoLinkResponse = z.input<typeof GenerateSsoLinkResponse>;

export const RevokeSsoLinkBody = z.object(tenantAndSso);
export type RevokeSsoLinkBody = z.output<typeof RevokeSsoLinkBody>;

// Answers.

const RoleItem = z.object({ id: z.string(), name: z.string() });
export const GroupsMappingSchema = z.object({ role: RoleItem, groups: z.array(z.string()) });

const samlMappingAnswer = {
  name: z.string(),
  email: z.string(),
  username: z.string(),
  phoneNumber: z.string(),
  group: z.string(),
  givenName: z.string(),
  middleName: z.string(),
  familyName: z.string(),
  picture: z.string(),
  verifiedEmail: z.string(),
  verifiedPhone: z.string(),
  customAttributes,
};
export const SamlAttributeMappingSchema = z.object(samlMappingAnswer);
const OidcAttributeMappingSchema = z.object({ loginId: z.string(), ...samlMappingAnswer });

export const SamlSettingsResponse = z.object({
  idpEntityId: z.string(),
  idpSSOUrl: z.string(),
  idpCertificate: z.string(),
  idpAdditionalCertificates: z.array(z.string()),
  idpMetadataUrl: z.string(),
  spEntityId: z.string(),
  spACSUrl: z.string(),
  spCertificate: z.string(),
  attributeMapping: SamlAttributeMappingSchema,
  groupsMapping: z.array(GroupsMappingSchema),
  redirectUrl: z.string(),
  subjectNameIdFormat: z.string(),
  defaultSSORoles: z.array(z.string()).describe('role names'),
  fgaMappings: FgaMappingsSchema,
  groupsPriority: z.array(z.string()),
  configFGATenantIDResourcePrefix: z.string(),
  configFGATenantIDResourceSuffix: z.string(),
});

export const OidcSettingsResponse = z.object({
  name: z.string(),
  clientId: z.string(),
  clientSecret: z.string().describe('always "": never read back'),
  redirectUrl: z.string(),
  authUrl: z.string(),
  tokenUrl: z.string(),
  userDataUrl: z.string(),
  scope: z.array(z.string()),
  JWKsUrl: z.string(),
  userAttrMapping: OidcAttributeMappingSchema,
  manageProviderTokens: z.boolean(),
  callbackDomain: z.string(),
  prompt: z.array(z.string()),
  grantType: z.string(),
  issuer: z.string(),
  groupsMapping: z.array(GroupsMappingSchema),
  defaultSSORoles: z.array(z.string()).describe('role names'),
  fgaMappings: FgaMappingsSchema,
  groupsPriority: z.array(z.string()),
});

/** LoadSSOSettingsResponse: one configuration, both blocks always present. */
export const SsoSettingsResponse = z.object({
  tenant: WireTenantSchema,
  saml: SamlSettingsResponse,
  oidc: OidcSettingsResponse,
  ssoId: z.string(),
});
export type SsoSettingsResponse = z.input<typeof SsoSettingsResponse>;

/** LoadAllSSOSettingsResponse: the key is `SSOSettings`, capital S, as the spec and the SDKs spell it. */
export const AllSsoSettingsResponse = z.object({ SSOSettings: z.array(SsoSettingsResponse) });
export type AllSsoSettingsResponse = z.input<typeof AllSsoSettingsResponse>;

/** v1 `sso/settings` (GET): the default configuration's SAML side, flat (the Node SDK's SSOSettingsResponse). */
export const V1SsoSettingsResponse = z.object({
  tenantId: z.string(),
  idpEntityId: z.string(),
  idpSSOUrl: z.string(),
  idpCertificate: z.string(),
  idpMetadataUrl: z.string(),
  spEntityId: z.string(),
  spACSUrl: z.string(),
  spCertificate: z.string(),
  userMapping: SamlAttributeMappingSchema,
  groupsMapping: z.array(GroupsMappingSchema),
  redirectUrl: z.string(),
  domains: z.array(z.string()),
  domain: z.string().describe('the first of domains'),
});
export type V1SsoSettingsResponse = z.input<typeof V1SsoSettingsResponse>;
