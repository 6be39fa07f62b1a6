import { z } from 'zod';
import { selectorFields, UserSchema } from './user.js';
import { inviteFields, userAttributeFields } from './userLifecycle.js';

/** Batch create and invite, batch delete and load of many users (descope-api.md 4.3, 4.7, 4.8). */

/** One user of create/batch or of an import file: create's keys plus the migration's credentials. */
export const BatchUserSchema = z.object({
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
export type BatchUserSchema = z.output<typeof BatchUserSchema>;

export const CreateBatchBody = z.object({ users: z.array(BatchUserSchema).optional(), ...inviteFields });
export type CreateBatchBody = z.output<typeof CreateBatchBody>;

/** A user a batch call could not write, as requested, with why. */
export const FailedUserSchema = z.object({ failure: z.string(), user: UserSchema });
export type FailedUserSchema = z.output<typeof FailedUserSchema>;

export const CreateBatchResponse = z.object({
  createdUsers: z.array(UserSchema),
  failedUsers: z.array(FailedUserSchema),
  additionalErrors: z.record(z.string(), z.string()),
});
export type CreateBatchResponse = z.output<typeof CreateBatchResponse>;

const UserIdsSchema = z.array(z.string()).optional();

export const DeleteBatchBody = z.object({ userIds: UserIdsSchema });
export type DeleteBatchBody = z.output<typeof DeleteBatchBody>;

export const LoadUsersBody = z.object({
  userIds: UserIdsSchema,
  includeInvalidUsers: z.boolean().optional(),
});
export type LoadUsersBody = z.output<typeof LoadUsersBody>;

export const LoadUsersResponse = z.object({ users: z.array(UserSchema), total: z.number().int() });
export type LoadUsersResponse = z.output<typeof LoadUsersResponse>;
