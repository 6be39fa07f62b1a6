import type { AccessKeyRecord } from '../domain/accessKey.js';
import { type RoleRecord, TENANT_ADMIN_ROLE } from '../domain/role.js';
import { fixtureJwkOf } from '../domain/signingKey.js';
import type { TenantRecord } from '../domain/tenant.js';
import type { UserRecord } from '../domain/user.js';
import type { ProjectFixture, UserFixture } from '../fixtures.js';
import type { Store } from '../store/index.js';

/**
 * One project in the fixture format, with everything a load needs to give the same state back: user IDs,
 * creation and change times, credentials (password hashes, passkeys, devices, provider tokens), role and
 * permission IDs, tenant settings and default roles, access keys with their secrets' hashes. The built-in
 * role and permissions are listed too (marked `systemDefault`), so a restore brings back their IDs and any
 * change made to them. Undefined when there is no such project. Call inside a transaction.
 */
export function exportProject(store: Store, projectId: string): ProjectFixture | undefined {
  const project = store.control.project(projectId);
  if (!project) return undefined;
  return {
    projectId,
    name: project.name,
    managementKeys: store.control.managementKeys(projectId),
    createdTime: project.createdTime,
    // Built-ins first (a restore writes them last), the rest in the store's order: a restored project
    // exports the same document.
    permissions: builtInsFirst(
      store.roles.listPermissions(projectId),
      (permission) => permission.systemDefault,
    ),
    roles: builtInsFirst(store.roles.listRoles(projectId), isTenantAdmin),
    tenants: parentsFirst(store.control.tenants(projectId)),
    customAttributes: store.control.customAttributes(projectId).map((definition) => ({
      name: definition.name,
      displayName: definition.displayName,
      type: definition.type,
      options: definition.options,
      ...(definition.defaultValue === undefined ? {} : { defaultValue: definition.defaultValue }),
      viewPermissions: definition.viewPermissions ?? [],
      editPermissions: definition.editPermissions ?? [],
      ...(definition.editable === false ? { editable: false } : {}),
    })),
    users: store.control
      .users(projectId)
      .map((user) => ({ ...userFixtureOf(user), ...credentialsOf(store, projectId, user.userId) })),
    accessKeys: store.control.accessKeys(projectId).map(accessKeyFixtureOf),
    ...sessionSettingsOf(store, projectId),
  };
}

/** The signing key (once made or pinned) as a private JWK with its kid, and the lifetimes the project sets. */
function sessionSettingsOf(store: Store, projectId: string): Partial<ProjectFixture> {
  const key = store.signingKeys.find(projectId);
  const lifetimes = store.projects.tokenLifetimes(projectId);
  return {
    ...(key && { signingKey: fixtureJwkOf(key) }),
    ...(lifetimes?.sessionTokenTtl != null && { sessionTokenTtl: lifetimes.sessionTokenTtl }),
    ...(lifetimes?.refreshTokenTtl != null && { refreshTokenTtl: lifetimes.refreshTokenTtl }),
  };
}

/** A user as a fixture entry: every field of the record, login IDs split as a create takes them. */
function userFixtureOf(user: UserRecord): UserFixture {
  const [loginId = '', ...additionalLoginIds] = user.loginIds;
  return {
    loginId,
    additionalLoginIds,
    userId: user.userId,
    email: user.email,
    phone: user.phone,
    name: user.name,
    givenName: user.givenName,
    middleName: user.middleName,
    familyName: user.familyName,
    picture: user.picture,
    verifiedEmail: user.verifiedEmail,
    verifiedPhone: user.verifiedPhone,
    status: user.status,
    test: user.test,
    roleNames: user.roleNames,
    userTenants: user.userTenants.map(({ tenantId, roleNames }) => ({ tenantId, roleNames })),
    customAttributes: user.customAttributes,
    ssoAppIds: user.ssoAppIds,
    createdTime: user.createdTime,
    recoveryEmail: user.recoveryEmail,
    verifiedRecoveryEmail: user.verifiedRecoveryEmail,
    recoveryPhone: user.recoveryPhone,
    verifiedRecoveryPhone: user.verifiedRecoveryPhone,
    modifiedTime: user.modifiedTime,
    consentExpiration: user.consentExpiration,
    editable: user.editable,
    TOTP: user.TOTP,
    SAML: user.SAML,
    SCIM: user.SCIM,
    OIDC: user.OIDC,
    OAuth: user.OAuth,
    webauthn: user.webauthn,
    password: user.password,
    push: user.push,
  };
}

