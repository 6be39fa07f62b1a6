import { invalid } from '../errors.js';
import type { Catalog } from './catalog.js';
import type { UserRecord } from './user.js';
import { permissionsOf } from './wire.js';

/**
 * User impersonation (docs `user-impersonation`; descope-auth-api.md §3.2, §7): who may impersonate whom, and
 * the claims that say a session is an impersonation.
 */

/** Descope's built-in permission (src/domain/role.ts BUILT_IN_PERMISSIONS), held through a role. */
export const IMPERSONATE_PERMISSION = 'Impersonate';

/**
 * The impersonator holds `Impersonate` at the project level, or in a tenant the impersonated user belongs
 * to (docs `user-impersonation`). Vendor behaviour (inferred): Descope's code for a missing permission is
 * not published; 400 E011004, the code of a request the service refuses.
 */
export function checkCanImpersonate(impersonator: UserRecord, target: UserRecord, catalog: Catalog): void {
  if (permissionsOf(impersonator.roleNames, catalog).includes(IMPERSONATE_PERMISSION)) return;
  const targetTenants = new Set(target.userTenants.map((membership) => membership.tenantId));
  const inSharedTenant = impersonator.userTenants.some(
    ({ tenantId, roleNames }) =>
      targetTenants.has(tenantId) &&
      permissionsOf(roleNames, catalog, tenantId).includes(IMPERSONATE_PERMISSION),
  );
  if (!inSharedTenant) {
    throw invalid(
      `User "${impersonator.userId}" lacks the ${IMPERSONATE_PERMISSION} permission for user "${target.userId}"`,
    );
  }
}

/**
 * `validateConsent`: the impersonated user's consent (management `update/impersonationConsent`, kept as
 * `consentExpiration`, epoch seconds) must still run. Vendor behaviour (inferred): refused 400 E011004.
 */
export function checkConsent(target: UserRecord, nowS: number): void {
  if (target.consentExpiration <= nowS) {
    throw invalid(`User "${target.userId}" has not consented to impersonation (or the consent expired)`);
  }
}

/**
 * The claims that mark an impersonation: `act` names the impersonator (RFC 8693; descope-auth-api.md §12,
 * inferred), `su` the step-up variant.
 */
export const impersonationClaims = (
  impersonatorUserId: string,
  stepup: boolean,
): Record<string, unknown> => ({
  act: { sub: impersonatorUserId },
  ...(stepup ? { su: true } : {}),
});

/** The impersonator's user ID of a token's claims, if the token is an impersonation. */
export function impersonatorOf(claims: Record<string, unknown>): string | undefined {
  const act = claims.act;
  if (typeof act !== 'object' || act === null) return undefined;
  const sub = (act as Record<string, unknown>).sub;
  return typeof sub === 'string' && sub !== '' ? sub : undefined;
}
