import { z } from 'zod';
import { LoginOptionsSchema, SignUpUserSchema } from './signInOptions.js';

/** TOTP calls of the authentication API (descope-auth-api.md §6.5; spec `SignUpTOTP`, `VerifyCodeTOTP`, …). */

export const TotpSignUpBody = z.object({
  loginId: z.string().optional(),
  user: SignUpUserSchema.optional(),
  ssoAppId: z.string().optional().describe('ignored'),
});
export type TotpSignUpBody = z.output<typeof TotpSignUpBody>;

export const TotpVerifyBody = z.object({
  loginId: z.string().optional(),
  code: z.string().optional().describe('the 6 digits the authenticator app shows'),
  loginOptions: LoginOptionsSchema.optional(),
});
export type TotpVerifyBody = z.output<typeof TotpVerifyBody>;

export const TotpUpdateBody = z.object({
  loginId: z.string().optional().describe("the refresh token's user"),
});
export type TotpUpdateBody = z.output<typeof TotpUpdateBody>;

/** Spec `TOTPResponse`. */
export const TotpResponse = z.object({
  provisioningURL: z.string().describe('otpauth://totp/<issuer>:<loginId>?secret=<key>&issuer=<issuer>…'),
  image: z.string().describe('a PNG QR code of provisioningURL, base64'),
  key: z.string().describe('the seed, base32'),
});
export type TotpResponse = z.input<typeof TotpResponse>;
