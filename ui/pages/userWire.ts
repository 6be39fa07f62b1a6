import { mgmt, type Project } from '../api';

/** The wire shapes the users page reads (declared here: the UI imports nothing from the mock's sources). */

export interface UserTenant {
  tenantId: string;
  tenantName: string;
  roleNames: string[];
}

export type AttributeValue = string | number | boolean | string[] | number[];

export interface User {
  userId: string;
  loginIds: string[];
  name: string;
  givenName: string;
  middleName: string;
  familyName: string;
  email: string;
  verifiedEmail: boolean;
  phone: string;
  verifiedPhone: boolean;
  roleNames: string[];
  userTenants: UserTenant[];
  status: string;
  test: boolean;
  customAttributes: Record<string, AttributeValue>;
  createdTime: number;
}

export interface Role {
  name: string;
  tenantId: string;
}

export interface Tenant {
  id: string;
  name: string;
}

/** 1 text, 2 numeric, 3 boolean, 4 singleSelect, 5 multiSelect, 6 date (epoch milliseconds). */
export interface AttributeDefinition {
  name: string;
  displayName: string;
  type: number;
  options: { value: string; label: string }[];
}

/** What the user dialog and the create dialog pick from: the project's roles, tenants and attributes. */
export interface Catalog {
  roles: Role[];
  tenants: Tenant[];
  attributes: AttributeDefinition[];
}

export async function loadCatalog(project: Project): Promise<Catalog> {
  const [roles, tenants, attributes] = await Promise.all([
    mgmt<{ roles: Role[] }>(project, '/v1/mgmt/role/all'),
    mgmt<{ tenants: Tenant[] }>(project, '/v1/mgmt/tenant/all'),
    mgmt<{ data: AttributeDefinition[] }>(project, '/v1/mgmt/user/customattributes'),
  ]);
  return { roles: roles.roles, tenants: tenants.tenants, attributes: attributes.data };
}

/** The selector every user call takes: its first login ID (a user ID is accepted too). */
export const selectorOf = (user: User): string => user.loginIds[0] ?? user.userId;

/** The roles a tenant member can hold: the project's roles and the tenant's own. */
export const rolesFor = (roles: Role[], tenantId: string): Role[] =>
  roles.filter((role) => !role.tenantId || role.tenantId === tenantId);

export const projectRoles = (roles: Role[]): Role[] => roles.filter((role) => !role.tenantId);

/** The status badge's tone: enabled is fine, invited is pending, anything else (disabled) is off. */
export const statusTone = (status: string): string =>
  status === 'enabled' ? 'ok' : status === 'invited' ? 'warn' : 'bad';
