import { z } from 'zod';
import { selectorFields, UserSchema } from './user.js';
import { FailedUserSchema } from './userBatch.js';
import { userAttributeFields } from './userLifecycle.js';

/** Full update, patch and batch patch of users (descope-api.md 4.4, 4.5), with every alias of 1.7. */

/** update: create's attribute keys (its invite keys are ignored). */
export const UpdateUserBody = z.object({ ...selectorFields, ...userAttributeFields });
export type UpdateUserBody = z.output<typeof UpdateUserBody>;

/** patch: only the keys given change; `scim` and `test` besides update's. */
export const PatchUserBody = z.object({
  ...selectorFields,
  ...userAttributeFields,
  scim: z.boolean().optional(),
  test: z.boolean().optional(),
});
export type PatchUserBody = z.output<typeof PatchUserBody>;

export const PatchBatchBody = z.object({ users: z.array(PatchUserBody).optional() });
export type PatchBatchBody = z.output<typeof PatchBatchBody>;

export const PatchBatchResponse = z.object({
  patchedUsers: z.array(UserSchema),
  failedUsers: z.array(FailedUserSchema),
  additionalErrors: z.record(z.string(), z.string()),
});
export type PatchBatchResponse = z.output<typeof PatchBatchResponse>;
