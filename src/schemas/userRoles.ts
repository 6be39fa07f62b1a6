import { z } from 'zod';
import { selectorFields } from './user.js';

/** Bodies of the role, tenant and SSO application changes of a user (descope-api.md 4.10). */

export const UserRolesBody = z.object({
  ...selectorFields,
  roleNames: z.array(z.string()).optional(),
  tenantId: z.string().optional(),
});
export type UserRolesBody = z.output<typeof UserRolesBody>;

export const UserTenantBody = z.object({ ...selectorFields, tenantId: z.string().optional() });
export type UserTenantBody = z.output<typeof UserTenantBody>;

export const UserSsoAppsBody = z.object({
  ...selectorFields,
  ssoAppIds: z.array(z.string()).optional(),
  ssoAppIDs: z.array(z.string()).optional().describe('alias of ssoAppIds (Go, Python, Java SDKs)'),
});
export type UserSsoAppsBody = z.output<typeof UserSsoAppsBody>;
