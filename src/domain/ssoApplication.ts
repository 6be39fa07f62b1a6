import { missing } from '../errors.js';
import type {
  JwtBearerSettings,
  OidcAppFields,
  SamlAppFields,
  SsoAppType,
  WsFedAppFields,
} from '../schemas/ssoApplication.js';
import { randomId } from './ids.js';
import { DEFAULT_SSO_APP } from './role.js';

/**
 * SSO (federated IdP) applications (descope-mgmt-more.md §3): Descope as the identity provider of the
 * project's own apps, by OIDC, SAML or WS-Fed. A record is what a create or update took, every field filled
 * (the same in the store, a fixture and a snapshot); the wire form (./ssoApplicationWire.ts) adds what
 * Descope derives (issuer and IdP URLs) and the empty blocks of the other types.
 */

export interface AttributeMapping {
  name: string;
  type: string;
  value: string;
}

export interface GroupsMapping {
  name: string;
  type: string;
  filterType: string;
  value: string;
  roles: { id: string; name: string }[];
}

interface SsoAppBase {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  logo: string;
  loginPageUrl: string;
  forceAuthentication: boolean;
}

export interface OidcAppRecord extends SsoAppBase {
  appType: 'oidc';
  claims: string[];
  backChannelLogoutUrl: string;
  customIdpInitiatedLoginPageUrl: string;
  jwtBearerSettings?: JwtBearerSettings;
  /** The client secret, kept in cleartext: `app/secret` answers it. */
  secret: string;
}

export interface SamlAppRecord extends SsoAppBase {
  appType: 'saml';
  useMetadataInfo: boolean;
  metadataUrl: string;
  entityId: string;
  acsUrl: string;
  certificate: string;
  attributeMapping: AttributeMapping[];
  groupsMapping: GroupsMapping[];
  acsAllowedCallbacks: string[];
  subjectNameIdType: string;
  subjectNameIdFormat: string;
  defaultRelayState: string;
  logoutRedirectUrl: string;
  errorRedirectUrl: string;
  defaultSignatureAlgorithm: string;
}

export interface WsFedAppRecord extends SsoAppBase {
  appType: 'wsfed';
  realm: string;
  replyUrl: string;
  attributeMapping: AttributeMapping[];
  groupsMapping: GroupsMapping[];
  logoutRedirectUrl: string;
  errorRedirectUrl: string;
}

export type SsoApplicationRecord = OidcAppRecord | SamlAppRecord | WsFedAppRecord;

/** What a create or update of each type takes (the wire body without `id`). */
export interface SsoAppInputs {
  oidc: OidcAppFields;
  saml: SamlAppFields;
  wsfed: WsFedAppFields;
}

/**
 * Vendor behaviour (inferred): a generated app ID is shaped like Descope's other IDs, `SA` and 26
 * alphanumerics; a client secret is 48 alphanumerics.
 */
export const newSsoAppId = (): string => randomId('SA');
export const newClientSecret = (): string => randomId('', 48);

const attributeMappingOf = (given: SamlAppFields['attributeMapping']): AttributeMapping[] =>
  (given ?? []).map((item) => ({ name: item.name ?? '', type: item.type ?? '', value: item.value ?? '' }));

const groupsMappingOf = (given: SamlAppFields['groupsMapping']): GroupsMapping[] =>
  (given ?? []).map((item) => ({
    name: item.name ?? '',
    type: item.type ?? '',
    filterType: item.filterType ?? '',
    value: item.value ?? '',
    roles: (item.roles ?? []).map((role) => ({ id: role.id ?? '', name: role.name ?? '' })),
  }));

/**
 * The record a create or update of `appType` makes: every field the body left out takes its empty value.
 * Vendor behaviour (inferred): an update is a full replace with the same defaults as a create, `enabled`
 * true included (the Node SDK sends `enabled: true` on create when the caller gives none). Only `name` is
 * required: the live service creates an OIDC app from a name alone (.NET live tests).
 */
export function ssoAppRecord<T extends SsoAppType>(
  appType: T,
  id: string,
  input: SsoAppInputs[T],
  secret = '',
): SsoApplicationRecord {
  if (!input.name) throw missing('name');
  const base = {
    id,
    appType,
    name: input.name,
    description: input.description ?? '',
    enabled: input.enabled ?? true,
    logo: input.logo ?? '',
    loginPageUrl: input.loginPageUrl ?? '',
    forceAuthentication: input.forceAuthentication ?? false,
  };
  if (appType === 'oidc') {
    const oidc = input as OidcAppFields;
    return {
      ...base,
      appType: 'oidc',
      claims: oidc.claims ?? [],
      backChannelLogoutUrl: oidc.backChannelLogoutUrl ?? '',
      customIdpInitiatedLoginPageUrl: oidc.customIdpInitiatedLoginPageUrl ?? '',
      ...(oidc.jwtBearerSettings && { jwtBearerSettings: oidc.jwtBearerSettings }),
      secret: secret || newClientSecret(),
    };
  }
  if (appType === 'saml') {
    const saml = input as SamlAppFields;
    return {
      ...base,
      appType: 'saml',
      useMetadataInfo: saml.useMetadataInfo ?? false,
      metadataUrl: saml.metadataUrl ?? '',
      entityId: saml.entityId ?? '',
      acsUrl: saml.acsUrl ?? '',
      certificate: saml.certificate ?? '',
      attributeMapping: attributeMappingOf(saml.attributeMapping),
      groupsMapping: groupsMappingOf(saml.groupsMapping),
      acsAllowedCallbacks: saml.acsAllowedCallbacks ?? [],
      subjectNameIdType: saml.subjectNameIdType ?? '',
      subjectNameIdFormat: saml.subjectNameIdFormat ?? '',
      defaultRelayState: saml.defaultRelayState ?? '',
      logoutRedirectUrl: saml.logoutRedirectUrl ?? '',
      errorRedirectUrl: saml.errorRedirectUrl ?? '',
      defaultSignatureAlgorithm: saml.defaultSignatureAlgorithm ?? '',
    };
  }
  const wsfed = input as WsFedAppFields;
  return {
    ...base,
    appType: 'wsfed',
    realm: wsfed.realm ?? '',
    replyUrl: wsfed.replyUrl ?? '',
    attributeMapping: attributeMappingOf(wsfed.attributeMapping),
    groupsMapping: groupsMappingOf(wsfed.groupsMapping),
    logoutRedirectUrl: wsfed.logoutRedirectUrl ?? '',
    errorRedirectUrl: wsfed.errorRedirectUrl ?? '',
  };
}

/** The application every new project has (DESIGN.md), an enabled OIDC app with nothing configured. */
export const defaultSsoApplication = (secret = newClientSecret()): SsoApplicationRecord =>
  ssoAppRecord('oidc', DEFAULT_SSO_APP.id, { name: DEFAULT_SSO_APP.name }, secret);

/**
 * Vendor behaviour (inferred): the seeded `descope-default-oidc` cannot be deleted (it is the project's own
 * OIDC client, and users' `ssoAppIds` may always name it).
 */
export const isDefaultSsoApp = (id: string): boolean => id === DEFAULT_SSO_APP.id;
