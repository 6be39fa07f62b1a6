import { z } from 'zod';
import { selectorFields } from './user.js';

/** Request bodies of create, load and delete of one user (descope-api.md 4.1, 4.7, 4.8). */

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
export type CreateUserBody = z.output<typeof CreateUserBody>;

export const LoadUserQuery = z.object({
  loginId: z.string().optional(),
  userId: z.string().optional(),
  identifier: z.string().optional(),
});
export type LoadUserQuery = z.output<typeof LoadUserQuery>;

export const DeleteUserBody = z.object({ ...selectorFields, userId: z.string().optional() });
export type DeleteUserBody = z.output<typeof DeleteUserBody>;
