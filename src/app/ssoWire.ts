import {
  type OidcConfig,
  type SamlConfig,
  type SsoConfig,
  type SsoRoles,
  serviceProvider,
  wireDefaultRoles,
  wireGroupsMapping,
} from '../domain/sso.js';
import { type TenantRecord, toWireTenant } from '../domain/tenant.js';
import type { SsoSettingsResponse } from '../schemas/sso.js';
import type { Store } from '../store/index.js';
import { ssoRolesOf } from './ssoLookup.js';

/** An SSO configuration as the loads answer it (LoadSSOSettingsResponse): both blocks, always. */

export function wireSsoSettings(
  store: Store,
  at: { projectId: string; origin: string },
  tenant: TenantRecord,
  config: SsoConfig,
): SsoSettingsResponse {
  const roles = ssoRolesOf(store, at.projectId, tenant.id);
  const sp = serviceProvider(config.saml, { ...at, tenantId: tenant.id, ssoId: config.ssoId });
  return {
    tenant: toWireTenant(tenant, store.tenants.children(at.projectId, tenant.id)),
    saml: wireSaml(config.saml, sp, roles),
    oidc: wireOidc(config.oidc, roles),
    ssoId: config.ssoId,
  };
}

export function wireSaml(
  saml: SamlConfig,
  sp: { spEntityId: string; spACSUrl: string; spCertificate: string },
  roles: SsoRoles,
): SsoSettingsResponse['saml'] {
  return {
    idpEntityId: saml.idpEntityId,
    idpSSOUrl: saml.idpSSOUrl,
    idpCertificate: saml.idpCertificate,
    idpAdditionalCertificates: saml.idpAdditionalCertificates,
    idpMetadataUrl: saml.idpMetadataUrl,
    ...sp,
    attributeMapping: saml.attributeMapping,
    groupsMapping: wireGroupsMapping(saml.groupsMapping, roles),
    redirectUrl: saml.redirectUrl,
    subjectNameIdFormat: saml.subjectNameIdFormat,
    defaultSSORoles: wireDefaultRoles(saml.defaultSSORoles, roles),
    fgaMappings: saml.fgaMappings,
    groupsPriority: saml.groupsPriority,
    configFGATenantIDResourcePrefix: saml.configFGATenantIDResourcePrefix,
    configFGATenantIDResourceSuffix: saml.configFGATenantIDResourceSuffix,
  };
}

function wireOidc(oidc: OidcConfig, roles: SsoRoles): SsoSettingsResponse['oidc'] {
  return {
    ...oidc,
    // Never read back: the live service answers "" ("redacted by backend", python-sdk e2e).
    clientSecret: '',
    groupsMapping: wireGroupsMapping(oidc.groupsMapping, roles),
    defaultSSORoles: wireDefaultRoles(oidc.defaultSSORoles, roles),
  };
}
