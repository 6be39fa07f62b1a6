import type { User } from '../schemas/user.js';
import type { Catalog } from './catalog.js';
import { type UserRecord, union } from './user.js';

/**
 * The user as Descope answers it: the stored record plus the fields derived from the project's current
 * roles and tenants, in the key order of Descope's own responses.
 */
export function toWireUser(user: UserRecord, catalog: Catalog): User {
  return {
    loginIds: user.loginIds,
    userId: user.userId,
    name: user.name,
    givenName: user.givenName,
    middleName: user.middleName,
    familyName: user.familyName,
    email: user.email,
    verifiedEmail: user.verifiedEmail,
    phone: user.phone,
    verifiedPhone: user.verifiedPhone,
    roleNames: user.roleNames,
    userTenants: user.userTenants.map((membership) => ({
      tenantId: membership.tenantId,
      tenantName: catalog.tenant(membership.tenantId)?.name ?? '',
      roleNames: membership.roleNames,
      permissions: permissionsOf(membership.roleNames, catalog, membership.tenantId),
    })),
    status: user.status,
    // Vendor behaviour (inferred): externalIds mirrors loginIds (proven for a single login ID by the .NET suite).
    externalIds: user.loginIds,
    picture: user.picture,
    test: user.test,
    customAttributes: user.customAttributes,
    createdTime: user.createdTime,
    TOTP: user.TOTP,
    SAML: user.SAML,
    OAuth: user.OAuth,
    webauthn: user.webauthn,
    password: user.password,
    ssoAppIds: user.ssoAppIds,
    editable: user.editable,
    SCIM: user.SCIM,
    push: user.push,
    permissions: permissionsOf(user.roleNames, catalog),
    OIDC: user.OIDC,
    consentExpiration: user.consentExpiration,
    recoveryEmail: user.recoveryEmail,
    verifiedRecoveryEmail: user.verifiedRecoveryEmail,
    recoveryPhone: user.recoveryPhone,
    verifiedRecoveryPhone: user.verifiedRecoveryPhone,
  };
}

/** Vendor behaviour (inferred): a user's permissions are the union of those of the roles held, in role order. */
export function permissionsOf(roleNames: readonly string[], catalog: Catalog, tenantId?: string): string[] {
  let permissions: string[] = [];
  for (const name of roleNames) {
    const role = catalog.role(name, tenantId);
    if (role) permissions = union(permissions, role.permissionNames);
  }
  return permissions;
}
