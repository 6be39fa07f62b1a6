import { z } from 'zod';

/**
 * The wire shapes of SSO (federated IdP) applications, management `sso/idp/app…` (descope-mgmt-more.md §3;
 * spec `CreateUpdateSSO{OIDC,SAML,WSFed}ApplicationRequest`, `SSOApplication`). Bodies and queries are typed
 * as the handler receives them (`z.output`), answers as the handler gives them (`z.input`).
 */

export const SSO_APP_TYPES = ['oidc', 'saml', 'wsfed'] as const;
export type SsoAppType = (typeof SSO_APP_TYPES)[number];

const text = z.string().optional();
const flag = z.boolean().optional();
const strings = z.array(z.string()).optional();

export const AttributeMappingSchema = z.object({ name: text, type: text, value: text });
export const GroupsMappingSchema = z.object({
  name: text,
  type: text,
  filterType: text,
  value: text,
  roles: z.array(z.object({ id: text, name: text })).optional(),
});
const attributeMapping = z.array(AttributeMappingSchema).optional();
const groupsMapping = z.array(GroupsMappingSchema).optional();

/** Spec `JWTBearerSettings`: kept as given and answered back. */
export const JwtBearerSettingsSchema = z.object({
  issuers: z
    .record(
      z.string(),
      z.object({ jwksUri: text, signAlgorithm: text, userInfoUri: text, externalIdFieldName: text }),
    )
    .optional(),
  jwtBearerGrantTypeAudienceToUse: text,
  jwtBearerGrantTypeScopeToUse: text,
  jwtBearerGrantTypeCustomClaimsToUse: text,
});
export type JwtBearerSettings = z.output<typeof JwtBearerSettingsSchema>;

/** What every application type takes: its identity and where its users sign in. */
const commonFields = {
  name: text,
  description: text,
  enabled: flag,
  logo: text,
  loginPageUrl: text,
  forceAuthentication: flag,
};

export const OidcAppFields = z.object({
  ...commonFields,
  claims: strings,
  backChannelLogoutUrl: text,
  customIdpInitiatedLoginPageUrl: text,
  jwtBearerSettings: JwtBearerSettingsSchema.optional(),
});

export type OidcAppFields = z.output<typeof OidcAppFields>;

export const SamlAppFields = z.object({
  ...commonFields,
  useMetadataInfo: flag,
  metadataUrl: text,
  entityId: text,
  acsUrl: text,
  certificate: text,
  attributeMapping,
  groupsMapping,
  acsAllowedCallbacks: strings,
  subjectNameIdType: text,
  subjectNameIdFormat: text,
  defaultRelayState: text,
  logoutRedirectUrl: text,
  errorRedirectUrl: text,
  defaultSignatureAlgorithm: text,
});

export type SamlAppFields = z.output<typeof SamlAppFields>;

export const WsFedAppFields = z.object({
  ...commonFields,
  realm: text,
  replyUrl: text,
  attributeMapping,
  groupsMapping,
  logoutRedirectUrl: text,
  errorRedirectUrl: text,
});

export type WsFedAppFields = z.output<typeof WsFedAppFields>;

const id = {
  id: z.string().optional().describe('create: absent, one is generated; update: the app to replace'),
};

export const OidcAppBody = OidcAppFields.extend({
  ...id,
  clientSecret: z
    .string()
    .optional()
    .describe('create only: the client secret to keep (else one is generated)'),
});
export type OidcAppBody = z.output<typeof OidcAppBody>;
export const SamlAppBody = SamlAppFields.extend(id);
export type SamlAppBody = z.output<typeof SamlAppBody>;
export const WsFedAppBody = WsFedAppFields.extend(id);
export type WsFedAppBody = z.output<typeof WsFedAppBody>;

export const SsoAppIdBody = z.object({ id: z.string().optional() });
export type SsoAppIdBody = z.output<typeof SsoAppIdBody>;
export const SsoAppIdQuery = z.object({ id: z.string().optional() });
export type SsoAppIdQuery = z.output<typeof SsoAppIdQuery>;

export const CreateSsoAppResponse = z.object({ id: z.string() });
export type CreateSsoAppResponse = z.input<typeof CreateSsoAppResponse>;

export const SsoAppSecretResponse = z.object({ cleartext: z.string() });
export type SsoAppSecretResponse = z.input<typeof SsoAppSecretResponse>;

const wireAttributeMapping = z.array(z.object({ name: z.string(), type: z.string(), value: z.string() }));
const wireGroupsMapping = z.array(
  z.object({
    name: z.string(),
    type: z.string(),
    filterType: z.string(),
    value: z.string(),
    roles: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
);

const OidcSettingsResponse = z.object({
  loginPageUrl: z.string(),
  issuer: z.string(),
  discoveryUrl: z.string(),
  claims: z.array(z.string()),
  forceAuthentication: z.boolean(),
  backChannelLogoutUrl: z.string(),
  customIdpInitiatedLoginPageUrl: z.string(),
  jwtBearerSettings: JwtBearerSettingsSchema.optional(),
});

const SamlSettingsResponse = z.object({
  loginPageUrl: z.string(),
  idpCert: z.string(),
  useMetadataInfo: z.boolean(),
  metadataUrl: z.string(),
  entityId: z.string(),
  acsUrl: z.string(),
  certificate: z.string(),
  attributeMapping: wireAttributeMapping,
  groupsMapping: wireGroupsMapping,
  idpMetadataUrl: z.string(),
  idpEntityId: z.string(),
  idpSsoUrl: z.string(),
  acsAllowedCallbacks: z.array(z.string()),
  subjectNameIdType: z.string(),
  subjectNameIdFormat: z.string(),
  defaultRelayState: z.string(),
  idpInitiatedUrl: z.string(),
  forceAuthentication: z.boolean(),
  idpLogoutUrl: z.string(),
  logoutRedirectUrl: z.string(),
  errorRedirectUrl: z.string(),
  defaultSignatureAlgorithm: z.string(),
});

const WsFedSettingsResponse = z.object({
  loginPageUrl: z.string(),
  realm: z.string(),
  replyUrl: z.string(),
  attributeMapping: wireAttributeMapping,
  groupsMapping: wireGroupsMapping,
  forceAuthentication: z.boolean(),
  logoutRedirectUrl: z.string(),
  errorRedirectUrl: z.string(),
  idpCert: z.string(),
  idpInitiatedUrl: z.string(),
  idpMetadataUrl: z.string(),
  idpEntityId: z.string(),
  idpSsoUrl: z.string(),
  idpLogoutUrl: z.string(),
});

/** Spec `SSOApplication`: every settings block present, the ones of other types empty. */
export const SsoApplicationResponse = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  logo: z.string(),
  appType: z.enum(SSO_APP_TYPES),
  oidcSettings: OidcSettingsResponse,
  samlSettings: SamlSettingsResponse,
  wsfedSettings: WsFedSettingsResponse,
});
export type SsoApplicationResponse = z.input<typeof SsoApplicationResponse>;
export type OidcSettingsResponse = z.input<typeof OidcSettingsResponse>;
export type SamlSettingsResponse = z.input<typeof SamlSettingsResponse>;
export type WsFedSettingsResponse = z.input<typeof WsFedSettingsResponse>;

export const LoadAllSsoAppsResponse = z.object({ apps: z.array(SsoApplicationResponse) });
export type LoadAllSsoAppsResponse = z.input<typeof LoadAllSsoAppsResponse>;
