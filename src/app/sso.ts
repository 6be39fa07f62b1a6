import { randomId } from '../domain/ids.js';
import {
  blankSsoConfig,
  configureOidc,
  configureSaml,
  type SsoConfig,
  type SsoRoles,
} from '../domain/sso.js';
import { dedupe } from '../domain/tenant.js';
import { missing, required } from '../errors.js';
import type {
  AllSsoSettingsResponse,
  ConfigureOidcBody,
  ConfigureRedirectBody,
  ConfigureSamlBody,
  NewSsoSettingsBody,
  RecalculateMappingsBody,
  SsoSettingsQuery,
  SsoSettingsResponse,
  SsoTenantQuery,
} from '../schemas/sso.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Store } from '../store/index.js';
import type { Services } from './operation.js';
import { requireSsoConfig, requireSsoTenant, ssoRolesOf } from './ssoLookup.js';
import { wireSsoSettings } from './ssoWire.js';

/**
 * A tenant's SSO configurations (descope-mgmt-more.md §2): the v2 loads, new and delete, the OIDC, SAML
 * and redirect configure calls. The v1 views of the default configuration are in ./ssoV1.ts, the links in
 * ./ssoLinks.ts. Every configure sets the tenant's `authType` and, when given, its `domains`, so an SSO
 * sign-in (src/app/oauthSignIn.ts) finds the tenant by them.
 */

/** Who and where, for an answer: the SP fields are derived from the project, tenant and origin. */
export interface At {
  projectId: string;
  origin: string;
}

export function loadSsoSettings(services: Services, at: At, query: SsoSettingsQuery): SsoSettingsResponse {
  const { store } = services;
  const tenant = requireSsoTenant(store, at.projectId, query.tenantId);
  const config = requireSsoConfig(store, at.projectId, tenant.id, query.ssoId);
  return wireSsoSettings(store, at, tenant, config);
}

/**
 * Every configuration of the tenant, the default one first (listed even when never configured).
 * Vendor behaviour (inferred): the default configuration is always part of the list.
 */
export function loadAllSsoSettings(
  services: Services,
  at: At,
  query: SsoTenantQuery,
): AllSsoSettingsResponse {
  const { store } = services;
  const tenant = requireSsoTenant(store, at.projectId, query.tenantId);
  const stored = store.ssoSettings.list(at.projectId, tenant.id);
  const configs = stored.some((config) => config.ssoId === '') ? stored : [blankSsoConfig(''), ...stored];
  return { SSOSettings: configs.map((config) => wireSsoSettings(store, at, tenant, config)) };
}

/**
 * sso/settings/new: a blank configuration beside the default one, answered in the load shape.
 * Vendor behaviour (inferred): without an `ssoId` the mock makes one up (`SI…`); `displayName` is required;
 * an `ssoId` the tenant already has is refused (400 E011004).
 */
export function newSsoSettings(services: Services, at: At, body: NewSsoSettingsBody): SsoSettingsResponse {
  const { store } = services;
  const tenant = requireSsoTenant(store, at.projectId, body.tenantId);
  const displayName = required(body.displayName, 'displayName');
  const config = blankSsoConfig(body.ssoId || randomId('SI'), displayName);
  store.ssoSettings.insert(at.projectId, tenant.id, config);
  return wireSsoSettings(store, at, tenant, config);
}

/**
 * sso/settings (DELETE): the default configuration goes back to blank (a load still answers it, IdP fields
 * empty, python-sdk and .NET e2e); an added one is removed. Its links are revoked.
 * Vendor behaviour (inferred): deleting the default configuration sets the tenant's `authType` to `none` and
 * clears its SSO `domains`, which a configure had set.
 */
export function deleteSsoSettings(
  services: Services,
  projectId: string,
  query: SsoSettingsQuery,
): VoidResponse {
  const { store } = services;
  const tenant = requireSsoTenant(store, projectId, query.tenantId);
  const ssoId = query.ssoId ?? '';
  requireSsoConfig(store, projectId, tenant.id, ssoId);
  store.ssoSettings.delete(projectId, tenant.id, ssoId);
  store.ssoSettings.revokeLinks(projectId, tenant.id, ssoId);
  if (ssoId === '') store.tenants.update(projectId, { ...tenant, authType: 'none', domains: [] });
  return {};
}

