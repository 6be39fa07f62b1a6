import type { SignInMethod } from '../domain/audit.js';
import type { Caller } from '../domain/caller.js';
import { checkCustomClaims } from '../domain/session.js';
import type { UserRecord } from '../domain/user.js';
import { invalid } from '../errors.js';
import type { LoginOptions } from '../schemas/signInOptions.js';
import type { StoredUser } from '../store/users.js';
import type { Services } from './operation.js';
import { liveRefresh, verifiedRefreshClaims } from './refreshToken.js';
import type { UserGrantOptions } from './session.js';
import { type RecordedSignIn, recordSignIn } from './signIn.js';

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
 * A sign-in's grant: its factors, its tenant, and the caller's custom claims: at the top level when they are
 * trusted (a management key appended, or a message management made), else apart under `nsec`, where they can
 * neither shadow nor be taken for server-set claims (§12).
 */
export function signInGrant(
  amr: string[],
  customClaims: Record<string, unknown>,
  trusted: boolean,
  tenantId?: string,
): UserGrantOptions {
  const grant: UserGrantOptions = {
    amr,
    // Vendor behaviour (inferred): loginOptions.tenantId selects the session's tenant (dct), §3.2.
    selectedTenant: tenantId || undefined,
    customClaims: trusted ? customClaims : {},
  };
  if (!trusted && Object.keys(customClaims).length > 0) grant.extraClaims = { nsec: customClaims };
  return grant;
}

/**
 * A step-up or MFA continuing the session of `previous` (a refresh token, judged live again here, inside the
 * method's transaction, as it may have been revoked since the start): it must be the same user's
 * (Vendor behaviour (inferred): 400 otherwise); the session keeps its factors and adds this one, `mfa` for
 * MFA (two or more methods, §3.2), `su:true` for a step-up.
 */
export function continueGrant(
  services: Services,
  projectId: string,
  user: UserRecord,
  grant: UserGrantOptions,
  previous: Record<string, unknown>,
  how: { stepup?: boolean; mfa?: boolean },
): UserGrantOptions {
  const { user: holder } = liveRefresh(services, projectId, previous);
  if (holder.userId !== user.userId) throw invalid('The refresh token belongs to another user');
  const earlier = Array.isArray(previous.amr)
    ? previous.amr.filter((factor): factor is string => typeof factor === 'string' && factor !== 'mfa')
    : [];
  return {
    ...grant,
    amr: [...new Set([...earlier, ...grant.amr, ...(how.mfa ? ['mfa'] : [])])],
    ...(how.stepup ? { extraClaims: { ...grant.extraClaims, su: true } } : {}),
  };
}

/**
 * What the session of a sign-in by `method` carries, from its `loginOptions` (signInGrant), continued when
 * it is a step-up or MFA (`previous`, continueGrant). Call inside the method's transaction.
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
  const grant = signInGrant([method], customClaims, caller.managementKey, options?.tenantId);
  if (!previous) return grant;
  return continueGrant(services, projectId, user, grant, previous, {
    stepup: options?.stepup === true,
    mfa: options?.mfa === true,
  });
}

/**
 * A user's sign-in by `method` written, as its `loginOptions` ask (signInGrantOptions, and
 * `revokeOtherSessions`), with the caller's address in the login history. Inside the method's transaction.
 */
export function recordUserSignIn(
  services: Services,
  projectId: string,
  caller: Caller,
  stored: StoredUser,
  method: string,
  options: LoginOptions | undefined,
  previous: Record<string, unknown> | undefined,
  auditMethod: SignInMethod,
): RecordedSignIn {
  const grant = signInGrantOptions(services, projectId, caller, stored.user, method, options, previous);
  return recordSignIn(services, projectId, stored, grant, {
    method: auditMethod,
    ip: caller.ip,
    revokeOtherSessions: options?.revokeOtherSessions === true,
  });
}
