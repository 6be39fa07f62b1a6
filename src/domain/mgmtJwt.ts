import { invalid } from '../errors.js';

/**
 * What the management JWT calls (descope-auth-api.md §7) do to claims and lifetimes, apart from signing.
 */

/**
 * `refreshDuration` (seconds) as a refresh lifetime: 0 or absent is "not set" (proto3's unset int, which the
 * Go SDK always sends), so the project's lifetime applies. Vendor behaviour (inferred): a negative one is
 * refused, 400 E011004.
 */
export function refreshTtlOf(refreshDuration: number | undefined): number | undefined {
  if (refreshDuration === undefined || refreshDuration === 0) return undefined;
  if (refreshDuration < 0) throw invalid('The refreshDuration field cannot be negative');
  return refreshDuration;
}

/**
 * `jwt/update`: the token's claims with the custom claims merged at the top level (a name already there is
 * overwritten), checked by the caller against the reserved ones. A refresh token given `refreshTtl` expires
 * that long from now. Vendor behaviour (inferred): a session token keeps its expiry (and its `rexp`), since
 * `refreshDuration` names the refresh token's lifetime; every other claim (`iat`, `jti`) stays as it was, so
 * the updated refresh token is the same session for logout.
 */
export function updatedClaims(
  claims: Record<string, unknown>,
  customClaims: Record<string, unknown>,
  refreshTtl: number | undefined,
  clockS: number,
): Record<string, unknown> {
  const updated = { ...claims, ...customClaims };
  if (claims.drn === 'DSR' && refreshTtl !== undefined) updated.exp = clockS + refreshTtl;
  return updated;
}
