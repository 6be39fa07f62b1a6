import DescopeClient from '@descope/node-sdk';
import type { TestMock } from '../../helpers/mock.js';

/** A new project of the running mock (bare, or seeded with `fixture`), with its credentials and SDK. */
export async function appProject(on: TestMock, fixture: Record<string, unknown> = {}) {
  const created = await on.control('POST', '/_mock/projects', fixture);
  if (created.status !== 201) throw new Error(`createProject: ${JSON.stringify(created.body)}`);
  const { projectId, managementKey } = created.body as { projectId: string; managementKey: string };
  return { projectId, managementKey, sdk: DescopeClient({ projectId, managementKey, baseUrl: on.url }) };
}

type Sdk = ReturnType<typeof DescopeClient>;

/** A user's `ssoAppIds`, which the Node SDK's UserResponse type leaves out. */
export const ssoAppIdsOf = (answer: { data?: unknown }): string[] | undefined =>
  (answer.data as { ssoAppIds?: string[] } | undefined)?.ssoAppIds;

/** The `ssoAppIds` of the user a login ID names, as `user.load` answers them. */
export const loadedSsoAppIds = async (sdk: Sdk, loginId: string) =>
  ssoAppIdsOf(await sdk.management.user.load(loginId));

/** The settings blocks of an application of another type: present, every field empty. */
const EMPTY_IDP = {
  idpCert: '',
  idpInitiatedUrl: '',
  idpMetadataUrl: '',
  idpEntityId: '',
  idpSsoUrl: '',
  idpLogoutUrl: '',
};
export const EMPTY_OIDC = {
  loginPageUrl: '',
  issuer: '',
  discoveryUrl: '',
  claims: [],
  forceAuthentication: false,
  backChannelLogoutUrl: '',
  customIdpInitiatedLoginPageUrl: '',
};
export const EMPTY_SAML = {
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
export const EMPTY_WSFED = {
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
