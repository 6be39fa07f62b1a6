import { defineOperation, NO_DOCUMENTED_EVENT } from '../../app/operation.js';
import {
  configureV1Mapping,
  configureV1Metadata,
  configureV1Settings,
  loadV1SsoSettings,
} from '../../app/ssoV1.js';
import {
  SsoTenantQuery,
  V1ConfigureMappingBody,
  V1ConfigureMetadataBody,
  V1ConfigureSettingsBody,
  V1SsoSettingsResponse,
} from '../../schemas/sso.js';
import { VoidResponse } from '../../schemas/void.js';

/**
 * The v1 SSO calls (descope-mgmt-more.md §2.2): the default configuration's SAML block, flat. Not in the
 * published spec; the paths and shapes are the Node SDK's. Descope's operation IDs are made up here.
 */
const tag = 'Tenant SSO';

export const ssoV1Operations = [
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/sso/settings',
    sdkMethods: ['management.sso.getSettings'],
    summary: "A tenant's default SAML configuration, flat (v1; domain = the first of domains)",
    operationId: 'GetSSOSettingsV1',
    tag,
    query: SsoTenantQuery,
    answersUrls: true,
    response: V1SsoSettingsResponse,
    handler: ({ query, projectId, services, caller }) =>
      loadV1SsoSettings(services, { projectId, origin: caller.origin ?? '' }, query),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/sso/settings',
    sdkMethods: ['management.sso.configureSettings'],
    summary: 'Configure the default SAML connection by hand (v1: idpURL, entityId, idpCert, redirectURL)',
    operationId: 'ConfigureSSOSettingsV1',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: V1ConfigureSettingsBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => configureV1Settings(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/sso/metadata',
    sdkMethods: ['management.sso.configureMetadata'],
    summary: 'Configure the default SAML connection by metadata URL (v1; never fetched)',
    operationId: 'ConfigureSSOMetadataV1',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: V1ConfigureMetadataBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => configureV1Metadata(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/sso/mapping',
    sdkMethods: ['management.sso.configureMapping'],
    summary: 'Replace the default SAML role and attribute mappings (v1)',
    operationId: 'ConfigureSSOMappingV1',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: V1ConfigureMappingBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => configureV1Mapping(services, projectId, body),
  }),
];
