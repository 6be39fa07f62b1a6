import { union } from './user.js';

/**
 * How a rename or a delete of a role, permission or tenant follows through to the records that name it, so
 * that nothing ever points at something gone. Users and access keys hold project roles in `roleNames` and
 * tenant roles in their memberships (`userTenants`, `keyTenants`); a tenant holds its `defaultRoles`; a role
 * holds `permissionNames`. Role names are resolved as the catalog does: inside a tenant, the tenant's own
 * role first, then the project role of that name.
 */

export interface RoleRef {
  name: string;
  /** '' for a project-level role. */
  tenantId: string;
}

export interface Membership {
  tenantId: string;
  roleNames: string[];
}

export interface RoleHolder<M extends Membership> {
  roleNames: string[];
  memberships: M[];
}

/**
 * The holder after role `ref` was renamed to `newName` (or deleted, when `newName` is undefined).
 * `tenantHasOwnRole(tenantId)` tells whether a tenant has its own role named `ref.name`: there the name
 * means that role, not the project one.
 */
export function followRole<M extends Membership>(
  holder: RoleHolder<M>,
  ref: RoleRef,
  newName: string | undefined,
  tenantHasOwnRole: (tenantId: string) => boolean,
): RoleHolder<M> {
  const projectRole = ref.tenantId === '';
  return {
    roleNames: projectRole ? replaceName(holder.roleNames, ref.name, newName) : holder.roleNames,
    memberships: holder.memberships.map((membership) => {
      const refersToRef = projectRole
        ? !tenantHasOwnRole(membership.tenantId)
        : membership.tenantId === ref.tenantId;
      return refersToRef
        ? { ...membership, roleNames: replaceName(membership.roleNames, ref.name, newName) }
        : membership;
    }),
  };
}

/** A role's permission list after permission `from` was renamed to `to` (or deleted, when `to` is undefined). */
export const followPermission = (permissionNames: string[], from: string, to: string | undefined): string[] =>
  replaceName(permissionNames, from, to);

/** The memberships left once the tenants in `gone` were deleted. */
export const leaveTenants = <M extends Membership>(memberships: M[], gone: ReadonlySet<string>): M[] =>
  memberships.filter((membership) => !gone.has(membership.tenantId));

/**
 * Whether a user or key belongs only to the deleted tenants, so `cascade` deletes it (Go SDK doc: "users and
 * access keys that belong only to this tenant"). Vendor behaviour (inferred): project roles do not count as
 * belonging elsewhere; a holder with no membership at all is never deleted.
 */
export const belongsOnlyTo = (memberships: readonly Membership[], gone: ReadonlySet<string>): boolean =>
  memberships.length > 0 && memberships.every((membership) => gone.has(membership.tenantId));

function replaceName(names: string[], from: string, to: string | undefined): string[] {
  if (!names.includes(from)) return names;
  if (to === undefined) return names.filter((name) => name !== from);
  // A rename keeps the role's place in the list; a name already held is not repeated.
  return union(
    [],
    names.map((name) => (name === from ? to : name)),
  );
}
