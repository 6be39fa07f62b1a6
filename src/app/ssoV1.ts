import { defaultRolesFrom, roleMappingsFrom, samlMappingFrom, serviceProvider } from '../domain/sso.js';
import type {
  SsoTenantQuery,
  V1ConfigureMappingBody,
  V1ConfigureMetadataBody,
  V1ConfigureSettingsBody,
  V1SsoSettingsResponse,
} from '../schemas/sso.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Services } from './operation.js';
import type { At } from './sso.js';
import { changeSsoConfig } from './sso.js';
import { requireSsoConfig, requireSsoTenant, ssoRolesOf } from './ssoLookup.js';
import { wireSaml } from './ssoWire.js';

/**
 * The v1 SSO calls: views of the default configuration's SAML block, in the flat shape of the Node SDK's
 * `SSOSettingsResponse` (descope-mgmt-more.md §2.2; not in the published spec). Same record as v2.
 */

export function loadV1SsoSettings(services: Services, at: At, query: SsoTenantQuery): V1SsoSettingsResponse {
  const { store } = services;
  const tenant = requireSsoTenant(store, at.projectId, query.tenantId);
  const { saml } = requireSsoConfig(store, at.projectId, tenant.id);
  const sp = serviceProvider(saml, { ...at, tenantId: tenant.id, ssoId: '' });
  const wire = wireSaml(saml, sp, ssoRolesOf(store, at.projectId, tenant.id));
  return {
    tenantId: tenant.id,
    idpEntityId: wire.idpEntityId,
    idpSSOUrl: wire.idpSSOUrl,
    idpCertificate: wire.idpCertificate,
    idpMetadataUrl: wire.idpMetadataUrl,
    ...sp,
    userMapping: wire.attributeMapping,
    groupsMapping: wire.groupsMapping,
    redirectUrl: wire.redirectUrl,
    domains: tenant.domains,
    domain: tenant.domains[0] ?? '',
  };
}

/** v1 sso/settings (POST): the SAML connection entered by hand; absent values stay. */
export function configureV1Settings(
  services: Services,
  projectId: string,
  body: V1ConfigureSettingsBody,
): VoidResponse {
  changeSsoConfig(services.store, projectId, body, { authType: 'saml', domains: body.domains }, (config) => ({
    ...config,
    saml: {
      ...config.saml,
      idpSSOUrl: body.idpURL ?? config.saml.idpSSOUrl,
      idpEntityId: body.entityId ?? config.saml.idpEntityId,
      idpCertificate: body.idpCert ?? config.saml.idpCertificate,
      redirectUrl: body.redirectURL ?? config.saml.redirectUrl,
    },
  }));
  return {};
}

/**
 * v1 sso/metadata: the metadata URL (never fetched). Without a redirect URL the old one stays; the domains
 * are replaced, and `domain` reads the first (python-sdk e2e).
 */
export function configureV1Metadata(
  services: Services,
  projectId: string,
  body: V1ConfigureMetadataBody,
): VoidResponse {
  changeSsoConfig(services.store, projectId, body, { authType: 'saml', domains: body.domains }, (config) => ({
    ...config,
    saml: {
      ...config.saml,
      idpMetadataUrl: body.idpMetadataURL ?? config.saml.idpMetadataUrl,
      redirectUrl: body.redirectURL ?? config.saml.redirectUrl,
    },
  }));
  return {};
}

/**
 * v1 sso/mapping: the role mappings and the attribute mapping, each replaced whole when given (after
 * `{name: "MyName"}`, `email` is "", python-sdk e2e).
 * Vendor behaviour (inferred): a mapping alone leaves the tenant's auth type as it is.
 */
export function configureV1Mapping(
  services: Services,
  projectId: string,
  body: V1ConfigureMappingBody,
): VoidResponse {
  changeSsoConfig(services.store, projectId, body, {}, (config, roles) => ({
    ...config,
    saml: {
      ...config.saml,
      groupsMapping: body.roleMappings
        ? roleMappingsFrom(body.roleMappings, roles)
        : config.saml.groupsMapping,
      attributeMapping: body.attributeMapping
        ? samlMappingFrom(body.attributeMapping)
        : config.saml.attributeMapping,
      defaultSSORoles: body.defaultSSORoles
        ? defaultRolesFrom(body.defaultSSORoles, roles)
        : config.saml.defaultSSORoles,
    },
  }));
  return {};
}
