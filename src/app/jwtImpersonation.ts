import {
  checkCanImpersonate,
  checkConsent,
  impersonationClaims,
  impersonatorOf,
} from '../domain/impersonation.js';
import { refreshTtlOf } from '../domain/mgmtJwt.js';
import { checkCanSignIn, checkCustomClaims } from '../domain/session.js';
import type { UserRecord } from '../domain/user.js';
import { invalid, missing, userNotFound } from '../errors.js';
import type { ImpersonateBody, JwtOnlyResponse, StopImpersonationBody } from '../schemas/jwt.js';
import { verifiedJwtArgument } from './jwtArguments.js';
import type { Services } from './operation.js';
import { issueSession, userGrant } from './session.js';
import { existingUser } from './user/lookup.js';

/**
 * Impersonation (docs `user-impersonation`; descope-auth-api.md §3.2, §7): a refresh token of the
 * impersonated user that names the impersonator in `act`, and back. Neither writes: impersonation is not
 * the user's sign-in (Vendor behaviour (inferred): no login history, no status change), so the checks run
 * before the signing and nothing can be half-written.
 */

/**
 * Vendor behaviour (inferred): a session no authentication of its holder made carries no `amr` (§3.4 says so
 * of anonymous sessions; impersonation and its end are taken alike).
 */
const NO_AMR: string[] = [];

/** `/v1/mgmt/impersonate` and `/v1/mgmt/impersonate/stepup` (`stepup`: the token also says `su:true`). */
export async function impersonate(
  services: Services,
  projectId: string,
  body: ImpersonateBody,
  stepup: boolean,
): Promise<JwtOnlyResponse> {
  if (!body.impersonatorId) throw missing('impersonatorId');
  if (!body.loginId) throw missing('loginId');
  const customClaims = body.customClaims ?? {};
  checkCustomClaims(customClaims);
  const refreshTtl = refreshTtlOf(body.refreshDuration);
  // The Go SDK documents the impersonator as a user ID; like every user selector, a login ID finds it too.
  const impersonator = impersonationUser(services, projectId, body.impersonatorId);
  const target = impersonationUser(services, projectId, body.loginId);
  checkCanImpersonate(impersonator, target, services.store.catalog.forProject(projectId));
  if (body.validateConsent) checkConsent(target, Math.floor(services.now() / 1000));
  const grant = userGrant(services, projectId, target, {
    amr: NO_AMR,
    selectedTenant: body.selectedTenant || undefined,
    customClaims,
    extraClaims: impersonationClaims(impersonator.userId, stepup),
  });
  const issued = await issueSession(services, projectId, grant, { refreshTtl });
  return { jwt: issued.refreshJwt };
}

/** `/v1/mgmt/stop/impersonation`: a refresh token of the impersonator the given token's `act` names. */
export async function stopImpersonation(
  services: Services,
  projectId: string,
  body: StopImpersonationBody,
): Promise<JwtOnlyResponse> {
  const customClaims = body.customClaims ?? {};
  checkCustomClaims(customClaims);
  const refreshTtl = refreshTtlOf(body.refreshDuration);
  const claims = await verifiedJwtArgument(services, projectId, body.jwt);
  const impersonatorId = impersonatorOf(claims);
  if (!impersonatorId) throw invalid('The jwt is not an impersonation token: it has no act claim');
  const found = services.store.users.findByUserId(projectId, impersonatorId);
  if (!found) throw userNotFound();
  checkCanSignIn(found.user);
  const grant = userGrant(services, projectId, found.user, {
    amr: NO_AMR,
    selectedTenant: body.selectedTenant || undefined,
    customClaims,
  });
  const issued = await issueSession(services, projectId, grant, { refreshTtl });
  return { jwt: issued.refreshJwt };
}

/**
 * A party to an impersonation, by login ID or user ID. Vendor behaviour (inferred): an unknown one is the
 * management API's user-not-found (404 E112102), these being management calls about stored users.
 */
function impersonationUser(services: Services, projectId: string, selector: string): UserRecord {
  const found = existingUser(services, projectId, selector);
  if (!found) throw userNotFound();
  checkCanSignIn(found.user);
  return found.user;
}
