import { z } from 'zod';

/** The wire shapes of management keys (descope-mgmt-more.md §14, spec CreateManagementKey). */

/** int64 on the wire: a number, or a numeric string as proto3 JSON allows. */
const Int64Schema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

const ReBacInput = z.object({
  companyRoles: z.array(z.string()).optional(),
  projectRoles: z
    .array(z.object({ projectIds: z.array(z.string()).optional(), roles: z.array(z.string()).optional() }))
    .optional(),
  tagRoles: z
    .array(z.object({ tags: z.array(z.string()).optional(), roles: z.array(z.string()).optional() }))
    .optional(),
});

export const CreateManagementKeyBody = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
  expiresIn: Int64Schema.optional().describe('seconds from now; 0 or absent, never'),
  permittedIps: z.array(z.string()).optional(),
  reBac: ReBacInput.optional().describe('the projects the key opens: those its projectRoles name, else all'),
});
export type CreateManagementKeyBody = z.output<typeof CreateManagementKeyBody>;

export const UpdateManagementKeyBody = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  status: z.string().optional().describe('active or inactive'),
  permittedIps: z.array(z.string()).optional(),
});
export type UpdateManagementKeyBody = z.output<typeof UpdateManagementKeyBody>;

export const ManagementKeyIdsBody = z.object({ ids: z.array(z.string()).optional() });
export type ManagementKeyIdsBody = z.output<typeof ManagementKeyIdsBody>;

export const ManagementKeyQuery = z.object({ id: z.string().optional() });
export type ManagementKeyQuery = z.output<typeof ManagementKeyQuery>;

export const ManagementKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(['active', 'inactive']),
  createdTime: z.number().int(),
  expireTime: z.number().int(),
  permittedIps: z.array(z.string()),
  reBac: z.object({
    companyRoles: z.array(z.string()),
    projectRoles: z.array(z.object({ projectIds: z.array(z.string()), roles: z.array(z.string()) })),
    tagRoles: z.array(z.object({ tags: z.array(z.string()), roles: z.array(z.string()) })),
  }),
  version: z.number().int(),
  authzVersion: z.number().int(),
});

export const CreatedManagementKeyResponse = z.object({ cleartext: z.string(), key: ManagementKeySchema });
export type CreatedManagementKeyResponse = z.input<typeof CreatedManagementKeyResponse>;
export const ManagementKeyResponse = z.object({ key: ManagementKeySchema });
export type ManagementKeyResponse = z.input<typeof ManagementKeyResponse>;
export const ManagementKeysResponse = z.object({ keys: z.array(ManagementKeySchema) });
export type ManagementKeysResponse = z.input<typeof ManagementKeysResponse>;
