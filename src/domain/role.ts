import { invalid, missing } from '../errors.js';
import type { RoleSortField } from '../schemas/role.js';
import type { Catalog } from './catalog.js';
import { randomId } from './ids.js';
import { type SortInput, type SortKeys, sortedBy } from './sorting.js';

/** A role (Descope's Role object). `tenantId` is '' for a project-level role. */
export interface RoleRecord {
  id: string;
  name: string;
  description: string;
  permissionNames: string[];
  /** Epoch seconds. */
  createdTime: number;
  tenantId: string;
  default: boolean;
  private: boolean;
}

export interface PermissionRecord {
  id: string;
  name: string;
  description: string;
  systemDefault: boolean;
}

/**
 * What every new Descope project holds (docs.descope.com/manage/roles): one role and its three permissions.
 * Vendor behaviour (inferred): the names are documented; the descriptions are the mock's own wording.
 */
export const BUILT_IN_PERMISSIONS: readonly { name: string; description: string }[] = [
  { name: 'SSO Admin', description: 'Configure SSO for the tenant' },
  { name: 'User Admin', description: 'Manage users of the tenant' },
  { name: 'Impersonate', description: 'Impersonate users of the tenant' },
];
export const TENANT_ADMIN_ROLE = {
  name: 'Tenant Admin',
  description: 'Tenant administrator',
  permissionNames: BUILT_IN_PERMISSIONS.map((permission) => permission.name),
};

/** The built-in Tenant Admin: the project-level role of that name (a tenant may have its own of that name). */
export const isTenantAdmin = (role: { name: string; tenantId?: string }): boolean =>
  !role.tenantId && role.name === TENANT_ADMIN_ROLE.name;

/**
 * The SSO application every new project has, so `ssoAppIds` can name it (descope-api.md 8.1).
 * Vendor behaviour (inferred): the ID is proven by the .NET live suite; the display name is a guess.
 */
export const DEFAULT_SSO_APP = { id: 'descope-default-oidc', name: 'OIDC Default Application' };

/** What a role create or update carries (update adds the selector and `newName`). */
export interface RoleInput {
  name?: string;
  description?: string;
  permissionNames?: string[];
  tenantId?: string;
  default?: boolean;
  private?: boolean;
}

/** The checks a role change needs from the project besides the catalog. */
export interface RoleContext {
  catalog: Catalog;
  permissionExists(name: string): boolean;
}

/** role/create: name required, the tenant and every permission must exist (uniqueness is the store's index). */
export function buildRole(input: RoleInput, ctx: RoleContext, nowMs: number): RoleRecord {
  if (!input.name) throw missing('name');
  const tenantId = input.tenantId ?? '';
  if (tenantId !== '' && !ctx.catalog.tenant(tenantId)) throw invalid(`Tenant "${tenantId}" does not exist`);
  return {
    // Vendor behaviour (inferred): Descope's role ID format is not published; any opaque unique ID will do.
    id: randomId('RO'),
    name: input.name,
    description: input.description ?? '',
    permissionNames: checkPermissions(input.permissionNames ?? [], ctx),
    createdTime: Math.floor(nowMs / 1000),
    tenantId,
    default: input.default ?? false,
    private: input.private ?? false,
  };
}

/**
 * role/update: a full override (Go SDK doc) of the name, description, permissions and flags; the ID, the
 * scope and the creation time stay.
 */
export function updateRole(
  role: RoleRecord,
  newName: string | undefined,
  input: RoleInput,
  ctx: RoleContext,
) {
  if (!newName) throw missing('newName');
  return {
    ...role,
    name: newName,
    description: input.description ?? '',
    permissionNames: checkPermissions(input.permissionNames ?? [], ctx),
    default: input.default ?? false,
    private: input.private ?? false,
  };
}

function checkPermissions(names: readonly string[], ctx: RoleContext): string[] {
  const unique = [...new Set(names.filter((name) => name !== ''))];
  for (const name of unique) {
    // Vendor behaviour (inferred): a role may only grant existing permissions (every e2e suite creates them first).
    if (!ctx.permissionExists(name)) throw invalid(`Permission "${name}" does not exist`);
  }
  return unique;
}

/** Vendor behaviour (inferred): role/search filters (descope-api.md 5.2), read from the field names alone. */
export interface RoleSearch {
  tenantIds?: string[];
  roleNames?: string[];
  roleNameLike?: string;
  permissionNames?: string[];
  includeProjectRoles?: boolean;
  roleIds?: string[];
  text?: string;
  sort?: SortInput[];
}

/**
 * Vendor behaviour (inferred): role/search's `sort` orders by the role's own fields (the spec's SortField
 * lists the user fields only).
 */
export const ROLE_SORT_KEYS: SortKeys<RoleRecord, RoleSortField> = {
  name: (role) => role.name,
  id: (role) => role.id,
  description: (role) => role.description,
  createdTime: (role) => role.createdTime,
  tenantId: (role) => role.tenantId,
};

/** role/search: the matching roles, in `sort`'s order (else the order they were created in). */
export const searchRoles = (roles: readonly RoleRecord[], search: RoleSearch): RoleRecord[] =>
  sortedBy(
    roles.filter((role) => matchesRoleSearch(role, search)),
    search.sort,
    ROLE_SORT_KEYS,
  );

/**
 * Vendor behaviour (inferred): without tenantIds every role matches the scope; with them, the roles of those
 * tenants, plus the project roles when includeProjectRoles is set. A role matches permissionNames when it
 * grants any of them; roleNameLike and text are case-insensitive substrings of the name (text: or description).
 */
export function matchesRoleSearch(role: RoleRecord, search: RoleSearch): boolean {
  const tenantIds = search.tenantIds ?? [];
  const inScope =
    tenantIds.length === 0 ||
    tenantIds.includes(role.tenantId) ||
    (role.tenantId === '' && search.includeProjectRoles === true);
  const like = (value: string, part: string | undefined) =>
    !part || value.toLowerCase().includes(part.toLowerCase());
  return (
    inScope &&
    (!search.roleNames?.length || search.roleNames.includes(role.name)) &&
    (!search.roleIds?.length || search.roleIds.includes(role.id)) &&
    (!search.permissionNames?.length ||
      role.permissionNames.some((name) => search.permissionNames?.includes(name))) &&
    like(role.name, search.roleNameLike) &&
    (!search.text || like(role.name, search.text) || like(role.description, search.text))
  );
}

export const toWireRole = (role: RoleRecord) => ({
  id: role.id,
  name: role.name,
  description: role.description,
  permissionNames: role.permissionNames,
  createdTime: role.createdTime,
  tenantId: role.tenantId,
  default: role.default,
  private: role.private,
});

/** permission/create. Vendor behaviour (inferred): permissions made through the API are never system defaults. */
export function buildPermission(input: { name?: string; description?: string }): PermissionRecord {
  if (!input.name) throw missing('name');
  // Vendor behaviour (inferred): as for roles, the permission ID format is not published.
  return { id: randomId('PE'), name: input.name, description: input.description ?? '', systemDefault: false };
}

/** permission/update: renames (`newName` required) and overrides the description. */
export function updatePermission(
  permission: PermissionRecord,
  input: { newName?: string; description?: string },
): PermissionRecord {
  if (!input.newName) throw missing('newName');
  return { ...permission, name: input.newName, description: input.description ?? '' };
}

export const toWirePermission = (permission: PermissionRecord) => ({
  id: permission.id,
  name: permission.name,
  description: permission.description,
  systemDefault: permission.systemDefault,
});
