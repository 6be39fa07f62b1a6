import { configureSettings, tenantSettings } from '../domain/tenantSettings.js';
import { missing } from '../errors.js';
import type { TenantQuery } from '../schemas/tenant.js';
import type {
  ConfigureTenantSettingsBody,
  ConfigureTenantSettingsResponse,
  TenantSettingsResponse,
} from '../schemas/tenantSettings.js';
import { requireTenant } from './lookup.js';
import type { Services } from './operation.js';

/** A tenant's session settings (descope-api.md 5.1): read and configured apart from the tenant itself. */

export const loadTenantSettings = (
  services: Services,
  projectId: string,
  query: TenantQuery,
): TenantSettingsResponse => tenantSettings(requireTenant(services.store, projectId, query.id));

export function configureTenantSettings(
  services: Services,
  projectId: string,
  body: ConfigureTenantSettingsBody,
): ConfigureTenantSettingsResponse {
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
}
