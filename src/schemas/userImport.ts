import { z } from 'zod';
import { UserSchema } from './user.js';

/** User import (descope-api.md 4.12); the format of `users` and `hashes` is in src/app/user/import.ts. */

export const ImportUsersBody = z.object({
  source: z.string().optional(),
  users: z.string().optional().describe('base64 of a JSON array of users'),
  hashes: z.string().optional().describe('base64 of a JSON object: login ID → hashedPassword'),
  dryrun: z.boolean().optional(),
});
export type ImportUsersBody = z.output<typeof ImportUsersBody>;

export const ImportUsersResponse = z.object({
  users: z.array(UserSchema),
  failures: z.array(z.object({ user: z.string(), reason: z.string() })),
});
export type ImportUsersResponse = z.output<typeof ImportUsersResponse>;
