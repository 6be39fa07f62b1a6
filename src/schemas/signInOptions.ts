import { z } from 'zod';

/**
 * What a sign-in takes beside its proof (descope-auth-api.md §6.0): `loginOptions` (spec `LoginOptions`) and
 * a sign-up's `user` (spec `SignUpUser`). Keys the mock does not use (templates, locale, pkce…) are accepted
 * and ignored.
 */
export const LoginOptionsSchema = z
  .object({
    stepup: z
      .boolean()
      .optional()
      .describe("needs the user's refresh token (bearer); the session gets su:true"),
    mfa: z
      .boolean()
      .optional()
      .describe("needs the user's refresh token (bearer); amr gets this factor and mfa"),
    customClaims: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('under nsec, or top level with an appended management key'),
    tenantId: z
      .string()
      .optional()
      .describe('the tenant the session selects (dct); the user must be a member'),
    revokeOtherSessions: z.boolean().optional().describe("revoke the user's other sessions"),
    revokeOtherSessionsTypes: z.array(z.string()).optional().describe('ignored'),
    templateId: z.string().optional().describe('ignored (messages are not rendered)'),
    templateOptions: z.record(z.string(), z.string()).optional().describe('ignored'),
    locale: z.string().optional().describe('ignored'),
    ssoAppId: z.string().optional().describe('ignored'),
    pkceChallenge: z.string().optional().describe('ignored'),
  })
  .describe('loginOptions');
export type LoginOptions = z.output<typeof LoginOptionsSchema>;

export const SignUpUserSchema = z
  .object({
    name: z.string().optional(),
    givenName: z.string().optional(),
    middleName: z.string().optional(),
    familyName: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
  })
  .describe("the new user's details");
export type SignUpUser = z.output<typeof SignUpUserSchema>;
