import { z } from 'zod';

/** A proto3 `bytes` field: base64, standard or URL-safe, padded or not. */
const Bytes = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');

/**
 * One device of passkeys/import (Descope's WebauthnImportDevice): a credential exported from Descope or from
 * Auth0, with every field the spec lists. The mock keeps them all with the passkey (snapshots carry them);
 * the passkey list answers only its own fields.
 */
export const WebauthnImportDevice = z.object({
  descope: z
    .object({
      credentialId: z.string().optional(),
      rpId: z.string().optional(),
      publicKey: Bytes.optional(),
      attestationType: z.string().optional(),
      aaguid: z.string().optional(),
      transports: z.array(z.string()).optional(),
      backupEligible: z.boolean().optional(),
      backupState: z.boolean().optional(),
    })
    .optional(),
  // The keyId, rpId and publicKey of a passkey and of an MFA WebAuthn key alike; the rest, passkeys only.
  auth0: z
    .object({
      keyId: z.string().optional(),
      rpId: z.string().optional(),
      publicKey: Bytes.optional(),
      aaguid: z.string().optional(),
      transports: z.array(z.string()).optional(),
      credentialDeviceType: z.string().optional(),
      credentialBackedUp: z.boolean().optional(),
      userHandle: z.string().optional(),
    })
    .optional(),
});
export type WebauthnImportDevice = z.infer<typeof WebauthnImportDevice>;