/** An access key as a fixture entry, in the fixture's key order, with its secret's hash. */
function accessKeyFixtureOf({ key, secretHash }: { key: AccessKeyRecord; secretHash: string }) {
  return {
    id: key.id,
    name: key.name,
    description: key.description,
    status: key.status,
    expireTime: key.expireTime,
    roleNames: key.roleNames,
    keyTenants: key.keyTenants.map(({ tenantId, roleNames }) => ({ tenantId, roleNames })),
    boundUserId: key.boundUserId,
    customClaims: key.customClaims,
    permittedIps: key.permittedIps,
    customAttributes: key.customAttributes,
    createdTime: key.createdTime,
    createdBy: key.createdBy,
    clientId: key.clientId,
    editable: key.editable,
    secretHash,
  };
}

const isTenantAdmin = (role: RoleRecord): boolean =>
  role.tenantId === '' && role.name === TENANT_ADMIN_ROLE.name;

function builtInsFirst<T>(records: T[], isBuiltIn: (record: T) => boolean): T[] {
  return [...records.filter(isBuiltIn), ...records.filter((record) => !isBuiltIn(record))].map((record) => ({
    ...record,
  }));
}

/**
 * Everything a user holds beside its document: the password (its stored hash and state, never a cleartext),
 * passkeys, trusted devices, provider tokens, login history (oldest first, the order a seed records it in)
 * and the last logout. Only present keys are written, so a user without a password has no password keys.
 */
function credentialsOf(store: Store, projectId: string, userId: string): Partial<UserFixture> {
  const password = store.credentials.password(projectId, userId);
  const logoutTime = store.sessions.revokedAt(projectId, userId);
  const loginHistory = store.sessions
    .history(projectId, [userId])
    .map(({ userId: _, ...login }) => login)
    .reverse();
  return {
    passkeys: store.credentials.passkeys(projectId, userId),
    trustedDevices: store.credentials.trustedDevices(projectId, userId),
    providerTokens: store.control.providerTokens(projectId, userId),
    loginHistory,
    ...(password && {
      passwordHash: password.hash,
      passwordState: password.state,
      passwordSetTime: password.setMs,
    }),
    ...(logoutTime !== undefined && { logoutTime }),
  };
}

/**
 * Tenants ordered so that every parent comes before its children, as seeding requires: level by level from
 * the roots, each level in the store's order. A tenant no walk from a root reaches (its parent is gone, or a
 * damaged database holds a cycle) cannot be waited for: those come last, as they are. One pass over the
 * tree, so a chain thousands of levels deep costs no more than as many siblings.
 */
function parentsFirst(tenants: TenantRecord[]): TenantRecord[] {
  const children = new Map<string, TenantRecord[]>();
  for (const tenant of tenants) {
    if (tenant.parent === '') continue;
    const siblings = children.get(tenant.parent);
    if (siblings) siblings.push(tenant);
    else children.set(tenant.parent, [tenant]);
  }
  const level = new Map<string, number>();
  const queue = tenants.filter((tenant) => tenant.parent === '');
  for (const root of queue) level.set(root.id, 0);
  for (let i = 0; i < queue.length; i++) {
    const parent = queue[i] as TenantRecord;
    for (const child of children.get(parent.id) ?? []) {
      if (level.has(child.id)) continue;
      level.set(child.id, (level.get(parent.id) as number) + 1);
      queue.push(child);
    }
  }
  const levelOf = (tenant: TenantRecord) => level.get(tenant.id) as number;
  return [
    // A stable sort: each level keeps the store's order.
    ...tenants.filter((tenant) => level.has(tenant.id)).sort((a, b) => levelOf(a) - levelOf(b)),
    ...tenants.filter((tenant) => !level.has(tenant.id)),
  ];
}
