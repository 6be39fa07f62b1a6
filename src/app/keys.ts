import { publicJwkOf } from '../domain/signingKey.js';
import { invalid } from '../errors.js';
import type { KeyListResponse, KeySetResponse } from '../schemas/keys.js';
import type { Services } from './operation.js';
import { projectSigningKey } from './signingKeys.js';

/**
 * Vendor behaviour (inferred): Descope's answer to a keys request for a project it does not know is not
 * published; a not-found is a 400 on the auth API (descope-auth-api.md §12), with the bad-argument code.
 */
const unknownProject = (projectId: string) => () => invalid(`Project "${projectId}" does not exist`);

/** The project's public keys, as `/v2/keys/{projectId}` and the OIDC `jwks_uri` serve them. */
export async function keySet(services: Services, projectId: string): Promise<KeySetResponse> {
  return { keys: await keyList(services, projectId) };
}

/** The same keys as `/v1/keys/{projectId}` serves them: a bare array. */
export async function keyList(services: Services, projectId: string): Promise<KeyListResponse> {
  const key = await projectSigningKey(services, projectId, unknownProject(projectId));
  return [publicJwkOf(key)];
}
