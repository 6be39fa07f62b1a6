import { z } from 'zod';
import { selectorFields } from './user.js';

/** Bodies of the single-attribute user updates (descope-api.md 4.9); each answers UserResponse. */

export const UpdateNameBody = z.object({
  ...selectorFields,
  displayName: z.string().optional(),
  name: z.string().optional().describe('alias of displayName (Go SDK, spec)'),
  givenName: z.string().optional(),
  middleName: z.string().optional(),
  familyName: z.string().optional(),
});
export type UpdateNameBody = z.output<typeof UpdateNameBody>;

/** The flags update/email and update/phone share: `verified` and `failOnConflict`. */
const contactFields = {
  verified: z.boolean().optional(),
  failOnConflict: z.boolean().optional(),
};

export const UpdatePhoneBody = z.object({
  ...selectorFields,
  phone: z.string().optional(),
  ...contactFields,
});
export type UpdatePhoneBody = z.output<typeof UpdatePhoneBody>;

export const UpdateEmailBody = z.object({
  ...selectorFields,
  email: z.string().optional(),
  ...contactFields,
});
export type UpdateEmailBody = z.output<typeof UpdateEmailBody>;

export const UpdatePictureBody = z.object({ ...selectorFields, picture: z.string().optional() });
export type UpdatePictureBody = z.output<typeof UpdatePictureBody>;

export const UpdateLoginIdBody = z.object({ ...selectorFields, newLoginId: z.string().optional() });
export type UpdateLoginIdBody = z.output<typeof UpdateLoginIdBody>;

export const UpdateStatusBody = z.object({ ...selectorFields, status: z.string().optional() });
export type UpdateStatusBody = z.output<typeof UpdateStatusBody>;

export const UpdateCustomAttributeBody = z.object({
  ...selectorFields,
  attributeKey: z.string().optional(),
  attributeValue: z.unknown().optional(),
});
export type UpdateCustomAttributeBody = z.output<typeof UpdateCustomAttributeBody>;

export const UpdateRecoveryEmailBody = z.object({
  ...selectorFields,
  recoveryEmail: z.string().optional(),
  verified: z.boolean().optional(),
});
export type UpdateRecoveryEmailBody = z.output<typeof UpdateRecoveryEmailBody>;

export const UpdateRecoveryPhoneBody = z.object({
  ...selectorFields,
  recoveryPhone: z.string().optional(),
  verified: z.boolean().optional(),
});
export type UpdateRecoveryPhoneBody = z.output<typeof UpdateRecoveryPhoneBody>;

export const UpdateImpersonationConsentBody = z.object({
  ...selectorFields,
  impersonationConsent: z.number().int().optional(),
});
export type UpdateImpersonationConsentBody = z.output<typeof UpdateImpersonationConsentBody>;
