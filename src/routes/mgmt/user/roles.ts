import { z } from 'zod';
import { defineOperation, type Operation } from '../../../app/operation.js';
import type { UserRecord } from '../../../domain/user.js';
import {
  addTenant,
  changeRoles,
  changeSsoApps,
  type RoleChange,
  removeTenant,
} from '../../../domain/userRoles.js';
import type { MutationContext } from '../../../domain/userUpdates.js';
import { UserResponseSchema } from '../../../schemas/user.js';
import { mutateUser, selectorOf } from './mutate.js';
import { selectorFields } from './schemas.js';

/** Roles, tenant memberships and SSO applications on a user (descope-api.md 4.10). Each answers `{user, created}`. */
const tag = 'User roles and tenants';

const RoleBody = z.object({
  ...selectorFields,
  roleNames: z.array(z.string()).optional(),
  tenantId: z.string().optional(),
});

const SsoAppBody = z.object({
  ...selectorFields,
  ssoAppIds: z.array(z.string()).optional(),
  ssoAppIDs: z.array(z.string()).optional().describe('alias of ssoAppIds (Go, Python, Java SDKs)'),
});

const TenantBody = z.object({ ...selectorFields, tenantId: z.string().optional() });

/** A POST that applies one domain change to the user the body selects, in one transaction. */
function userChange<Body extends z.ZodType<{ loginId?: string; identifier?: string }>>(
  described: Pick<Operation, 'path' | 'sdkMethods' | 'summary' | 'operationId'>,
  body: Body,
  change: (body: z.output<Body>, user: UserRecord, ctx: MutationContext) => UserRecord,
): Operation {
  return defineOperation({
    method: 'POST',
    tag,
    ...described,
    body,
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user, ctx) => change(body, user, ctx)),
  });
}

/** v2 role/add enrols the user in the tenant it names; the v1 calls need an existing membership. */
const roleChange =
  (change: RoleChange, enrol: boolean) =>
  (body: z.output<typeof RoleBody>, user: UserRecord, ctx: MutationContext) =>
    changeRoles(
      user,
      change,
      { roleNames: body.roleNames ?? [], tenantId: body.tenantId, enrol },
      ctx.catalog,
    );

const ssoAppChange =
  (change: RoleChange) => (body: z.output<typeof SsoAppBody>, user: UserRecord, ctx: MutationContext) =>
    changeSsoApps(user, change, body.ssoAppIds ?? body.ssoAppIDs ?? [], ctx.catalog);

export const userRoleOperations = [
  userChange(
    {
      path: '/v1/mgmt/user/update/role/set',
      sdkMethods: ['management.user.setRoles', 'management.user.setTenantRoles'],
      summary: "Replace a user's project roles, or its roles in one tenant (membership required)",
      operationId: 'UpdateUserSetRoles',
    },
    RoleBody,
    roleChange('set', false),
  ),
  userChange(
    {
      path: '/v2/mgmt/user/update/role/add',
      sdkMethods: ['management.user.addRoles', 'management.user.addTenantRoles'],
      summary: 'Add project roles, or roles in a tenant (enrolling the user in it)',
      operationId: 'UpdateUserAddRoles',
    },
    RoleBody,
    roleChange('add', true),
  ),
  userChange(
    {
      path: '/v1/mgmt/user/update/role/add',
      sdkMethods: [],
      summary: 'Legacy role add: as v2, but a tenant role needs an existing membership',
      operationId: 'UpdateUserAddRolesV1',
    },
    RoleBody,
    roleChange('add', false),
  ),
  userChange(
    {
      path: '/v1/mgmt/user/update/role/remove',
      sdkMethods: ['management.user.removeRoles', 'management.user.removeTenantRoles'],
      summary: 'Remove project roles, or roles in one tenant (membership required)',
      operationId: 'UpdateUserRemoveRoles',
    },
    RoleBody,
    roleChange('remove', false),
  ),
  userChange(
    {
      path: '/v1/mgmt/user/update/tenant/add',
      sdkMethods: ['management.user.addTenant'],
      summary: 'Add a user to a tenant, with no roles',
      operationId: 'UpdateUserAddTenant',
    },
    TenantBody,
    (body, user, ctx) => addTenant(user, body.tenantId, ctx.catalog),
  ),
  userChange(
    {
      path: '/v1/mgmt/user/update/tenant/remove',
      sdkMethods: ['management.user.removeTenant'],
      summary: 'Remove a user from a tenant, with its roles there',
      operationId: 'UpdateUserRemoveTenant',
    },
    TenantBody,
    (body, user) => removeTenant(user, body.tenantId),
  ),
  userChange(
    {
      path: '/v1/mgmt/user/update/ssoapp/add',
      sdkMethods: ['management.user.addSSOapps'],
      summary: 'Add SSO applications a user may use',
      operationId: 'UpdateUserAddSSOApps',
    },
    SsoAppBody,
    ssoAppChange('add'),
  ),
  userChange(
    {
      path: '/v1/mgmt/user/update/ssoapp/set',
      sdkMethods: ['management.user.setSSOapps'],
      summary: 'Replace the SSO applications a user may use ([] = all)',
      operationId: 'UpdateUserSetSSOApps',
    },
    SsoAppBody,
    ssoAppChange('set'),
  ),
  userChange(
    {
      path: '/v1/mgmt/user/update/ssoapp/remove',
      sdkMethods: ['management.user.removeSSOapps'],
      summary: 'Remove SSO applications from a user',
      operationId: 'UpdateUserRemoveSSOApps',
    },
    SsoAppBody,
    ssoAppChange('remove'),
  ),
];
