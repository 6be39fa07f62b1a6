import {
  addTenant,
  changeRoles,
  changeSsoApps,
  type RoleChange,
  removeTenant,
} from '../../domain/userRoles.js';
import type { UserResponse } from '../../schemas/user.js';
import type { UserRolesBody, UserSsoAppsBody, UserTenantBody } from '../../schemas/userRoles.js';
import type { Services } from '../operation.js';
import { selectorOf } from './lookup.js';
import { mutateUser } from './mutate.js';

/** Roles, tenant memberships and SSO applications on a user (descope-api.md 4.10). Each answers `{user, created}`. */

/**
 * role/set, role/add and role/remove: the project roles, or the roles in the tenant the body names.
 * `enrol`: v2 role/add enrols the user in that tenant; the v1 calls need an existing membership.
 */
export const changeUserRoles = (
  services: Services,
  projectId: string,
  body: UserRolesBody,
  change: RoleChange,
  enrol: boolean,
): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
    changeRoles(
      user,
      change,
      { roleNames: body.roleNames ?? [], tenantId: body.tenantId, enrol },
      ctx.catalog,
    ),
  );

export const addUserTenant = (services: Services, projectId: string, body: UserTenantBody): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
    addTenant(user, body.tenantId, ctx.catalog),
  );

export const removeUserTenant = (services: Services, projectId: string, body: UserTenantBody): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user) => removeTenant(user, body.tenantId));

export const changeUserSsoApps = (
  services: Services,
  projectId: string,
  body: UserSsoAppsBody,
  change: RoleChange,
): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
    changeSsoApps(user, change, body.ssoAppIds ?? body.ssoAppIDs ?? [], ctx.catalog),
  );
