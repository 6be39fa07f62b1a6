import { exchangeRefusal, hashSecret } from '../domain/accessKey.js';
import type { Caller } from '../domain/caller.js';
import { authorizationOf, checkCustomClaims, type SessionGrant } from '../domain/session.js';
import { DescopeError, invalid } from '../errors.js';
import type { ExchangeAccessKeyBody, ExchangeAccessKeyResponse } from '../schemas/accessKeyExchange.js';
import type { Services } from './operation.js';
import { issueSessionToken } from './session.js';

/**
 * `POST /v1/auth/accesskey/exchange` (descope-auth-api.md §6.10, §3.4): the cleartext in the bearer
 * (`<projectId>:<cleartext>`) buys a session token for the key, without a refresh token. Read-only: the key
 * is found by the hash of its cleartext (the store keeps nothing else of it), and nothing is written.
 */
export async function exchangeAccessKey(
  services: Services,
  projectId: string,
  caller: Caller,
  body: ExchangeAccessKeyBody,
): Promise<ExchangeAccessKeyResponse> {
  const grant = accessKeyGrant(services, projectId, caller, body);
  const { claims, sessionJwt } = await issueSessionToken(services, projectId, grant);
  return { keyId: grant.subject, sessionJwt, expiration: claims.exp };
}

/**
 * What the key's session carries: the key as subject, its roles and tenants resolved as a user's are, its
 * own custom claims at the top level. No `amr` (§12: none for access keys).
 */
function accessKeyGrant(
  services: Services,
  projectId: string,
  caller: Caller,
  body: ExchangeAccessKeyBody,
): SessionGrant {
  const { store } = services;
  const cleartext = caller.token;
  if (!cleartext) throw new DescopeError('ACCESS_KEY_MISSING', 'Access key is missing from the bearer');
  const key = store.accessKeys.findBySecretHash(projectId, hashSecret(cleartext));
  // Vendor behaviour (inferred): one code for every unusable key (unknown, deleted, rotated, inactive,
  // expired, wrong address), as the swift SDK names only "invalid"; the message says which.
  if (!key) throw new DescopeError('ACCESS_KEY_INVALID', 'Invalid access key: no such key in this project');
  const refusal = exchangeRefusal(key, services.now(), caller.ip);
  if (refusal) throw new DescopeError('ACCESS_KEY_INVALID', `Invalid access key: ${refusal}`);
  const selectedTenant = body.loginOptions?.selectedTenant || undefined;
  // Vendor behaviour (inferred): a tenant the key is not in is a bad argument, as for a user (userGrant).
  if (selectedTenant && !key.keyTenants.some((membership) => membership.tenantId === selectedTenant)) {
    throw invalid(`Access key "${key.id}" is not a member of tenant "${selectedTenant}"`);
  }
  const requested = body.loginOptions?.customClaims ?? {};
  // The client's claims are trusted, top level, only when a valid management key was appended (§12);
  // otherwise they sit apart under `nsec`, where they can neither shadow nor be taken for the key's.
  const trusted = caller.managementKey;
  const customClaims = trusted ? { ...key.customClaims, ...requested } : key.customClaims;
  checkCustomClaims(customClaims);
  const hasRequested = Object.keys(requested).length > 0;
  return {
    projectId,
    subject: key.id,
    // Vendor behaviour (inferred): no authentication factor names an access key (§12).
    amr: [],
    authorization: authorizationOf(
      { roleNames: key.roleNames, userTenants: key.keyTenants },
      store.catalog.forProject(projectId),
    ),
    selectedTenant,
    customClaims,
    ...(!trusted && hasRequested ? { extraClaims: { nsec: requested } } : {}),
  };
}
