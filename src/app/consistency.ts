import type { AccessKeyRecord } from '../domain/accessKey.js';
import {
  belongsOnlyTo,
  followPermission,
  followRole,
  leaveTenants,
  type RoleRef,
} from '../domain/references.js';
import { withoutRole } from '../domain/sso.js';
import { invalid } from '../errors.js';
import type { Store } from '../store/index.js';
import { sameMemberships, sameStrings } from '../store/sameValues.js';

/**
 * The follow-through of renames and deletes, run inside the caller's transaction: every user, key, tenant
 * and role naming the changed object is loaded, rewritten by a domain function and written back, so a
 * failure anywhere leaves nothing half-done and nothing ever points at something gone.
 */

/**
 * Role `ref` was renamed to `newName` (undefined: deleted). Users, keys and tenants' default roles follow;
 * SSO group mappings hold the role's ID, so a rename needs nothing there and a delete drops the mappings.
 */
export function followRoleChange(
  store: Store,
  projectId: string,
  ref: RoleRef & { id: string },
  newName: string | undefined,
  nowMs: number,
): void {
  const ownRole = new Map<string, boolean>();
  const tenantHasOwnRole = (tenantId: string): boolean => {
    if (!ownRole.has(tenantId)) ownRole.set(tenantId, !!store.roles.findRole(projectId, ref.name, tenantId));
    return ownRole.get(tenantId) as boolean;
  };
  const rewrite = <M extends { tenantId: string; roleNames: string[] }>(
    roleNames: string[],
    memberships: M[],
  ) => followRole({ roleNames, memberships }, ref, newName, tenantHasOwnRole);

  for (const stored of store.users.withRoleName(projectId, ref.name)) {
    const user = stored.user;
    const next = rewrite(user.roleNames, user.userTenants);
    if (sameStrings(user.roleNames, next.roleNames) && sameMemberships(user.userTenants, next.memberships))
      continue;
    store.users.update(projectId, stored, {
      ...user,
      roleNames: next.roleNames,
      userTenants: next.memberships,
      modifiedTime: nowMs,
    });
  }
  for (const key of store.accessKeys.holdingRole(projectId, ref.name)) {
    const next = rewrite(key.roleNames, key.keyTenants);
    store.accessKeys.update(projectId, { ...key, roleNames: next.roleNames, keyTenants: next.memberships });
  }
  for (const tenant of store.tenants.withDefaultRole(projectId, ref.name)) {
    const [membership] = rewrite([], [{ tenantId: tenant.id, roleNames: tenant.defaultRoles }]).memberships;
    if (membership && !sameStrings(tenant.defaultRoles, membership.roleNames)) {
      store.tenants.update(projectId, { ...tenant, defaultRoles: membership.roleNames });
    }
  }
  if (newName === undefined) {
    for (const { tenantId, config } of store.ssoSettings.namingRole(projectId, ref.id)) {
      const next = withoutRole(config, ref.id);
      if (next) store.ssoSettings.save(projectId, tenantId, next);
    }
  }
}

/** Permission `from` was renamed to `to` (undefined: deleted). Every role granting it follows. */
export function followPermissionChange(
  store: Store,
  projectId: string,
  from: string,
  to: string | undefined,
): void {
  for (const role of store.roles.listRoles(projectId)) {
    if (!role.permissionNames.includes(from)) continue;
    store.roles.updateRoleRecord(projectId, {
      ...role,
      permissionNames: followPermission(role.permissionNames, from, to),
    });
  }
}

/**
 * tenant/delete: the tenant goes with its own roles; its members and keys lose the membership. With
 * `cascade`, users and keys that belonged only to it go too, and so do its child tenants, to any depth.
 * Vendor behaviour (inferred): without `cascade` a tenant that still has children is refused, so that no
 * tenant is ever left with a parent that is gone.
 */
export function deleteTenantTree(
  store: Store,
  projectId: string,
  tenantId: string,
  cascade: boolean,
  nowMs: number,
): void {
  const gone = new Set(store.tenants.subtree(projectId, tenantId));
  if (!cascade && gone.size > 1) {
    throw invalid(`Tenant "${tenantId}" has child tenants; delete them first or use cascade`);
  }

  const seen = new Set<string>();
  for (const id of gone) {
    for (const stored of store.users.membersOf(projectId, id)) {
      const user = stored.user;
      if (seen.has(user.userId)) continue;
      seen.add(user.userId);
      if (cascade && belongsOnlyTo(user.userTenants, gone)) {
        store.users.delete(projectId, user.userId);
      } else {
        store.users.update(projectId, stored, {
          ...user,
          userTenants: leaveTenants(user.userTenants, gone),
          modifiedTime: nowMs,
        });
      }
    }
  }
  for (const key of store.accessKeys.memberOfAny(projectId, gone)) {
    if (cascade && belongsOnlyTo(key.keyTenants, gone)) store.accessKeys.delete(projectId, key.id);
    else store.accessKeys.update(projectId, withoutTenants(key, gone));
  }
  // Children first, so that no remaining row names a parent that is gone.
  for (const id of [...gone].reverse()) {
    store.roles.deleteRolesOfTenant(projectId, id);
    store.tenants.delete(projectId, id);
  }
}

const withoutTenants = (key: AccessKeyRecord, gone: ReadonlySet<string>): AccessKeyRecord => ({
  ...key,
  keyTenants: leaveTenants(key.keyTenants, gone),
});

/**
 * sso/idp/app/delete: the users whose `ssoAppIds` name the app lose it (descope-mgmt-more.md §3). Vendor
 * behaviour (inferred): Descope keeps no reference to a deleted app.
 */
export function followSsoAppDelete(store: Store, projectId: string, appId: string, nowMs: number): void {
  for (const stored of store.users.withSsoApp(projectId, appId)) {
    const user = stored.user;
    store.users.update(projectId, stored, {
      ...user,
      ssoAppIds: user.ssoAppIds.filter((id) => id !== appId),
      modifiedTime: nowMs,
    });
  }
}
