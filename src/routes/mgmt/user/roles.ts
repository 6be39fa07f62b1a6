import { z } from 'zod';
import {
  addTenant,
  changeRoles,
  changeSsoApps,
  type RoleChange,
  removeTenant,
} from '../../../domain/userRoles.js';
import { UserResponseSchema } from '../../../schemas/user.js';
import { defineOperation, type Operation } from '../../operation.js';
import { mutateUser, selectorOf } from './mutate.js';
import { selectorFields } from './schemas.js';

/** Roles, tenant memberships and SSO applications on a user (descope-api.md 4.10). Each answers `{user, created}`. */
const tag = 'User roles and tenants';

const RoleBody = z.object({
  ...selectorFields,
  roleNames: z.array(z.string()).optional(),
  tenantId: z.string().optional(),
});

function roleOperation(
  change: RoleChange,
  path: string,
  enrol: boolean,
  rest: Pick<Operation, 'sdkMethods' | 'summary' | 'operationId'>,
): Operation {
  return defineOperation({
    method: 'POST',
    path,
    tag,
    ...rest,
    body: RoleBody,
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
        changeRoles(
          user,
          change,
          { roleNames: body.roleNames ?? [], tenantId: body.tenantId, enrol },
          ctx.catalog,
        ),
      ),
  });
}

const SsoAppBody = z.object({
  ...selectorFields,
  ssoAppIds: z.array(z.string()).optional(),
  ssoAppIDs: z.array(z.string()).optional().describe('alias of ssoAppIds (Go, Python, Java SDKs)'),
});

function ssoAppOperation(
  change: RoleChange,
  rest: Pick<Operation, 'sdkMethods' | 'summary' | 'operationId'>,
) {
  return defineOperation({
    method: 'POST',
    path: `/v1/mgmt/user/update/ssoapp/${change}`,
    tag,
    ...rest,
    body: SsoAppBody,
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
        changeSsoApps(user, change, body.ssoAppIds ?? body.ssoAppIDs ?? [], ctx.catalog),
      ),
  });
}

const TenantBody = z.object({ ...selectorFields, tenantId: z.string().optional() });

export const userRoleOperations = [
  roleOperation('set', '/v1/mgmt/user/update/role/set', false, {
    sdkMethods: ['management.user.setRoles', 'management.user.setTenantRoles'],
    summary: "Replace a user's project roles, or its roles in one tenant (membership required)",
    operationId: 'UpdateUserSetRoles',
  }),
  roleOperation('add', '/v2/mgmt/user/update/role/add', true, {
    sdkMethods: ['management.user.addRoles', 'management.user.addTenantRoles'],
    summary: 'Add project roles, or roles in a tenant (enrolling the user in it)',
    operationId: 'UpdateUserAddRoles',
  }),
  roleOperation('add', '/v1/mgmt/user/update/role/add', false, {
    sdkMethods: [],
    summary: 'Legacy role add: as v2, but a tenant role needs an existing membership',
    operationId: 'UpdateUserAddRolesV1',
  }),
  roleOperation('remove', '/v1/mgmt/user/update/role/remove', false, {
    sdkMethods: ['management.user.removeRoles', 'management.user.removeTenantRoles'],
    summary: 'Remove project roles, or roles in one tenant (membership required)',
    operationId: 'UpdateUserRemoveRoles',
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update/tenant/add',
    sdkMethods: ['management.user.addTenant'],
    summary: 'Add a user to a tenant, with no roles',
    operationId: 'UpdateUserAddTenant',
    tag,
    body: TenantBody,
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
        addTenant(user, body.tenantId, ctx.catalog),
      ),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update/tenant/remove',
    sdkMethods: ['management.user.removeTenant'],
    summary: 'Remove a user from a tenant, with its roles there',
    operationId: 'UpdateUserRemoveTenant',
    tag,
    body: TenantBody,
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user) => removeTenant(user, body.tenantId)),
  }),
  ssoAppOperation('add', {
    sdkMethods: ['management.user.addSSOapps'],
    summary: 'Add SSO applications a user may use',
    operationId: 'UpdateUserAddSSOApps',
  }),
  ssoAppOperation('set', {
    sdkMethods: ['management.user.setSSOapps'],
    summary: 'Replace the SSO applications a user may use ([] = all)',
    operationId: 'UpdateUserSetSSOApps',
  }),
  ssoAppOperation('remove', {
    sdkMethods: ['management.user.removeSSOapps'],
    summary: 'Remove SSO applications from a user',
    operationId: 'UpdateUserRemoveSSOApps',
  }),
];
