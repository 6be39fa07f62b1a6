/**
 * Descope's management paths in the families this mock covers (users, test users, tenants, roles,
 * permissions, access keys), as facts: the method and path from Descope's published OpenAPI document, and
 * the `@descope/node-sdk` 2.13.0 methods that call each (descope-api.md sections 4 and 5). The
 * endpoint table (docs/endpoints.md) is built from this list and the registry, so it shows what is not emulated yet.
 * test/openapi/descopeSpec.test.ts keeps the list equal to the published document when it is at hand.
 */

export interface DescopePath {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** `management.<family>.<method>`; empty when Node SDK 2.13.0 never calls the path. */
  sdkMethods: string[];
}

/** The path families listed here, as the spec test selects them from the published document. */
export const DESCOPE_PATH_FAMILIES =
  /^\/v[12]\/mgmt\/(user|users|tests|tenant|role|permission|accesskey)(\/|$)/;

const at =
  (family: string) =>
  (method: DescopePath['method'], path: string, ...names: string[]): DescopePath => ({
    method,
    path,
    sdkMethods: names.map((name) => `management.${family}.${name}`),
  });
const user = at('user');
const tenant = at('tenant');
const role = at('role');
const permission = at('permission');
const accessKey = at('accessKey');

/** In Descope's published document. */
export const DESCOPE_PATHS: readonly DescopePath[] = [
  user('POST', '/v1/mgmt/user/create', 'create', 'invite'),
  user('POST', '/v1/mgmt/user/create/test', 'createTestUser'),
  user('POST', '/v1/mgmt/user/create/batch', 'createBatch', 'inviteBatch'),
  user('POST', '/v1/mgmt/user/update', 'update'),
  user('PATCH', '/v1/mgmt/user/patch', 'patch'),
  user('PATCH', '/v1/mgmt/user/patch/batch', 'patchBatch'),
  user('POST', '/v1/mgmt/user/delete', 'delete', 'deleteByUserId'),
  user('POST', '/v1/mgmt/user/delete/batch', 'deleteBatch'),
  user('DELETE', '/v1/mgmt/user/test/delete/all', 'deleteAllTestUsers'),
  user('GET', '/v1/mgmt/user', 'load', 'loadByUserId'),
  user('POST', '/v1/mgmt/users/load', 'loadUsers'),
  user('POST', '/v2/mgmt/user/search', 'search', 'searchAll'),
  user('POST', '/v2/mgmt/user/search/test', 'searchTestUsers'),
  user('POST', '/v1/mgmt/user/search'),
  user('GET', '/v1/mgmt/user/provider/token', 'getProviderToken'),
  user('POST', '/v1/mgmt/user/update/status', 'activate', 'deactivate'),
  user('POST', '/v1/mgmt/user/update/loginid', 'updateLoginId'),
  user('POST', '/v1/mgmt/user/update/email', 'updateEmail'),
  user('POST', '/v1/mgmt/user/update/phone', 'updatePhone'),
  user('POST', '/v1/mgmt/user/update/name', 'updateDisplayName', 'updateUserNames'),
  user('POST', '/v1/mgmt/user/update/picture', 'updatePicture'),
  user('POST', '/v1/mgmt/user/update/customAttribute', 'updateCustomAttribute'),
  user('POST', '/v1/mgmt/user/update/recovery/email', 'updateRecoveryEmail'),
  user('POST', '/v1/mgmt/user/update/recovery/phone', 'updateRecoveryPhone'),
  user('POST', '/v1/mgmt/user/update/impersonationConsent'),
  user('POST', '/v1/mgmt/user/update/role/set', 'setRoles', 'setTenantRoles'),
  user('POST', '/v2/mgmt/user/update/role/add', 'addRoles', 'addTenantRoles'),
  user('POST', '/v1/mgmt/user/update/role/add'),
  user('POST', '/v1/mgmt/user/update/role/remove', 'removeRoles', 'removeTenantRoles'),
  user('POST', '/v1/mgmt/user/update/tenant/add', 'addTenant'),
  user('POST', '/v1/mgmt/user/update/tenant/remove', 'removeTenant'),
  user('POST', '/v1/mgmt/user/update/ssoapp/add', 'addSSOapps'),
  user('POST', '/v1/mgmt/user/update/ssoapp/set', 'setSSOapps'),
  user('POST', '/v1/mgmt/user/update/ssoapp/remove', 'removeSSOapps'),
  user('POST', '/v1/mgmt/user/logout', 'logoutUser', 'logoutUserByUserId'),
  user('POST', '/v1/mgmt/user/password/set/temporary', 'setTemporaryPassword'),
  user('POST', '/v1/mgmt/user/password/set/active', 'setActivePassword'),
  user('POST', '/v1/mgmt/user/password/expire', 'expirePassword'),
  user('POST', '/v1/mgmt/user/passkeys/delete', 'removeAllPasskeys'),
  user('POST', '/v1/mgmt/user/passkey/delete', 'removePasskey'),
  user('POST', '/v1/mgmt/user/passkeys/list', 'listPasskeys'),
  user('POST', '/v1/mgmt/user/passkeys/import'),
  user('POST', '/v1/mgmt/user/totp/delete', 'removeTOTPSeed'),
  user('POST', '/v1/mgmt/user/trusteddevices/list', 'listTrustedDevices'),
  user('POST', '/v1/mgmt/user/trusteddevices/remove', 'removeTrustedDevices'),
  user('POST', '/v1/mgmt/user/history', 'history'),
  user('POST', '/v2/mgmt/user/history'),
  user('GET', '/v1/mgmt/user/customattributes', 'getCustomAttributes'),
  user('POST', '/v1/mgmt/user/customattribute/create', 'createCustomAttributes'),
  user('POST', '/v1/mgmt/user/customattribute/delete', 'deleteCustomAttributes'),
  user('POST', '/v1/mgmt/tests/generate/otp', 'generateOTPForTestUser'),
  user('POST', '/v1/mgmt/tests/generate/magiclink', 'generateMagicLinkForTestUser'),
  user('POST', '/v1/mgmt/tests/generate/enchantedlink', 'generateEnchantedLinkForTestUser'),
  user('POST', '/v1/mgmt/user/signin/embeddedlink', 'generateEmbeddedLink'),
  user('POST', '/v1/mgmt/user/signup/embeddedlink', 'generateSignUpEmbeddedLink'),

  tenant('POST', '/v1/mgmt/tenant/create', 'create', 'createWithId'),
  tenant('POST', '/v1/mgmt/tenant/update', 'update'),
  tenant('POST', '/v1/mgmt/tenant/updateDefaultRoles', 'updateDefaultRoles'),
  tenant('POST', '/v1/mgmt/tenant/delete', 'delete'),
  tenant('GET', '/v1/mgmt/tenant', 'load'),
  tenant('GET', '/v1/mgmt/tenant/all', 'loadAll'),
  tenant('POST', '/v1/mgmt/tenant/search', 'searchAll'),
  tenant('GET', '/v1/mgmt/tenant/settings', 'getSettings'),
  tenant('POST', '/v1/mgmt/tenant/settings', 'configureSettings'),
  tenant('POST', '/v2/mgmt/tenant/adminlinks/sso/generate', 'generateSSOConfigurationLink'),
  tenant('POST', '/v1/mgmt/tenant/adminlinks/sso/revoke', 'revokeSSOConfigurationLink'),
  tenant('POST', '/v1/mgmt/tenant/adminlinks/sso/generate'),
  tenant('POST', '/v1/mgmt/tenant/adminlinks/sso/send'),
  tenant('POST', '/v1/mgmt/tenant/adminlinks/sso/authenticated'),
  tenant('POST', '/v1/mgmt/tenant/sso-user-remove'),

  role('POST', '/v1/mgmt/role/create', 'create'),
  role('POST', '/v1/mgmt/role/create/batch', 'createBatch'),
  role('POST', '/v1/mgmt/role/update', 'update', 'updateWithId'),
  role('POST', '/v1/mgmt/role/update/batch', 'updateBatch'),
  role('POST', '/v1/mgmt/role/delete', 'delete', 'deleteWithId'),
  role('POST', '/v1/mgmt/role/delete/batch', 'deleteBatch'),
  role('GET', '/v1/mgmt/role/all', 'loadAll'),
  role('POST', '/v1/mgmt/role/search', 'search'),

  permission('POST', '/v1/mgmt/permission/create', 'create'),
  permission('POST', '/v1/mgmt/permission/create/batch', 'createBatch'),
  permission('POST', '/v1/mgmt/permission/update', 'update', 'updateWithId'),
  permission('POST', '/v1/mgmt/permission/update/batch', 'updateBatch'),
  permission('POST', '/v1/mgmt/permission/delete', 'delete', 'deleteWithId'),
  permission('POST', '/v1/mgmt/permission/delete/batch', 'deleteBatch'),
  permission('GET', '/v1/mgmt/permission/all', 'loadAll'),

  accessKey('POST', '/v1/mgmt/accesskey/create', 'create'),
  accessKey('GET', '/v1/mgmt/accesskey', 'load'),
  accessKey('POST', '/v1/mgmt/accesskey/search', 'searchAll'),
  accessKey('POST', '/v1/mgmt/accesskey/update', 'update'),
  accessKey('POST', '/v1/mgmt/accesskey/activate', 'activate'),
  accessKey('POST', '/v1/mgmt/accesskey/activate/batch', 'activateBatch'),
  accessKey('POST', '/v1/mgmt/accesskey/deactivate', 'deactivate'),
  accessKey('POST', '/v1/mgmt/accesskey/deactivate/batch', 'deactivateBatch'),
  accessKey('POST', '/v1/mgmt/accesskey/delete', 'delete'),
  accessKey('POST', '/v1/mgmt/accesskey/delete/batch', 'deleteBatch'),
  accessKey('POST', '/v1/mgmt/accesskey/import'),
];

