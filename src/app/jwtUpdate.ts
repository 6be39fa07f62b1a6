import { refreshTtlOf, updatedClaims } from '../domain/mgmtJwt.js';
import { checkCustomClaims } from '../domain/session.js';
import type { JwtOnlyResponse, UpdateJwtBody } from '../schemas/jwt.js';
import { verifiedJwtArgument } from './jwtArguments.js';
import type { Services } from './operation.js';
import { projectNotFound } from './projects.js';
import { projectSigningKey } from './signingKeys.js';
import { signToken } from './tokens.js';

/**
 * `POST /v1/mgmt/jwt/update`: a session or refresh token re-signed with the custom claims merged at the top
 * level (trusted: the management key sent them). Writes nothing.
 */
export async function updateJwt(
  services: Services,
  projectId: string,
  body: UpdateJwtBody,
): Promise<JwtOnlyResponse> {
  const customClaims = body.customClaims ?? {};
  checkCustomClaims(customClaims);
  const refreshTtl = refreshTtlOf(body.refreshDuration);
  const claims = await verifiedJwtArgument(services, projectId, body.jwt);
  const key = await projectSigningKey(services, projectId, () => projectNotFound(projectId));
  const updated = updatedClaims(claims, customClaims, refreshTtl, Math.floor(services.now() / 1000));
  return { jwt: await signToken(key, updated) };
}
