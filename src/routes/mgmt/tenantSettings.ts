import { z } from 'zod';
import { defineOperation } from '../../app/operation.js';
import { configureSettings, tenantSettings } from '../../domain/tenantSettings.js';
import { missing } from '../../errors.js';
import { requireTenant } from './lookup.js';

/** A tenant's session settings (descope-api.md 5.1): read and configured apart from the tenant itself. */
const tag = 'Tenants';

const unit = z.string().optional();
const DisabledFeatures = z.object({
  saml: z.boolean(),
  oidc: z.boolean(),
  scim: z.boolean(),
  ssoDomains: z.boolean(),
  groupMapping: z.boolean(),
});
const SuiteSettings = z.object({
  enabled: z.boolean(),
  styleId: z.string(),
  disabledFeatures: DisabledFeatures,
});

const SettingsBody = z.object({
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
      disabledFeatures: DisabledFeatures.partial().optional(),
    })
    .optional(),
});

const SettingsResponse = z.object({
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
  ssoSetupSuiteSettings: SuiteSettings,
});

export const tenantSettingsOperations = [
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/tenant/settings',
    sdkMethods: ['management.tenant.getSettings'],
    summary: "A tenant's domains, auth type and session settings",
    operationId: 'GetTenantSettings',
    tag,
    query: z.object({ id: z.string().optional() }),
    response: SettingsResponse,
    handler: ({ query, projectId, services }) =>
      tenantSettings(requireTenant(services.store, projectId, query.id)),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tenant/settings',
    sdkMethods: ['management.tenant.configureSettings'],
    summary: "Configure a tenant's session settings (absent keys keep their values)",
    operationId: 'ConfigureTenantSettings',
    tag,
    body: SettingsBody,
    response: z.object({}),
    handler: ({ body, projectId, services }) =>
      services.store.transaction(() => {
        const { tenantId, id, InactivityTime, InactivityTimeUnit, ...settings } = body;
        if (!tenantId && !id) throw missing('tenantId');
        const tenant = requireTenant(services.store, projectId, tenantId || id);
        const next = configureSettings(tenant, {
          ...settings,
          inactivityTime: settings.inactivityTime ?? InactivityTime,
          inactivityTimeUnit: settings.inactivityTimeUnit ?? InactivityTimeUnit,
        });
        services.store.tenants.update(projectId, next);
        return {};
      }),
  }),
];
