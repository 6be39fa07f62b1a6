import { z } from 'zod';
import { SortSchema } from './sort.js';

/**
 * The wire shapes of access keys (descope-api.md 5.4). Bodies and queries are typed as the handler receives
 * them (`z.output`), answers as the handler gives them (`z.input`).
 */

/** The fields accesskey/search can sort by, in the order its error message lists them. */
export const ACCESS_KEY_SORT_FIELDS = [
  'name',
  'id',
  'description',
  'createdTime',
  'expireTime',
  'status',
  'createdBy',
  'boundUserId',
  'clientId',
] as const;
export type AccessKeySortField = (typeof ACCESS_KEY_SORT_FIELDS)[number];

const KeyTenantsSchema = z.array(
  z.object({ tenantId: z.string().default(''), roleNames: z.array(z.string()).default([]) }),
);
const keyFields = {
  name: z.string().optional(),
  description: z.string().optional(),
  roleNames: z.array(z.string()).optional(),
  keyTenants: KeyTenantsSchema.optional(),
  customClaims: z.record(z.string(), z.unknown()).optional(),
  permittedIps: z.array(z.string()).optional(),
  customAttributes: z.record(z.string(), z.unknown()).optional(),
};
/** int64 on the wire: the SDKs send a number, proto3 JSON also allows a numeric string. */
const Int64Schema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

export const CreateAccessKeyBody = z.object({
  ...keyFields,
  expireTime: Int64Schema.optional(),
  userId: z.string().optional(),
});
export type CreateAccessKeyBody = z.output<typeof CreateAccessKeyBody>;

export const UpdateAccessKeyBody = z.object({ id: z.string().optional(), ...keyFields });
export type UpdateAccessKeyBody = z.output<typeof UpdateAccessKeyBody>;

/** One key by ID: the body of activate, deactivate, delete and rotate. */
export const AccessKeyIdBody = z.object({ id: z.string().optional() });
export type AccessKeyIdBody = z.output<typeof AccessKeyIdBody>;

/** GET accesskey: the key's ID. */
export const AccessKeyQuery = AccessKeyIdBody;
export type AccessKeyQuery = z.output<typeof AccessKeyQuery>;

/** Several keys by ID: the body of the activate, deactivate and delete batches. */
export const AccessKeyIdsBody = z.object({ ids: z.array(z.string()).optional() });
export type AccessKeyIdsBody = z.output<typeof AccessKeyIdsBody>;

export const SearchAccessKeysBody = z.object({
  tenantIds: z.array(z.string()).optional(),
  boundUserId: z.string().optional(),
  creatingUser: z.string().optional(),
  customAttributes: z.record(z.string(), z.unknown()).optional(),
  text: z.string().optional(),
  sort: SortSchema.describe(`by ${ACCESS_KEY_SORT_FIELDS.join(', ')}; ascending unless desc`),
});
export type SearchAccessKeysBody = z.output<typeof SearchAccessKeysBody>;

export const WireAccessKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  roleNames: z.array(z.string()),
  keyTenants: z.array(
    z.object({ tenantId: z.string(), roleNames: z.array(z.string()), tenantName: z.string() }),
  ),
  status: z.enum(['active', 'inactive']),
  createdTime: z.number().int().describe('epoch seconds'),
  expireTime: z.number().int().describe('epoch seconds; 0 = never'),
  createdBy: z.string(),
  clientId: z.string(),
  boundUserId: z.string(),
  customClaims: z.record(z.string(), z.unknown()),
  editable: z.boolean(),
  description: z.string(),
  permittedIps: z.array(z.string()),
  customAttributes: z.record(z.string(), z.unknown()),
});
export type WireAccessKeySchema = z.input<typeof WireAccessKeySchema>;

/** GET accesskey and accesskey/update. */
export const AccessKeyResponse = z.object({ key: WireAccessKeySchema });
export type AccessKeyResponse = z.input<typeof AccessKeyResponse>;

/** create and rotate: the only answers that carry the cleartext. */
export const CreatedAccessKeyResponse = z.object({ key: WireAccessKeySchema, cleartext: z.string() });
export type CreatedAccessKeyResponse = z.input<typeof CreatedAccessKeyResponse>;

export const AccessKeysResponse = z.object({ keys: z.array(WireAccessKeySchema) });
export type AccessKeysResponse = z.input<typeof AccessKeysResponse>;
