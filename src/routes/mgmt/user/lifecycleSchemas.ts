import { z } from 'zod';
import type { PatchInput } from '../../../domain/userModify.js';
import { inviteFields, selectorFields, userAttributeFields } from './schemas.js';

/** Request bodies of the batch, update and patch calls (descope-api.md 4.3–4.5), with every alias of 1.7. */

/** One user of create/batch or of an import file: create's keys plus the migration's credentials. */
export const BatchUserItem = z.object({
  ...selectorFields,
  ...userAttributeFields,
  test: z.boolean().optional(),
  password: z.string().optional().describe('cleartext; only its hash is kept'),
  hashedPassword: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('one of bcrypt, pbkdf2, firebase, django, phpass, md5, sha, argon2, bach, buddyauth'),
  seed: z.string().optional().describe('TOTP seed (base32)'),
  createdTime: z.number().int().optional().describe('epoch seconds'),
});
export type BatchUserItem = z.infer<typeof BatchUserItem>;

export const CreateBatchBody = z.object({ users: z.array(BatchUserItem).optional(), ...inviteFields });
export type CreateBatchBody = z.infer<typeof CreateBatchBody>;

/** update: create's attribute keys (its invite keys are ignored). */
export const UpdateUserBody = z.object({ ...selectorFields, ...userAttributeFields });
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** patch: only the keys given change; `scim` and `test` besides update's. */
export const PatchUserBody = z.object({
  ...selectorFields,
  ...userAttributeFields,
  scim: z.boolean().optional(),
  test: z.boolean().optional(),
});
export type PatchUserBody = z.infer<typeof PatchUserBody>;

export const PatchBatchBody = z.object({ users: z.array(PatchUserBody).optional() });

/** A body's attributes with their aliases resolved (descope-api.md 1.7). */
export function attributesOf(body: UpdateUserBody): PatchInput {
  return {
    ...body,
    phone: body.phone ?? body.phoneNumber,
    name: body.displayName ?? body.name,
    additionalLoginIds: body.additionalLoginIds ?? body.additionalIdentifiers,
    ssoAppIds: body.ssoAppIds ?? body.ssoAppIDs,
  };
}
