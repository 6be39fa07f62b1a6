import { z } from 'zod';

/** Descope's user object on the wire (ResponseUser): every field always present. */
const UserTenantSchema = z.object({
  tenantId: z.string(),
  tenantName: z.string(),
  roleNames: z.array(z.string()),
  permissions: z.array(z.string()),
});

const CustomAttributeValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  z.array(z.number()),
]);

export const UserSchema = z.object({
  loginIds: z.array(z.string()),
  userId: z.string(),
  name: z.string(),
  givenName: z.string(),
  middleName: z.string(),
  familyName: z.string(),
  email: z.string(),
  verifiedEmail: z.boolean(),
  phone: z.string(),
  verifiedPhone: z.boolean(),
  roleNames: z.array(z.string()),
  userTenants: z.array(UserTenantSchema),
  status: z.string(),
  externalIds: z.array(z.string()),
  picture: z.string(),
  test: z.boolean(),
  customAttributes: z.record(z.string(), CustomAttributeValueSchema),
  createdTime: z.number().int().describe('epoch seconds'),
  TOTP: z.boolean(),
  SAML: z.boolean(),
  OAuth: z.record(z.string(), z.boolean()),
  webauthn: z.boolean(),
  password: z.boolean(),
  ssoAppIds: z.array(z.string()),
  editable: z.boolean(),
  SCIM: z.boolean(),
  push: z.boolean(),
  permissions: z.array(z.string()),
  OIDC: z.boolean(),
  consentExpiration: z.number().int(),
  recoveryEmail: z.string(),
  verifiedRecoveryEmail: z.boolean(),
  recoveryPhone: z.string(),
  verifiedRecoveryPhone: z.boolean(),
});
export type User = z.output<typeof UserSchema>;

/** The body of every call that returns one user (create, update/*, GET user). */
export const UserResponse = z.object({ user: UserSchema, created: z.boolean() });
export type UserResponse = z.output<typeof UserResponse>;

/** The user selector every user call carries: `loginId`, or `identifier` as the .NET SDK spells it. */
export const selectorFields = {
  loginId: z.string().optional().describe('a login ID or a user ID'),
  identifier: z.string().optional().describe('alias of loginId (.NET SDK)'),
};

/** A body that names one user and nothing else. */
export const SelectorBody = z.object(selectorFields);
export type SelectorBody = z.output<typeof SelectorBody>;

/**
 * Descope's LoginOptions message (test-user helpers, embedded links): the published fields, typed, and any
 * other key kept as sent (the Python SDK adds `templateId`). A message, so a null inside it is "not set"
 * (the Python SDK sends `"customClaims": null`).
 */
export const LoginOptionsSchema = z
  .object({
    stepup: z.boolean().optional(),
    mfa: z.boolean().optional(),
    customClaims: z.record(z.string(), z.unknown()).optional(),
    templateOptions: z.record(z.string(), z.string()).optional(),
    tenantId: z.string().optional(),
    ssoAppId: z.string().optional(),
    locale: z.string().optional(),
    pkceChallenge: z.string().optional(),
    revokeOtherSessions: z.boolean().optional(),
    revokeOtherSessionsTypes: z.array(z.string()).optional(),
  })
  .catchall(z.unknown());
