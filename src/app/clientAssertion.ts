import { clientAssertionClaims } from '../domain/clientAssertion.js';
import type { ClientAssertionBody } from '../schemas/clientAssertion.js';
import type { JwtOnlyResponse } from '../schemas/jwt.js';
import type { Services } from './operation.js';
import { projectNotFound } from './projects.js';
import { projectSigningKey } from './signingKeys.js';
import { signToken } from './tokens.js';

/** `POST /v1/mgmt/token/clientassertion`: a client assertion signed with the project's key. Writes nothing. */
export async function generateClientAssertion(
  services: Services,
  projectId: string,
  body: ClientAssertionBody,
): Promise<JwtOnlyResponse> {
  const { claims, algorithm } = clientAssertionClaims(body, services.now());
  const key = await projectSigningKey(services, projectId, () => projectNotFound(projectId));
  return { jwt: await signToken(key, claims, algorithm) };
}