/**
 * Called by Node SDK 2.13.0 but absent from the published document: the known exceptions of the check
 * that every emulated path is one of Descope's.
 */
export const UNPUBLISHED_SDK_PATHS: readonly DescopePath[] = [
  { method: 'GET', path: '/v1/mgmt/license', sdkMethods: ['(DescopeClient construction)'] },
  user('POST', '/v1/mgmt/user/password/set', 'setPassword'),
  user('POST', '/v1/mgmt/user/import', 'import'),
  accessKey('POST', '/v1/mgmt/accesskey/rotate', 'rotate'),
  // Not called by 2.13.0: Node SDK 2.14.0 adds it as removeRecoveryCodes (descope-api.md 4.15).
  user('POST', '/v1/mgmt/user/recovery-codes/delete'),
  // The auth API's, not in the spec: core-js `myTenants` (descope-auth-api.md §5).
  { method: 'POST', path: '/v1/auth/me/tenants', sdkMethods: ['myTenants'] },
  // The OTP WhatsApp paths every SDK calls (descope-auth-api.md §6.0).
  { method: 'POST', path: '/v1/auth/otp/signin/whatsapp', sdkMethods: ['otp.signIn.whatsapp'] },
  { method: 'POST', path: '/v1/auth/otp/signup/whatsapp', sdkMethods: ['otp.signUp.whatsapp'] },
  { method: 'POST', path: '/v1/auth/otp/signup-in/whatsapp', sdkMethods: ['otp.signUpOrIn.whatsapp'] },
  { method: 'POST', path: '/v1/auth/otp/verify/whatsapp', sdkMethods: ['otp.verify.whatsapp'] },
  { method: 'POST', path: '/v1/auth/otp/update/phone/whatsapp', sdkMethods: ['otp.update.phone.whatsapp'] },
  // Magic link by WhatsApp, and its phone update by WhatsApp and IM, which core-js calls (§6.2).
  { method: 'POST', path: '/v1/auth/magiclink/signin/whatsapp', sdkMethods: ['magicLink.signIn.whatsapp'] },
  { method: 'POST', path: '/v1/auth/magiclink/signup/whatsapp', sdkMethods: ['magicLink.signUp.whatsapp'] },
  {
    method: 'POST',
    path: '/v1/auth/magiclink/signup-in/whatsapp',
    sdkMethods: ['magicLink.signUpOrIn.whatsapp'],
  },
  {
    method: 'POST',
    path: '/v1/auth/magiclink/update/phone/whatsapp',
    sdkMethods: ['magicLink.update.phone.whatsapp'],
  },
  { method: 'POST', path: '/v1/auth/magiclink/update/phone/im', sdkMethods: ['magicLink.update.phone.im'] },
  // Engines and client assertions: the Node SDK's only (descope-mgmt-more.md §15, §4).
  { method: 'POST', path: '/v1/mgmt/engine/create', sdkMethods: ['management.engine.create'] },
  { method: 'POST', path: '/v1/mgmt/engine/update', sdkMethods: ['management.engine.update'] },
  { method: 'POST', path: '/v1/mgmt/engine/delete', sdkMethods: ['management.engine.delete'] },
  { method: 'GET', path: '/v1/mgmt/engine/load', sdkMethods: ['management.engine.load'] },
  { method: 'GET', path: '/v1/mgmt/engines/load', sdkMethods: ['management.engine.loadAll'] },
  { method: 'POST', path: '/v1/mgmt/engine/rotate', sdkMethods: ['management.engine.rotateSecret'] },
  {
    method: 'POST',
    path: '/v1/mgmt/token/clientassertion',
    sdkMethods: ['management.jwt.generateClientAssertionJwt'],
  },
];
