import { z } from 'zod';

/** The user selector every user call carries: `loginId`, or `identifier` as the .NET SDK spells it. */
export const selectorFields = {
  loginId: z.string().optional().describe('a login ID or a user ID'),
  identifier: z.string().optional().describe('alias of loginId (.NET SDK)'),
};

export const SelectorBody = z.object(selectorFields);

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

/** The attributes of create and full update, with every alias official SDKs send (descope-api.md 1.7). */
export const userAttributeFields = {
  email: z.string().optional(),
  phone: z.string().optional(),
  phoneNumber: z.string().optional().describe('alias of phone (.NET SDK)'),
  displayName: z.string().optional(),
  name: z.string().optional().describe('alias of displayName'),
  givenName: z.string().optional(),
  middleName: z.string().optional(),
  familyName: z.string().optional(),
  picture: z.string().optional(),
  roleNames: z.array(z.string()).optional(),
  userTenants: z
    .array(z.object({ tenantId: z.string().default(''), roleNames: z.array(z.string()).default([]) }))
    .optional(),
  customAttributes: z.record(z.string(), z.unknown()).optional(),
  verifiedEmail: z.boolean().optional(),
  verifiedPhone: z.boolean().optional(),
  additionalLoginIds: z.array(z.string()).optional(),
  additionalIdentifiers: z
    .array(z.string())
    .optional()
    .describe('alias of additionalLoginIds (Java SDK, spec)'),
  ssoAppIds: z.array(z.string()).optional(),
  ssoAppIDs: z.array(z.string()).optional().describe('alias of ssoAppIds (Go, Python, Java SDKs)'),
  status: z.string().optional(),
  recoveryEmail: z.string().optional(),
  recoveryPhone: z.string().optional(),
  verifiedRecoveryEmail: z.boolean().optional(),
  verifiedRecoveryPhone: z.boolean().optional(),
};

/** The invitation keys of create (invite) and create/batch (inviteBatch sends them at the top level). */
export const inviteFields = {
  invite: z.boolean().optional(),
  inviteUrl: z.string().optional(),
  sendMail: z.boolean().optional(),
  sendSMS: z.boolean().optional(),
  templateOptions: z.record(z.string(), z.string()).optional(),
  templateId: z.string().optional(),
  locale: z.string().optional(),
};

export const CreateUserBody = z.object({
  ...selectorFields,
  ...userAttributeFields,
  test: z.boolean().optional(),
  ...inviteFields,
  // In Descope's CreateUser request (the Node SDK sends them only through create/batch).
  password: z.string().optional().describe('cleartext; only its hash is kept'),
  hashedPassword: z.record(z.string(), z.unknown()).optional().describe('as in create/batch'),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;
