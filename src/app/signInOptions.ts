import type { Caller } from '../domain/caller.js';
import { checkCustomClaims } from '../domain/session.js';
import type { UserRecord } from '../domain/user.js';
import { invalid } from '../errors.js';
import type { LoginOptions } from '../schemas/signInOptions.js';
import type { Services } from './operation.js';
import { liveRefresh, verifiedRefreshClaims } from './refreshToken.js';
import type { UserGrantOptions } from './session.js';

/**
 * A user sign-in's `loginOptions` (descope-auth-api.md §6.0, §12): the session's factors (`amr`), its tenant,
 * the caller's custom claims, and a step-up or MFA that continues the session of the refresh token sent.
 */

/**
 * The refresh token a step-up or MFA sign-in continues, verified (this awaits, so a method calls it before
 * its transaction); undefined for any other sign-in, which ignores a token it does not need (web-js sends
 * its refresh token with every call). Without one: 401 E011003.
 */
export async function continuedRefresh(
  services: Services,
  projectId: string,
  caller: Caller,
  options: LoginOptions | undefined,
): Promise<Record<string, unknown> | undefined> {
  if (!options?.stepup && !options?.mfa) return undefined;
  return verifiedRefreshClaims(services, projectId, caller);
}

/**
 * What the session of a sign-in by `method` carries. Client custom claims go under `nsec`, or at the top
 * level when the caller appended a valid management key (§12). A continued session (`previous`) must be
 * the same user's and still live: `stepup` adds `su:true`, `mfa` adds this factor and `mfa` to its `amr`.
 * Call inside the method's transaction (liveRefresh reads revocations).
 */
export function signInGrantOptions(
  services: Services,
  projectId: string,
  caller: Caller,
  user: UserRecord,
  method: string,
  options: LoginOptions | undefined,
  previous: Record<string, unknown> | undefined,
): UserGrantOptions {
  const customClaims = options?.customClaims ?? {};
  checkCustomClaims(customClaims);
  const extraClaims: Record<string, unknown> = {};
  if (!caller.managementKey && Object.keys(customClaims).length > 0) extraClaims.nsec = customClaims;
  const grant: UserGrantOptions = {
    amr: [method],
    // Vendor behaviour (inferred): loginOptions.tenantId selects the session's tenant (dct), §3.2.
    selectedTenant: options?.tenantId || undefined,
    customClaims: caller.managementKey ? customClaims : {},
  };
  if (previous) {
    const { user: holder } = liveRefresh(services, projectId, previous);
    // Vendor behaviour (inferred): a step-up or MFA continues its own user's session only; 400 otherwise.
    if (holder.userId !== user.userId) throw invalid('The refresh token belongs to another user');
    if (options?.mfa) grant.amr = mfaAmr(previous.amr, method);
    if (options?.stepup) extraClaims.su = true;
  }
  if (Object.keys(extraClaims).length > 0) grant.extraClaims = extraClaims;
  return grant;
}

/** The factors of the continued session, this one, then `mfa` (two or more methods, §3.2), each once. */
function mfaAmr(previous: unknown, method: string): string[] {
  const factors = Array.isArray(previous)
    ? previous.filter((factor): factor is string => typeof factor === 'string')
    : [];
  return [...new Set([...factors.filter((factor) => factor !== 'mfa'), method, 'mfa'])];
}
