import { z } from 'zod';

/**
 * The wire shapes of a tenant's session settings (descope-api.md 5.1). Bodies are typed as the handler
 * receives them (`z.output`), answers as the handler gives them (`z.input`).
 */

const unit = z.string().optional();

export const DisabledFeaturesSchema = z.object({
  saml: z.boolean(),
  oidc: z.boolean(),
  scim: z.boolean(),
  ssoDomains: z.boolean(),
  groupMapping: z.boolean(),
});

export const SsoSetupSuiteSettingsSchema = z.object({
  enabled: z.boolean(),
  styleId: z.string(),
  disabledFeatures: DisabledFeaturesSchema,
});

export const ConfigureTenantSettingsBody = z.object({
  tenantId: z.string().optional(),
  id: z.string().optional().describe('alias of tenantId'),
  domains: z.array(z.string()).optional(),
  selfProvisioningDomains: z.array(z.string()).optional(),
  authType: z.string().optional(),
  enabled: z.boolean().optional(),
  refreshTokenExpiration: z.number().int().optional(),
  refreshTokenExpirationUnit: unit,
  sessionTokenExpiration: z.number().int().optional(),
  sessionTokenExpirationUnit: unit,
  stepupTokenExpiration: z.number().int().optional(),
  stepupTokenExpirationUnit: unit,
  enableInactivity: z.boolean().optional(),
  inactivityTime: z.number().int().optional(),
  inactivityTimeUnit: unit,
  InactivityTime: z
    .number()
    .int()
    .optional()
    .describe('alias of inactivityTime (the Node SDK type spells it so)'),
  InactivityTimeUnit: unit.describe('alias of inactivityTimeUnit (Node SDK type)'),
  JITDisabled: z.boolean().optional(),
  ssoSetupSuiteSettings: z
    .object({
      enabled: z.boolean().optional(),
      styleId: z.string().optional(),
      disabledFeatures: DisabledFeaturesSchema.partial().optional(),
    })
    .optional(),
});
export type ConfigureTenantSettingsBody = z.output<typeof ConfigureTenantSettingsBody>;

/** tenant/settings (POST) answers an empty object, as Descope does. */
export const ConfigureTenantSettingsResponse = z.object({});
export type ConfigureTenantSettingsResponse = z.input<typeof ConfigureTenantSettingsResponse>;

export const TenantSettingsResponse = z.object({
  domains: z.array(z.string()),
  selfProvisioningDomains: z.array(z.string()),
  authType: z.string(),
  enabled: z.boolean(),
  refreshTokenExpiration: z.number().int(),
  refreshTokenExpirationUnit: z.string(),
  sessionTokenExpiration: z.number().int(),
  sessionTokenExpirationUnit: z.string(),
  stepupTokenExpiration: z.number().int(),
  stepupTokenExpirationUnit: z.string(),
  enableInactivity: z.boolean(),
  inactivityTime: z.number().int(),
  inactivityTimeUnit: z.string(),
  JITDisabled: z.boolean(),
  ssoSetupSuiteSettings: SsoSetupSuiteSettingsSchema,
});
export type TenantSettingsResponse = z.input<typeof TenantSettingsResponse>;
