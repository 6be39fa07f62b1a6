import { z } from 'zod';
import { selectorFields } from './user.js';
import { WebauthnImportDevice } from './webauthn.js';

/** Passwords, passkeys, TOTP and recovery codes of a user (descope-api.md 4.11, 4.15). */

export const SetPasswordBody = z.object({
  ...selectorFields,
  password: z.string().optional(),
  setActive: z
    .boolean()
    .optional()
    .describe('Go SDK on the deprecated path; ignored (it behaves like temporary)'),
});
export type SetPasswordBody = z.output<typeof SetPasswordBody>;

/** Descope's SetUserPasswordResponse: the password back in clear only when Descope generated it, so always "". */
export const SetPasswordResponse = z.object({ cleartext: z.string() });
export type SetPasswordResponse = z.output<typeof SetPasswordResponse>;

const PasskeySchema = z.object({
  id: z.string(),
  rpId: z.string(),
  kind: z.string(),
  displayName: z.string(),
  createdTime: z.number().int().describe('epoch seconds'),
});

export const PasskeysResponse = z.object({ passkeys: z.array(PasskeySchema) });
export type PasskeysResponse = z.output<typeof PasskeysResponse>;

export const RemovePasskeyBody = z.object({ ...selectorFields, credentialId: z.string().optional() });
export type RemovePasskeyBody = z.output<typeof RemovePasskeyBody>;

export const ImportPasskeysBody = z.object({
  ...selectorFields,
  devices: z.array(WebauthnImportDevice).optional(),
});
export type ImportPasskeysBody = z.output<typeof ImportPasskeysBody>;
