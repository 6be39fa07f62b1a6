import { blankSsoConfig, type SsoConfig, type SsoRoles } from '../domain/sso.js';
import type { TenantRecord } from '../domain/tenant.js';
import { invalid, missing } from '../errors.js';
import type { Store } from '../store/index.js';
import { requireTenant } from './lookup.js';

/** Finding the tenant, configuration and roles an SSO call names (descope-mgmt-more.md §2), or failing. */

/** The tenant a call names: `tenantId` missing is 400 E011002, an unknown one the tenant calls' error. */
export function requireSsoTenant(
  store: Store,
  projectId: string,
  tenantId: string | undefined,
): TenantRecord {
  if (!tenantId) throw missing('tenantId');
  return requireTenant(store, projectId, tenantId);
}

/** The roles the tenant's configurations may name: its own first, then the project's. */
export function ssoRolesOf(store: Store, projectId: string, tenantId: string): SsoRoles {
  return {
    byName: (name) =>
      store.roles.findRole(projectId, name, tenantId) ?? store.roles.findRole(projectId, name, ''),
    byId: (id) => {
      const role = store.roles.findRoleById(projectId, id);
      return role && (role.tenantId === '' || role.tenantId === tenantId) ? role : undefined;
    },
  };
}

/**
 * The configuration `ssoId` names: the default one ("" or absent) is always there, blank until configured.
 * Vendor behaviour (inferred): an `ssoId` the tenant does not have is a bad argument (400 E011004).
 */
export function requireSsoConfig(store: Store, projectId: string, tenantId: string, ssoId = ''): SsoConfig {
  const stored = store.ssoSettings.find(projectId, tenantId, ssoId);
  if (stored) return stored;
  if (ssoId === '') return blankSsoConfig('');
  throw invalid(`SSO configuration "${ssoId}" does not exist in tenant "${tenantId}"`);
}
