import { tenantEvent } from '../../app/auditEvents.js';
import { defineOperation } from '../../app/operation.js';
import { configureTenantSettings, loadTenantSettings } from '../../app/tenantSettings.js';
import { TenantQuery } from '../../schemas/tenant.js';
import {
  ConfigureTenantSettingsBody,
  ConfigureTenantSettingsResponse,
  TenantSettingsResponse,
} from '../../schemas/tenantSettings.js';

/** A tenant's session settings (descope-api.md 5.1): read and configured apart from the tenant itself. */
const tag = 'Tenants';

export const tenantSettingsOperations = [
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/tenant/settings',
    sdkMethods: ['management.tenant.getSettings'],
    summary: "A tenant's domains, auth type and session settings",
    operationId: 'GetTenantSettings',
    tag,
    query: TenantQuery,
    response: TenantSettingsResponse,
    handler: ({ query, projectId, services }) => loadTenantSettings(services, projectId, query),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tenant/settings',
    sdkMethods: ['management.tenant.configureSettings'],
    summary: "Configure a tenant's session settings (absent keys keep their values)",
    operationId: 'ConfigureTenantSettings',
    tag,
    body: ConfigureTenantSettingsBody,
    response: ConfigureTenantSettingsResponse,
    audit: tenantEvent('TenantModified'),
    handler: ({ body, projectId, services }) => configureTenantSettings(services, projectId, body),
  }),
];
