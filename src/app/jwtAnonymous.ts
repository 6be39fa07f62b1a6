import { refreshTtlOf } from '../domain/mgmtJwt.js';
import { checkCustomClaims, cookieFieldsOf } from '../domain/session.js';
import { newUserId } from '../domain/user.js';
import { invalid } from '../errors.js';
import type { AnonymousBody, AnonymousJwtResponse } from '../schemas/jwt.js';
import type { Services } from './operation.js';
import { issueSession } from './session.js';

/**
 * `POST /v1/mgmt/auth/anonymous` (docs `anonymous-users`; descope-auth-api.md §3.4): a session for a user
 * Descope does not store. `sub` is a new ID shaped like a user ID, `danu:true`, no `amr` (no authentication),
 * no roles. Writes nothing: there is no user to record.
 */
export async function mgmtAnonymous(
  services: Services,
  projectId: string,
  body: AnonymousBody,
): Promise<AnonymousJwtResponse> {
  const customClaims = body.customClaims ?? {};
  checkCustomClaims(customClaims);
  const refreshTtl = refreshTtlOf(body.refreshDuration);
  const selectedTenant = body.selectedTenant || undefined;
  // Vendor behaviour (inferred): an anonymous user belongs to no tenant, so `dct` may name any tenant of
  // the project, but not one that does not exist (400 E011004).
  if (selectedTenant && !services.store.catalog.forProject(projectId).tenant(selectedTenant)) {
    throw invalid(`Tenant "${selectedTenant}" does not exist`);
  }
  const issued = await issueSession(
    services,
    projectId,
    {
      projectId,
      subject: newUserId(),
      amr: [],
      authorization: {},
      selectedTenant,
      customClaims,
      extraClaims: { danu: true },
    },
    { refreshTtl },
  );
  const { sessionJwt, refreshJwt, claims, clockMs } = issued;
  return { sessionJwt, refreshJwt, ...cookieFieldsOf(claims, clockMs) };
}
