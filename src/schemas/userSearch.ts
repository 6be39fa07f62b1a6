import { z } from 'zod';
import { SortSchema } from './sort.js';
import { UserSchema } from './user.js';

/** User search (descope-api.md 4.6, 4.15): every filter of Descope's SearchUsersRequest. */

const strings = z.array(z.string()).optional();
/** Descope's StringArray, per tenant: `{values, and}`. */
const RoleListSchema = z.object({ values: z.array(z.string()).nullish(), and: z.boolean().nullish() });
/** int64 in proto3 JSON: a number or a numeric string (the SDKs send numbers). */
const int64 = z.union([z.number(), z.string()]).optional();

export const SearchUsersBody = z.object({
  loginId: z.string().optional(),
  loginIds: strings,
  userIds: strings,
  emails: strings,
  phones: strings,
  statuses: strings,
  roleNames: strings,
  tenantIds: strings,
  tenantRoleNames: z.record(z.string(), RoleListSchema).optional(),
  tenantRoleIds: z.record(z.string(), RoleListSchema).optional(),
  includeSubTenants: z.boolean().optional(),
  customAttributes: z.record(z.string(), z.unknown()).optional(),
  ssoAppIds: strings,
  text: z.string().optional(),
  fromCreatedTime: int64.describe('epoch milliseconds'),
  toCreatedTime: int64.describe('epoch milliseconds'),
  fromModifiedTime: int64.describe('epoch milliseconds'),
  toModifiedTime: int64.describe('epoch milliseconds'),
  withTestUser: z.boolean().optional(),
  testUsersOnly: z.boolean().optional(),
  verifiedEmail: z.boolean().optional(),
  verifiedPhone: z.boolean().optional(),
  ssoOnly: z.boolean().optional(),
  scimOnly: z.boolean().optional(),
  scim: z.boolean().optional(),
  password: z.boolean().optional(),
  totp: z.boolean().optional(),
  webauthn: z.boolean().optional(),
  recoveryEmails: strings,
  recoveryPhones: strings,
  verifiedRecoveryEmail: z.boolean().optional(),
  verifiedRecoveryPhone: z.boolean().optional(),
  page: z.number().optional(),
  limit: z.number().optional().describe('page size; 0 or absent = 100'),
  offset: z.number().optional().describe('row offset; when positive it wins over page * limit'),
  sort: SortSchema,
  // Vendor behaviour (inferred): a projection is accepted, but every field of the user is always answered.
  selectedColumns: strings,
});
export type SearchUsersBody = z.output<typeof SearchUsersBody>;

export const SearchUsersResponse = z.object({
  users: z.array(UserSchema),
  total: z.number().int().describe('every match, not only this page'),
});
export type SearchUsersResponse = z.output<typeof SearchUsersResponse>;
