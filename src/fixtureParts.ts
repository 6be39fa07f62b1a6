import { z } from 'zod';
import { PASSWORD_STATES } from './domain/credentials.js';
import { EXPIRATION_UNITS } from './domain/tenantSettings.js';
import { WebauthnImportDevice } from './schemas/webauthn.js';

/**
 * The nested objects of the fixture format (src/fixtures.ts): a user's credentials and sign-ins, a tenant's
 * session settings, and access keys. Times are epoch seconds, as on the wire, unless a name says otherwise;
 * an absent time is the seeding time.
 */

const epochSeconds = z.number().int().nonnegative();
/** Epoch milliseconds, the unit the mock keeps internal change times in. */
const epochMs = z.number().int().nonnegative();

export const PasskeyFixture = z.object({
  id: z.string().min(1),
  rpId: z.string().default(''),
  kind: z.string().default(''),
  displayName: z.string().default(''),
  createdTime: epochSeconds.optional(),
  /** What passkeys/import was given for it (a snapshot's passkey); absent for one that was not imported. */
  device: WebauthnImportDevice.optional(),
});

export const TrustedDeviceFixture = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  deviceType: z.string().default(''),
  lastLoginTime: epochSeconds.optional(),
  expirationTime: epochSeconds.optional(),
  lastLocation: z.string().default(''),
});

export const ProviderTokenFixture = z.object({
  provider: z.string().min(1),
  providerUserId: z.string().default(''),
  accessToken: z.string().min(1),
  refreshToken: z.string().default(''),
  expiration: epochSeconds.optional(),
  scopes: z.array(z.string()).default([]),
});

export const LoginFixture = z.object({
  loginTime: epochSeconds,
  city: z.string().default(''),
  country: z.string().default(''),
  ip: z.string().default(''),
  selectedTenant: z.string().default(''),
});

/**
 * A user's password: a cleartext for a hand-written fixture (only its hash is stored) or the stored hash a
 * snapshot carries (`scrypt$…` made by the mock, `imported$…` kept from a user import). Never both.
 */
export const PasswordFixtureKeys = {
  cleartextPassword: z.string().min(1).optional(),
  passwordHash: z
    .string()
    .regex(/^(scrypt|imported)\$/, 'a password hash as a snapshot exports it (scrypt$… or imported$…)')
    .optional(),
  passwordState: z.enum(PASSWORD_STATES).optional(),
  passwordSetTime: epochMs.optional(),
  /** When every session of the user was last revoked (logout). */
  logoutTime: epochMs.optional(),
};

/** Typed as a string, like the record it fills; checked here so the error names the key. */
const unit = z
  .string()
  .refine(
    (value) => value === '' || (EXPIRATION_UNITS as readonly string[]).includes(value),
    `must be one of: ${EXPIRATION_UNITS.join(', ')} (or "")`,
  );

/** `tenant/settings`' session part; a key left out keeps the default of a tenant never configured. */
export const TenantSettingsFixture = z.object({
  enabled: z.boolean().optional(),
  refreshTokenExpiration: z.number().int().nonnegative().optional(),
  refreshTokenExpirationUnit: unit.optional(),
  sessionTokenExpiration: z.number().int().nonnegative().optional(),
  sessionTokenExpirationUnit: unit.optional(),
  stepupTokenExpiration: z.number().int().nonnegative().optional(),
  stepupTokenExpirationUnit: unit.optional(),
  enableInactivity: z.boolean().optional(),
  inactivityTime: z.number().int().nonnegative().optional(),
  inactivityTimeUnit: unit.optional(),
  JITDisabled: z.boolean().optional(),
  ssoSetupSuiteSettings: z
    .object({
      enabled: z.boolean().optional(),
      styleId: z.string().optional(),
      disabledFeatures: z
        .object({
          saml: z.boolean().optional(),
          oidc: z.boolean().optional(),
          scim: z.boolean().optional(),
          ssoDomains: z.boolean().optional(),
          groupMapping: z.boolean().optional(),
        })
        .optional(),
    })
    .optional(),
});

/**
 * An access key. The secret is either a cleartext (`secret`, for a hand-written fixture whose test signs in
 * with a known key) or the stored SHA-256 hash a snapshot carries (`secretHash`); with neither, a random
 * secret nobody knows. References (roles, tenants, bound user) must exist in the project.
 */
export const AccessKeyFixture = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9]{1,64}$/, 'an access key ID is letters and digits')
    .optional(),
  name: z.string().min(1),
  description: z.string().default(''),
  status: z.enum(['active', 'inactive']).default('active'),
  /** 0 = never expires; a past time is kept (a snapshot may hold an expired key). */
  expireTime: epochSeconds.default(0),
  roleNames: z.array(z.string()).default([]),
  keyTenants: z
    .array(z.object({ tenantId: z.string().min(1), roleNames: z.array(z.string()).default([]) }))
    .default([]),
  /** The `userId` of a user of the project (pin it on the user). */
  boundUserId: z.string().default(''),
  customClaims: z.record(z.string(), z.unknown()).default({}),
  permittedIps: z.array(z.string()).default([]),
  customAttributes: z.record(z.string(), z.unknown()).default({}),
  createdTime: epochSeconds.optional(),
  createdBy: z.string().default(''),
  clientId: z.string().min(1).optional(),
  editable: z.boolean().default(true),
  secret: z.string().min(1).optional(),
  secretHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in lowercase hex')
    .optional(),
});

export type AccessKeyFixture = z.infer<typeof AccessKeyFixture>;
export type TenantSettingsFixture = z.infer<typeof TenantSettingsFixture>;
