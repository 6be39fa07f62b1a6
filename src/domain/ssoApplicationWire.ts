import type {
  OidcSettingsResponse,
  SamlSettingsResponse,
  SsoApplicationResponse,
  WsFedSettingsResponse,
} from '../schemas/ssoApplication.js';
import { issuerOf } from './oidc.js';
import type { SsoApplicationRecord } from './ssoApplication.js';

/**
 * An SSO application as `app/load` and `apps/load` answer it (spec `SSOApplication`): the record's fields in
 * the block of its type, with what Descope derives, and the blocks of the other types present but empty.
 */

const EMPTY_OIDC: OidcSettingsResponse = {
  loginPageUrl: '',
  issuer: '',
  discoveryUrl: '',
  claims: [],
  forceAuthentication: false,
  backChannelLogoutUrl: '',
  customIdpInitiatedLoginPageUrl: '',
};

const EMPTY_IDP = {
  idpCert: '',
  idpInitiatedUrl: '',
  idpMetadataUrl: '',
  idpEntityId: '',
  idpSsoUrl: '',
  idpLogoutUrl: '',
};

const EMPTY_SAML: SamlSettingsResponse = {
  loginPageUrl: '',
  useMetadataInfo: false,
  metadataUrl: '',
  entityId: '',
  acsUrl: '',
  certificate: '',
  attributeMapping: [],
  groupsMapping: [],
  acsAllowedCallbacks: [],
  subjectNameIdType: '',
  subjectNameIdFormat: '',
  defaultRelayState: '',
  forceAuthentication: false,
  logoutRedirectUrl: '',
  errorRedirectUrl: '',
  defaultSignatureAlgorithm: '',
  ...EMPTY_IDP,
};

const EMPTY_WSFED: WsFedSettingsResponse = {
  loginPageUrl: '',
  realm: '',
  replyUrl: '',
  attributeMapping: [],
  groupsMapping: [],
  forceAuthentication: false,
  logoutRedirectUrl: '',
  errorRedirectUrl: '',
  ...EMPTY_IDP,
};

/**
 * Descope's IdP endpoints for a SAML or WS-Fed app, on the mock's origin. The metadata URL has Descope's
 * documented form (`/v1/auth/saml/idp/metadata?projectId=…&ssoAppId=…`). Vendor behaviour (inferred): the
 * SSO, logout and IdP-initiated URLs follow the same pattern, the entity ID is the metadata URL, and the
 * certificate is empty. The mock serves none of these (it signs no SAML or WS-Fed assertion).
 */
function idpUrls(protocol: 'saml' | 'wsfed', origin: string, projectId: string, appId: string) {
  const at = (what: string) =>
    `${origin}/v1/auth/${protocol}/idp/${what}?projectId=${encodeURIComponent(projectId)}&ssoAppId=${encodeURIComponent(appId)}`;
  const metadata = at('metadata');
  return {
    idpCert: '',
    idpInitiatedUrl: at('initiated'),
    idpMetadataUrl: metadata,
    idpEntityId: metadata,
    idpSsoUrl: at('sso'),
    idpLogoutUrl: at('logout'),
  };
}

/**
 * The app as `app/load` and `apps/load` answer it. An OIDC app's issuer is the mock's own OIDC provider,
 * `<origin>/<projectId>` as src/domain/oidc.ts serves it, and its discovery URL is that issuer's
 * `/.well-known/openid-configuration`, which the mock serves (descope-mgmt-more.md §3).
 */
export function ssoApplicationOnWire(
  app: SsoApplicationRecord,
  origin: string,
  projectId: string,
): SsoApplicationResponse {
  const wire: SsoApplicationResponse = {
    id: app.id,
    name: app.name,
    description: app.description,
    enabled: app.enabled,
    logo: app.logo,
    appType: app.appType,
    oidcSettings: EMPTY_OIDC,
    samlSettings: EMPTY_SAML,
    wsfedSettings: EMPTY_WSFED,
  };
  if (app.appType === 'oidc') {
    const issuer = issuerOf(origin, projectId);
    wire.oidcSettings = {
      loginPageUrl: app.loginPageUrl,
      issuer,
      discoveryUrl: `${issuer}/.well-known/openid-configuration`,
      claims: app.claims,
      forceAuthentication: app.forceAuthentication,
      backChannelLogoutUrl: app.backChannelLogoutUrl,
      customIdpInitiatedLoginPageUrl: app.customIdpInitiatedLoginPageUrl,
      ...(app.jwtBearerSettings && { jwtBearerSettings: app.jwtBearerSettings }),
    };
  } else if (app.appType === 'saml') {
    wire.samlSettings = {
      loginPageUrl: app.loginPageUrl,
      useMetadataInfo: app.useMetadataInfo,
      metadataUrl: app.metadataUrl,
      entityId: app.entityId,
      acsUrl: app.acsUrl,
      certificate: app.certificate,
      attributeMapping: app.attributeMapping,
      groupsMapping: app.groupsMapping,
      acsAllowedCallbacks: app.acsAllowedCallbacks,
      subjectNameIdType: app.subjectNameIdType,
      subjectNameIdFormat: app.subjectNameIdFormat,
      defaultRelayState: app.defaultRelayState,
      forceAuthentication: app.forceAuthentication,
      logoutRedirectUrl: app.logoutRedirectUrl,
      errorRedirectUrl: app.errorRedirectUrl,
      defaultSignatureAlgorithm: app.defaultSignatureAlgorithm,
      ...idpUrls('saml', origin, projectId, app.id),
    };
  } else {
    wire.wsfedSettings = {
      loginPageUrl: app.loginPageUrl,
      realm: app.realm,
      replyUrl: app.replyUrl,
      attributeMapping: app.attributeMapping,
      groupsMapping: app.groupsMapping,
      forceAuthentication: app.forceAuthentication,
      logoutRedirectUrl: app.logoutRedirectUrl,
      errorRedirectUrl: app.errorRedirectUrl,
      ...idpUrls('wsfed', origin, projectId, app.id),
    };
  }
  return wire;
}
