import { invalid, missing } from '../errors.js';
import type { Catalog } from './catalog.js';
import { type UserRecord, type UserTenantRecord, union } from './user.js';

/**
 * Roles, tenant memberships and SSO applications on a user. Role names are checked against the project:
 * a project-level role, or inside a tenant, that tenant's own role or a project role.
 */

export type RoleChange = 'set' | 'add' | 'remove';

export interface RoleRequest {
  roleNames: string[];
  tenantId?: string;
  /** v2 role/add enrols the user in the tenant; v1 role/add, set and remove require membership. */
  enrol: boolean;
}

export function changeRoles(
  user: UserRecord,
  change: RoleChange,
  req: RoleRequest,
  catalog: Catalog,
): UserRecord {
  const roleNames = dedupe(req.roleNames);
  if (change !== 'remove') checkRoles(roleNames, catalog, req.tenantId);
  if (!req.tenantId) return { ...user, roleNames: apply(user.roleNames, change, roleNames) };

  const tenantId = req.tenantId;
  const tenant = requireTenant(tenantId, catalog);
  const membership = user.userTenants.find((m) => m.tenantId === tenantId);
  if (!membership) {
    // Vendor behaviour (inferred): set, like remove (documented) and v1 add, needs an existing membership.
    if (!req.enrol) throw invalid(`User is not a member of tenant "${tenant.id}"`);
    const joined = union(tenant.defaultRoles ?? [], roleNames);
    return { ...user, userTenants: [...user.userTenants, { tenantId, roleNames: joined }] };
  }
  return {
    ...user,
    userTenants: user.userTenants.map((m) =>
      m.tenantId === tenantId ? { ...m, roleNames: apply(m.roleNames, change, roleNames) } : m,
    ),
  };
}

/** tenant/add: a membership with the tenant's default roles (the .NET live suite, with none, sees `roleNames: []`); already a member is a no-op. */
export function addTenant(user: UserRecord, tenantId: string | undefined, catalog: Catalog): UserRecord {
  if (!tenantId) throw missing('tenantId');
  const tenant = requireTenant(tenantId, catalog);
  if (user.userTenants.some((m) => m.tenantId === tenantId)) return user;
  return {
    ...user,
    userTenants: [...user.userTenants, { tenantId, roleNames: [...(tenant.defaultRoles ?? [])] }],
  };
}

/** tenant/remove: drops the membership and its roles. Vendor behaviour (inferred): not a member is a no-op. */
export function removeTenant(user: UserRecord, tenantId: string | undefined): UserRecord {
  if (!tenantId) throw missing('tenantId');
  return { ...user, userTenants: user.userTenants.filter((m) => m.tenantId !== tenantId) };
}

/**
 * ssoapp/set|add|remove. Vendor behaviour (inferred): every app set or added must exist in the project
 * (400 E011004); removing one the user lacks is a no-op.
 */
export function changeSsoApps(
  user: UserRecord,
  change: RoleChange,
  appIds: string[],
  catalog: Catalog,
): UserRecord {
  const ids = dedupe(appIds);
  if (change !== 'remove') checkSsoApps(ids, catalog);
  return { ...user, ssoAppIds: apply(user.ssoAppIds, change, ids) };
}

/** Checks a full set of memberships, as create and update send them. */
export function checkUserTenants(userTenants: UserTenantRecord[], catalog: Catalog): UserTenantRecord[] {
  const byTenant = new Map<string, string[]>();
  for (const membership of userTenants) {
    if (!membership.tenantId) throw missing('userTenants.tenantId');
    requireTenant(membership.tenantId, catalog);
    const roleNames = dedupe(membership.roleNames);
    checkRoles(roleNames, catalog, membership.tenantId);
    byTenant.set(membership.tenantId, union(byTenant.get(membership.tenantId) ?? [], roleNames));
  }
  return [...byTenant].map(([tenantId, roleNames]) => ({ tenantId, roleNames }));
}

/** Vendor behaviour (inferred): an unknown role, or one of another tenant, is refused with 400 E011004. */
export function checkRoles(roleNames: readonly string[], catalog: Catalog, tenantId?: string): void {
  for (const name of roleNames) {
    if (!catalog.role(name, tenantId)) {
      const scope = tenantId ? ` for tenant "${tenantId}"` : '';
      throw invalid(`Role "${name}" does not exist${scope}`);
    }
  }
}

export function checkSsoApps(appIds: readonly string[], catalog: Catalog): string[] {
  for (const id of appIds) if (!catalog.ssoApp(id)) throw invalid(`SSO application "${id}" does not exist`);
  return dedupe(appIds);
}

function requireTenant(tenantId: string, catalog: Catalog) {
  const tenant = catalog.tenant(tenantId);
  // Vendor behaviour (inferred): an unknown tenant is a bad argument (400), not a 404.
  if (!tenant) throw invalid(`Tenant "${tenantId}" does not exist`);
  return tenant;
}

/** Vendor behaviour (inferred): add ignores names already held, remove ignores names not held. */
function apply(current: readonly string[], change: RoleChange, names: readonly string[]): string[] {
  if (change === 'set') return [...names];
  if (change === 'add') return union(current, names);
  return current.filter((name) => !names.includes(name));
}

const dedupe = (names: readonly string[]): string[] =>
  union(
    [],
    names.filter((name) => name !== ''),
  );
