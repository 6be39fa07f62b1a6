import { DescopeError, invalid, missing } from '../errors.js';
import type { Services } from './operation.js';
import { verifyToken } from './tokens.js';

/** What the management JWT calls (descope-auth-api.md §7) share: the token they are given, the users they sign. */

/**
 * The claims of a token the caller hands in (`jwt`): signed by this project's key, not expired, issued for
 * this project. Vendor behaviour (inferred): Descope's answer to a bad token here is not published; 400
 * E011004, not the 401 a session route answers, because the caller's own credentials (the management key)
 * are good and the token is an argument: a 401 would read, to an SDK's unauthorized check, as a bad
 * management key.
 */
export async function verifiedJwtArgument(
  services: Services,
  projectId: string,
  jwt: string | undefined,
): Promise<Record<string, unknown>> {
  if (!jwt) throw missing('jwt');
  let claims: Record<string, unknown>;
  try {
    claims = await verifyToken(services.store.signingKeys.find(projectId), jwt, services.now());
  } catch (error) {
    if (error instanceof DescopeError && error.kind === 'UNAUTHORIZED') throw invalid(error.message);
    throw error;
  }
  if (claims.iss !== projectId) throw invalid('Invalid token: issued for another project');
  return claims;
}
