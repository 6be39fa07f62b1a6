import { z } from 'zod';
import { LoginOptionsSchema, selectorFields } from './user.js';

/** Descope's test-user helpers (descope-api.md 4.14): an OTP code, magic link or enchanted link for a test user. */

const loginOptions = LoginOptionsSchema.optional();
const redirectFields = {
  URI: z.string().optional().describe('the link target (Node, Go SDKs)'),
  redirectUrl: z.string().optional().describe('alias of URI (spec, .NET, Ruby SDKs)'),
};

export const GenerateOtpBody = z.object({
  ...selectorFields,
  deliveryMethod: z.string().optional(),
  loginOptions,
});
export type GenerateOtpBody = z.output<typeof GenerateOtpBody>;

export const GenerateOtpResponse = z.object({ loginId: z.string(), code: z.string() });
export type GenerateOtpResponse = z.output<typeof GenerateOtpResponse>;

export const GenerateMagicLinkBody = z.object({
  ...selectorFields,
  deliveryMethod: z.string().optional(),
  ...redirectFields,
  loginOptions,
});
export type GenerateMagicLinkBody = z.output<typeof GenerateMagicLinkBody>;

export const GenerateMagicLinkResponse = z.object({ loginId: z.string(), link: z.string() });
export type GenerateMagicLinkResponse = z.output<typeof GenerateMagicLinkResponse>;

export const GenerateEnchantedLinkBody = z.object({ ...selectorFields, ...redirectFields, loginOptions });
export type GenerateEnchantedLinkBody = z.output<typeof GenerateEnchantedLinkBody>;

export const GenerateEnchantedLinkResponse = z.object({
  loginId: z.string(),
  link: z.string(),
  pendingRef: z.string(),
});
export type GenerateEnchantedLinkResponse = z.output<typeof GenerateEnchantedLinkResponse>;
