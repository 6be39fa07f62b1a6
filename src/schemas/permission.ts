import { z } from 'zod';

/**
 * The wire shapes of permissions (descope-api.md 5.3). Bodies are typed as the handler receives them
 * (`z.output`), answers as the handler gives them (`z.input`).
 */

const createFields = { name: z.string().optional(), description: z.string().optional() };
const updateFields = { ...createFields, id: z.string().optional(), newName: z.string().optional() };

/** permission/create, and one item of permission/create/batch. */
export const CreatePermissionBody = z.object(createFields);
export type CreatePermissionBody = z.output<typeof CreatePermissionBody>;

export const CreatePermissionsBody = z.object({ permissions: z.array(CreatePermissionBody).optional() });
export type CreatePermissionsBody = z.output<typeof CreatePermissionsBody>;

/** permission/update, and one item of permission/update/batch: `id` or `name` selects. */
export const UpdatePermissionBody = z.object(updateFields);
export type UpdatePermissionBody = z.output<typeof UpdatePermissionBody>;

export const UpdatePermissionsBody = z.object({ permissions: z.array(UpdatePermissionBody).optional() });
export type UpdatePermissionsBody = z.output<typeof UpdatePermissionsBody>;

export const DeletePermissionBody = z.object({ name: z.string().optional(), id: z.string().optional() });
export type DeletePermissionBody = z.output<typeof DeletePermissionBody>;

export const DeletePermissionsBody = z.object({
  names: z.array(z.string()).optional(),
  ids: z.array(z.string()).optional(),
});
export type DeletePermissionsBody = z.output<typeof DeletePermissionsBody>;

export const WirePermissionSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  systemDefault: z.boolean(),
});
export type WirePermissionSchema = z.input<typeof WirePermissionSchema>;

export const PermissionsResponse = z.object({ permissions: z.array(WirePermissionSchema) });
export type PermissionsResponse = z.input<typeof PermissionsResponse>;
