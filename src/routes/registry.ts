import type { Operation } from '../app/operation.js';
import { accessKeyExchangeOperations } from './auth/accessKey.js';
import { enchantedLinkOperations } from './auth/enchantedLink.js';
import { keyOperations } from './auth/keys.js';
import { magicLinkOperations } from './auth/magicLink.js';
import { oauthOperations } from './auth/oauth.js';
import { otpOperations } from './auth/otp.js';
import { passwordOperations } from './auth/password.js';
import { sessionOperations } from './auth/session.js';
import { totpOperations } from './auth/totp.js';
import { accessKeyOperations } from './mgmt/accesskey.js';
import { auditOperations } from './mgmt/audit.js';
import { authzOperations } from './mgmt/authz.js';
import { clientAssertionOperations } from './mgmt/clientAssertion.js';
import { descoperOperations } from './mgmt/descoper.js';
import { engineOperations } from './mgmt/engine.js';
import { fgaOperations } from './mgmt/fga.js';
import { flowOperations } from './mgmt/flow.js';
import { groupOperations } from './mgmt/group.js';
import { inboundApplicationOperations } from './mgmt/inboundApplication.js';
import { jwtOperations } from './mgmt/jwt.js';
import { jwtTemplateOperations } from './mgmt/jwtTemplate.js';
import { licenseOperations } from './mgmt/license.js';
import { listOperations } from './mgmt/list.js';
import { managementKeyOperations } from './mgmt/managementKey.js';
import { outboundApplicationOperations } from './mgmt/outboundApplication.js';
import { passwordSettingsOperations } from './mgmt/password.js';
import { permissionOperations } from './mgmt/permission.js';
import { projectOperations } from './mgmt/project.js';
import { roleOperations } from './mgmt/role.js';
import { scopeClaimMappingOperations } from './mgmt/scopeClaimMapping.js';
import { ssoOperations } from './mgmt/sso.js';
import { ssoApplicationOperations } from './mgmt/ssoApplication.js';
import { tenantOperations } from './mgmt/tenant.js';
import { testUserOperations } from './mgmt/tests.js';
import { themeOperations } from './mgmt/theme.js';
import { userBatchOperations } from './mgmt/user/batch.js';
import { userCredentialOperations } from './mgmt/user/credentials.js';
import { customAttributeOperations } from './mgmt/user/customAttributes.js';
import { embeddedLinkOperations } from './mgmt/user/embeddedLinks.js';
import { userImportOperations } from './mgmt/user/import.js';
import { userLifecycleOperations } from './mgmt/user/lifecycle.js';
import { userPatchOperations } from './mgmt/user/patch.js';
import { userRoleOperations } from './mgmt/user/roles.js';
import { userSearchOperations } from './mgmt/user/search.js';
import { userSessionOperations } from './mgmt/user/sessions.js';
import { userUpdateOperations } from './mgmt/user/update.js';

/**
 * Every emulated Descope operation, listed explicitly (no autoloading). The server registers these, and the
 * OpenAPI document and the endpoint table (docs/endpoints.md) are generated from this same list.
 */
export const OPERATIONS: readonly Operation[] = [
  ...licenseOperations,
  ...userLifecycleOperations,
  ...userBatchOperations,
  ...userPatchOperations,
  ...customAttributeOperations,
  ...userImportOperations,
  ...userUpdateOperations,
  ...userRoleOperations,
  ...userSearchOperations,
  ...userCredentialOperations,
  ...userSessionOperations,
  ...testUserOperations,
  ...embeddedLinkOperations,
  ...tenantOperations,
  ...roleOperations,
  ...permissionOperations,
  ...accessKeyOperations,
  ...passwordSettingsOperations,
  ...jwtOperations,
  ...fgaOperations,
  ...authzOperations,
  ...keyOperations,
  ...accessKeyExchangeOperations,
  ...sessionOperations,
  ...otpOperations,
  ...magicLinkOperations,
  ...enchantedLinkOperations,
  ...oauthOperations,
  ...passwordOperations,
  ...totpOperations,
  ...listOperations,
  ...jwtTemplateOperations,
  ...scopeClaimMappingOperations,
  ...outboundApplicationOperations,
  ...inboundApplicationOperations,
  ...ssoApplicationOperations,
  ...ssoOperations,
  ...auditOperations,
  ...managementKeyOperations,
  ...descoperOperations,
  ...engineOperations,
  ...groupOperations,
  ...clientAssertionOperations,
  ...projectOperations,
  ...flowOperations,
  ...themeOperations,
];
