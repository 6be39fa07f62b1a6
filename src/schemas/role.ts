import { z } from 'zod';
import { SortSchema } from './sort.js';

/**
 * The wire shapes of roles (descope-api.md 5.2). Bodies and queries are typed as the handler receives them
 * (`z.output`), answers as the handler gives them (`z.input`).
 */

/** The fields role/search can sort by, in the order its error message lists them. */
export const ROLE_SORT_FIELDS = ['name', 'id', 'description', 'createdTime', 'tenantId'] as const;
export type RoleSortField = (typeof ROLE_SORT_FIELDS)[number];

const roleFields = {
  name: z.string().optional(),
  description: z.string().optional(),
  permissionNames: z.array(z.string()).optional(),
  tenantId: z.string().optional(),
  default: z.boolean().optional(),
  private: z.boolean().optional(),
};
const updateFields = { ...roleFields, id: z.string().optional(), newName: z.string().optional() };

/** role/create, and one item of role/create/batch. */
export const CreateRoleBody = z.object(roleFields);
export type CreateRoleBody = z.output<typeof CreateRoleBody>;

export const CreateRolesBody = z.object({ roles: z.array(CreateRoleBody).optional() });
export type CreateRolesBody = z.output<typeof CreateRolesBody>;

/** role/update, and one item of role/update/batch: `id`, or `name` inside `tenantId`'s scope, selects. */
export const UpdateRoleBody = z.object(updateFields);
export type UpdateRoleBody = z.output<typeof UpdateRoleBody>;

export const UpdateRolesBody = z.object({ roles: z.array(UpdateRoleBody).optional() });
export type UpdateRolesBody = z.output<typeof UpdateRolesBody>;

export const DeleteRoleBody = z.object({
  name: z.string().optional(),
  id: z.string().optional(),
  tenantId: z.string().optional(),
});
export type DeleteRoleBody = z.output<typeof DeleteRoleBody>;

export const DeleteRolesBody = z.object({
  roleNames: z.array(z.string()).optional(),
  tenantId: z.string().optional(),
  roleIds: z.array(z.string()).optional(),
});
export type DeleteRolesBody = z.output<typeof DeleteRolesBody>;

export const SearchRolesBody = z.object({
  tenantIds: z.array(z.string()).optional(),
  roleNames: z.array(z.string()).optional(),
  roleNameLike: z.string().optional(),
  permissionNames: z.array(z.string()).optional(),
  includeProjectRoles: z.boolean().optional(),
  roleIds: z.array(z.string()).optional(),
  text: z.string().optional(),
  sort: SortSchema.describe(`by ${ROLE_SORT_FIELDS.join(', ')}; ascending unless desc`),
});
export type SearchRolesBody = z.output<typeof SearchRolesBody>;

export const WireRoleSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  permissionNames: z.array(z.string()),
  createdTime: z.number().int().describe('epoch seconds'),
  tenantId: z.string().describe('"" for a project role'),
  default: z.boolean(),
  private: z.boolean(),
});
export type WireRoleSchema = z.input<typeof WireRoleSchema>;

/** role/create and role/update: the role at the root of the body. */
export const RoleResponse = WireRoleSchema;
export type RoleResponse = z.input<typeof RoleResponse>;

export const RolesResponse = z.object({ roles: z.array(WireRoleSchema) });
export type RolesResponse = z.input<typeof RolesResponse>;