/**
 * Loads the configuration, applies `change`, writes it back and sets the tenant's `authType` (when given)
 * and `domains` (when given: `[]` clears them).
 */
export function changeSsoConfig(
  store: Store,
  projectId: string,
  target: { tenantId?: string | undefined; ssoId?: string | undefined },
  tenantChange: { authType?: string; domains?: string[] | undefined },
  change: (config: SsoConfig, roles: SsoRoles) => SsoConfig,
): void {
  const tenant = requireSsoTenant(store, projectId, target.tenantId);
  const config = requireSsoConfig(store, projectId, tenant.id, target.ssoId);
  store.ssoSettings.save(projectId, tenant.id, change(config, ssoRolesOf(store, projectId, tenant.id)));
  const { authType = tenant.authType, domains } = tenantChange;
  const nextDomains = domains === undefined ? tenant.domains : dedupe(domains);
  if (authType !== tenant.authType || nextDomains !== tenant.domains) {
    store.tenants.update(projectId, { ...tenant, authType, domains: nextDomains });
  }
}

/** sso/oidc: the OIDC block (absent keys unchanged); the tenant's auth type becomes `oidc`. */
export function configureOidcSettings(
  services: Services,
  projectId: string,
  body: ConfigureOidcBody,
): VoidResponse {
  changeSsoConfig(
    services.store,
    projectId,
    body,
    // Vendor behaviour (inferred): a configure sets the tenant's authType to the protocol configured.
    { authType: 'oidc', domains: body.domains },
    (config, roles) => ({ ...config, oidc: configureOidc(config.oidc, requiredSettings(body), roles) }),
  );
  return {};
}

/**
 * sso/saml and sso/saml/metadata: the SAML block, `redirectUrl` beside the settings. The metadata URL is
 * stored, never fetched (the mock reaches no IdP). The tenant's auth type becomes `saml`.
 */
export function configureSamlSettings(
  services: Services,
  projectId: string,
  body: ConfigureSamlBody,
  byMetadata: boolean,
): VoidResponse {
  changeSsoConfig(
    services.store,
    projectId,
    body,
    { authType: 'saml', domains: body.domains },
    (config, roles) => ({
      ...config,
      saml: {
        ...configureSaml(config.saml, requiredSettings(body, byMetadata), roles),
        redirectUrl: body.redirectUrl ?? config.saml.redirectUrl,
      },
    }),
  );
  return {};
}

/**
 * A configure call's `settings` (checked once the tenant is found); by metadata, with its URL.
 * Vendor behaviour (inferred): both are required (400 E011002), as the SDKs' types have them.
 */
function requiredSettings<S extends object>(body: { settings?: S }, byMetadata = false): S {
  if (!body.settings) throw missing('settings');
  if (byMetadata && !(body.settings as { idpMetadataUrl?: string }).idpMetadataUrl) {
    throw missing('idpMetadataUrl');
  }
  return body.settings;
}

/** sso/redirect: the SAML and OAuth redirect URLs; an absent one stays. */
export function configureSsoRedirect(
  services: Services,
  projectId: string,
  body: ConfigureRedirectBody,
): VoidResponse {
  changeSsoConfig(services.store, projectId, body, {}, (config) => ({
    ...config,
    saml: { ...config.saml, redirectUrl: body.samlRedirectUrl ?? config.saml.redirectUrl },
    oidc: { ...config.oidc, redirectUrl: body.oauthRedirectUrl ?? config.oidc.redirectUrl },
  }));
  return {};
}

/**
 * sso/recalculate-mappings: would re-apply the group mappings to the users an IdP put in groups. The mock
 * holds no IdP groups yet, so there is nothing to re-apply: `{}` once the tenant and configuration exist.
 */
export function recalculateSsoMappings(
  services: Services,
  projectId: string,
  body: RecalculateMappingsBody,
): VoidResponse {
  const tenant = requireSsoTenant(services.store, projectId, body.tenantId);
  requireSsoConfig(services.store, projectId, tenant.id, body.ssoId);
  return {};
}
