import { z } from 'zod';

/**
 * The wire shapes of a password policy (descope-mgmt-more.md §7): management `password/settings` and the
 * authentication API's `password/policy` (descope-auth-api.md §6.4).
 */

export const PasswordSettingsSchema = z.object({
  enabled: z.boolean(),
  minLength: z.number().int(),
  lowercase: z.boolean(),
  uppercase: z.boolean(),
  number: z.boolean(),
  nonAlphanumeric: z.boolean(),
  expiration: z.boolean(),
  expirationWeeks: z.number().int(),
  reuse: z.boolean(),
  reuseAmount: z.number().int(),
  lock: z.boolean(),
  lockAttempts: z.number().int(),
  tempLock: z.boolean(),
  tempLockAttempts: z.number().int(),
  tempLockDuration: z.number().int(),
  enablePasswordStrength: z.boolean(),
  passwordStrengthScore: z.number().int(),
  anyLetter: z.boolean(),
  disallowedCharacters: z.string(),
  disallowEmailMatch: z.boolean(),
});

export const PasswordSettingsQuery = z.object({
  tenantId: z.string().optional().describe("absent or '': the project's own policy"),
});
export type PasswordSettingsQuery = z.output<typeof PasswordSettingsQuery>;

export const PasswordSettingsResponse = PasswordSettingsSchema.extend({ tenantId: z.string() });
export type PasswordSettingsResponse = z.input<typeof PasswordSettingsResponse>;

export const ConfigurePasswordSettingsBody = PasswordSettingsSchema.partial().extend({
  tenantId: z.string().optional().describe("absent or '': the project's own policy"),
  nonAlphaNumeric: z
    .boolean()
    .optional()
    .describe('alias of nonAlphanumeric (the Node SDK type spells it so)'),
});
export type ConfigurePasswordSettingsBody = z.output<typeof ConfigurePasswordSettingsBody>;

export const PasswordPolicyResponse = z.object({
  minLength: z.number().int(),
  lowercase: z.boolean(),
  uppercase: z.boolean(),
  number: z.boolean(),
  nonAlphanumeric: z.boolean(),
  strengthScoreEnabled: z.boolean(),
  strengthScore: z.number().int(),
});
export type PasswordPolicyResponse = z.input<typeof PasswordPolicyResponse>;
