import { z } from 'zod';
import { LoginOptionsSchema, selectorFields } from './user.js';

/** Embedded links (descope-api.md 4.14): a sign-in or sign-up token the caller embeds in its own link. */

const timeout = z.number().int().optional().describe('seconds the token stays valid');

/**
 * Descope's SignUpUser: the details the user is created with when the token is verified, kept as sent in
 * the outbox message (recovery contacts included) until then.
 */
const SignUpUserSchema = z.object({
  loginId: z.string().optional().describe('the login ID when the request names none'),
  name: z.string().optional(),
  givenName: z.string().optional(),
  middleName: z.string().optional(),
  familyName: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  recoveryEmail: z.string().optional(),
  recoveryPhone: z.string().optional(),
});

export const EmbeddedLinkSignInBody = z.object({
  ...selectorFields,
  customClaims: z.record(z.string(), z.unknown()).optional(),
  timeout,
});
export type EmbeddedLinkSignInBody = z.output<typeof EmbeddedLinkSignInBody>;

export const EmbeddedLinkSignUpBody = z.object({
  ...selectorFields,
  user: SignUpUserSchema.optional(),
  emailVerified: z.boolean().optional(),
  phoneVerified: z.boolean().optional(),
  loginOptions: LoginOptionsSchema.optional(),
  timeout,
});
export type EmbeddedLinkSignUpBody = z.output<typeof EmbeddedLinkSignUpBody>;

/** EmbeddedLinkSignInResponse carries maskedEmail and maskedPhone besides the token; every field is always sent. */
export const EmbeddedLinkResponse = z.object({
  token: z.string(),
  maskedEmail: z.string(),
  maskedPhone: z.string(),
});
export type EmbeddedLinkResponse = z.output<typeof EmbeddedLinkResponse>;
