import { defineOperation, notAudited } from '../../app/operation.js';
import {
  configureOidcSettings,
  configureSamlSettings,
  configureSsoRedirect,
  deleteSsoSettings,
  loadAllSsoSettings,
  loadSsoSettings,
  newSsoSettings,
  recalculateSsoMappings,
} from '../../app/sso.js';
import {
  AllSsoSettingsResponse,
  ConfigureOidcBody,
  ConfigureRedirectBody,
  ConfigureSamlBody,
  NewSsoSettingsBody,
  RecalculateMappingsBody,
  SsoSettingsQuery,
  SsoSettingsResponse,
  SsoTenantQuery,
} from '../../schemas/sso.js';
import { VoidResponse } from '../../schemas/void.js';
import { ssoLinkOperations } from './ssoLinks.js';
import { ssoV1Operations } from './ssoV1.js';

// Vendor behaviour (inferred): Descope documents no audit event for these calls (descope-mgmt-more.md §5).
const NOT_AUDITED = notAudited('no documented audit event');

/** A tenant's SSO configurations (descope-mgmt-more.md §2): v2 loads, new, delete and the configure calls. */
const tag = 'Tenant SSO';

export const ssoOperations = [
  defineOperation({
    method: 'GET',
    path: '/v2/mgmt/sso/settings',
    sdkMethods: ['management.sso.loadSettings'],
    summary: "A tenant's SSO configuration (the default one unless ssoId names another): tenant, saml, oidc",
    operationId: 'LoadSSOSettings',
    tag,
    query: SsoSettingsQuery,
    answersUrls: true,
    response: SsoSettingsResponse,
    handler: ({ query, projectId, services, caller }) =>
      loadSsoSettings(services, { projectId, origin: caller.origin ?? '' }, query),
  }),
  defineOperation({
    method: 'GET',
    path: '/v2/mgmt/sso/settings/all',
    sdkMethods: ['management.sso.loadAllSettings'],
    summary: 'Every SSO configuration of a tenant, the default one first (under `SSOSettings`, capital S)',
    operationId: 'LoadAllSSOSettings',
    tag,
    query: SsoTenantQuery,
    answersUrls: true,
    response: AllSsoSettingsResponse,
    handler: ({ query, projectId, services, caller }) =>
      loadAllSsoSettings(services, { projectId, origin: caller.origin ?? '' }, query),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/sso/settings/new',
    sdkMethods: ['management.sso.newSettings'],
    summary: 'Add a blank SSO configuration to a tenant, answered in the load shape',
    operationId: 'NewSSOSettingsRequest',
    tag,
    audit: NOT_AUDITED,
    body: NewSsoSettingsBody,
    answersUrls: true,
    response: SsoSettingsResponse,
    handler: ({ body, projectId, services, caller }) =>
      newSsoSettings(services, { projectId, origin: caller.origin ?? '' }, body),
  }),
  defineOperation({
    method: 'DELETE',
    path: '/v1/mgmt/sso/settings',
    sdkMethods: ['management.sso.deleteSettings'],
    summary: 'Delete an SSO configuration (the default one goes back to blank; authType none)',
    operationId: 'DeleteSSOSettings',
    tag,
    audit: NOT_AUDITED,
    query: SsoSettingsQuery,
    response: VoidResponse,
    handler: ({ query, projectId, services }) => deleteSsoSettings(services, projectId, query),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/sso/oidc',
    sdkMethods: ['management.sso.configureOIDCSettings'],
    summary: "Configure a tenant's OIDC connection (the client secret is never read back)",
    operationId: 'ConfigureSSOOIDCSettings',
    tag,
    audit: NOT_AUDITED,
    body: ConfigureOidcBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => configureOidcSettings(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/sso/saml',
    sdkMethods: ['management.sso.configureSAMLSettings'],
    summary: "Configure a tenant's SAML connection by hand (IdP URL, entity ID, certificate, mappings)",
    operationId: 'ConfigureSSOSAMLSettings',
    tag,
    audit: NOT_AUDITED,
    body: ConfigureSamlBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => configureSamlSettings(services, projectId, body, false),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/sso/saml/metadata',
    sdkMethods: ['management.sso.configureSAMLByMetadata'],
    summary: "Configure a tenant's SAML connection by metadata URL (stored, never fetched)",
    operationId: 'ConfigureSSOSAMLSettingsByMetadata',
    tag,
    audit: NOT_AUDITED,
    body: ConfigureSamlBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => configureSamlSettings(services, projectId, body, true),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/sso/redirect',
    sdkMethods: ['management.sso.configureSSORedirectURL'],
    summary: 'Set the SAML and OAuth redirect URLs of an SSO configuration',
    operationId: 'ConfigureSSORedirectURL',
    tag,
    audit: NOT_AUDITED,
    body: ConfigureRedirectBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => configureSsoRedirect(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/sso/recalculate-mappings',
    sdkMethods: ['management.sso.recalculateSSOMappings'],
    summary: 'Re-apply the group mappings to IdP group members ({}: the mock holds no IdP groups)',
    operationId: 'RecalculateSSOMappings',
    tag,
    audit: NOT_AUDITED,
    body: RecalculateMappingsBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => recalculateSsoMappings(services, projectId, body),
  }),
  ...ssoV1Operations,
  ...ssoLinkOperations,
];
