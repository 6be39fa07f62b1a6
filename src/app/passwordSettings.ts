import {
  DEFAULT_PASSWORD_SETTINGS,
  type PasswordSettings,
  replacedPasswordSettings,
} from '../domain/passwordSettings.js';
import type {
  ConfigurePasswordSettingsBody,
  PasswordSettingsQuery,
  PasswordSettingsResponse,
} from '../schemas/passwordSettings.js';
import type { VoidResponse } from '../schemas/void.js';
import { requireTenant } from './lookup.js';
import type { Services } from './operation.js';

/**
 * Password policies (descope-mgmt-more.md §7): the project's own (no tenant ID, or '') and each tenant's,
 * independent of each other. Vendor behaviour (inferred): a tenant that never configured one reads the
 * project's policy; a project that never configured one reads Descope's default.
 */

/** The policy in force for the project (`tenantId` '' or absent) or a tenant of it. */
export function passwordSettingsOf(services: Services, projectId: string, tenantId = ''): PasswordSettings {
  const { passwordSettings } = services.store;
  const own = passwordSettings.find(projectId, tenantId);
  if (own) return own;
  return (tenantId && passwordSettings.find(projectId, '')) || DEFAULT_PASSWORD_SETTINGS;
}

export function loadPasswordSettings(
  services: Services,
  projectId: string,
  query: PasswordSettingsQuery,
): PasswordSettingsResponse {
  const tenantId = query.tenantId ?? '';
  if (tenantId) requireTenant(services.store, projectId, tenantId);
  return { tenantId, ...passwordSettingsOf(services, projectId, tenantId) };
}

export function configurePasswordSettings(
  services: Services,
  projectId: string,
  body: ConfigurePasswordSettingsBody,
): VoidResponse {
  const { tenantId = '', nonAlphaNumeric, ...given } = body;
  if (tenantId) requireTenant(services.store, projectId, tenantId);
  const settings = replacedPasswordSettings({
    ...given,
    nonAlphanumeric: given.nonAlphanumeric ?? nonAlphaNumeric,
  });
  services.store.passwordSettings.save(projectId, tenantId, settings);
  return {};
}
