import { z } from 'zod';
import { LoginOptionsSchema, SignUpUserSchema } from './signInOptions.js';

/** The password calls of the authentication API (descope-auth-api.md §6.4; spec `SignUpPassword` …). */

export const PasswordSignUpBody = z.object({
  loginId: z.string().optional(),
  password: z.string().optional(),
  user: SignUpUserSchema.optional(),
  loginOptions: LoginOptionsSchema.optional(),
});
export type PasswordSignUpBody = z.output<typeof PasswordSignUpBody>;

export const PasswordSignInBody = z.object({
  loginId: z.string().optional(),
  password: z.string().optional(),
  loginOptions: LoginOptionsSchema.optional(),
});
export type PasswordSignInBody = z.output<typeof PasswordSignInBody>;

export const PasswordReplaceBody = z.object({
  loginId: z.string().optional(),
  oldPassword: z.string().optional(),
  newPassword: z.string().optional(),
  revokeOtherSessions: z.boolean().optional().describe("revoke the user's other sessions"),
});
export type PasswordReplaceBody = z.output<typeof PasswordReplaceBody>;

export const PasswordUpdateBody = z.object({
  loginId: z.string().optional().describe("the refresh token's user"),
  newPassword: z.string().optional(),
});
export type PasswordUpdateBody = z.output<typeof PasswordUpdateBody>;

export const PasswordResetBody = z.object({
  loginId: z.string().optional(),
  redirectUrl: z.string().optional().describe('the page the emailed link opens, with ?t=<token>'),
  templateOptions: z.record(z.string(), z.string()).optional().describe('ignored'),
  providerId: z.string().optional().describe('ignored'),
  locale: z.string().optional().describe('ignored'),
});
export type PasswordResetBody = z.output<typeof PasswordResetBody>;

export const PasswordResetResponse = z.object({
  resetMethod: z.string().describe('magiclink: the link verifies at magiclink/verify'),
  maskedEmail: z.string(),
});
export type PasswordResetResponse = z.input<typeof PasswordResetResponse>;
