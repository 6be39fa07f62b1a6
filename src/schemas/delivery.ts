import { z } from 'zod';
import { LoginOptionsSchema } from './user.js';

/**
 * The wire shapes of OTP, magic link and enchanted link (descope-auth-api.md §6.0-§6.3; core-js
 * `sdk/otp`, `sdk/magicLink`, `sdk/enchantedLink`). Unknown fields are dropped (web-js adds `fpData`,
 * Python root-level copies of the address), as protobuf's JSON decoder ignores them.
 */

const loginId = z.string().optional().describe('the login ID the code or link is for');
const loginOptions = LoginOptionsSchema.nullish().describe(
  'stepup/mfa (with the refresh token), customClaims, tenantId, templateOptions, revokeOtherSessions',
);
const redirectFields = {
  URI: z.string().optional().describe('the link target; the token is appended as `?t=`'),
  redirectUrl: z.string().optional().describe('alias of URI (spec)'),
};

/** The new user's details of a sign-up (§6.0 `user`). */
export const SignUpUserSchema = z.object({
  name: z.string().nullish(),
  givenName: z.string().nullish(),
  middleName: z.string().nullish(),
  familyName: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
});
export type SignUpUser = z.output<typeof SignUpUserSchema>;

/** `otp/signin|signup|signup-in/{channel}`: sign-up adds `user`. */
export const OtpStartBody = z.object({
  loginId,
  user: SignUpUserSchema.nullish(),
  loginOptions,
  providerId: z.string().optional(),
});
export type OtpStartBody = z.output<typeof OtpStartBody>;

/** `magiclink|enchantedlink/signin|signup|signup-in/{channel}`: OTP's, plus where the link points. */
export const LinkStartBody = OtpStartBody.extend(redirectFields);
export type LinkStartBody = z.output<typeof LinkStartBody>;

export const OtpVerifyBody = z.object({ loginId, code: z.string().optional() });
export type OtpVerifyBody = z.output<typeof OtpVerifyBody>;

export const LinkVerifyBody = z.object({
  token: z.string().optional().describe('the `t` of the link'),
  pkceVerifier: z.string().optional(),
});
export type LinkVerifyBody = z.output<typeof LinkVerifyBody>;

export const PendingSessionBody = z.object({ pendingRef: z.string().optional() });
export type PendingSessionBody = z.output<typeof PendingSessionBody>;

const updateFields = {
  loginId,
  addToLoginIDs: z.boolean().nullish().describe('also make the new address a login ID'),
  onMergeUseExisting: z.boolean().nullish(),
  failOnConflict: z.boolean().nullish(),
  templateOptions: z.record(z.string(), z.string()).nullish(),
  templateId: z.string().nullish(),
  providerId: z.string().nullish(),
  mfa: z.boolean().nullish(),
  locale: z.string().nullish(),
};

/** `otp/update/email` and the links' (with `URI`), under the refresh token. */
export const UpdateEmailBody = z.object({ ...updateFields, ...redirectFields, email: z.string().optional() });
export type UpdateEmailBody = z.output<typeof UpdateEmailBody>;

export const UpdatePhoneBody = z.object({ ...updateFields, ...redirectFields, phone: z.string().optional() });
export type UpdatePhoneBody = z.output<typeof UpdatePhoneBody>;

export const MaskedEmailResponse = z.object({ maskedEmail: z.string().describe('`a***@example.com`') });
export const MaskedPhoneResponse = z.object({ maskedPhone: z.string().describe('`+*******1234`') });
export type MaskedResponse = z.output<typeof MaskedEmailResponse> | z.output<typeof MaskedPhoneResponse>;

/** An enchanted link's start (spec `EnchantedLinkResponse`). */
export const EnchantedLinkResponse = z.object({
  linkId: z.string().describe('the number the user picks among the links of the e-mail'),
  pendingRef: z.string().describe('what the waiting device polls pending-session with'),
  maskedEmail: z.string(),
});
export type EnchantedLinkResponse = z.output<typeof EnchantedLinkResponse>;
