import { keyList, keySet } from '../../app/keys.js';
import { defineOperation } from '../../app/operation.js';
import { KeyListResponse, KeySetResponse } from '../../schemas/keys.js';

/**
 * The Node SDK fetches `/v2/keys/{projectId}` from `getKey` (through `validateJwt`), on the first token with
 * an unknown kid. Listed: the functions whose only call is this one. `refreshSession`,
 * `validateAndRefreshSession` and `exchangeAccessKey` fetch the keys too, but each also calls a route of its
 * own and is named by that route's operation, so the SDK coverage count (scripts/sdk-coverage.ts) never
 * takes one for emulated while its other call answers 501.
 */
const VALIDATING_METHODS = ['getKey', 'validateJwt', 'validateSession'];

/**
 * The project's public keys, for validating its session tokens locally (descope-auth-api.md §2.1). No
 * credentials: the project is the one the path names (src/http/access.ts), and `?certs` is ignored.
 */
export const keyOperations = [
  defineOperation({
    method: 'GET',
    path: '/v2/keys/:projectId',
    sdkMethods: VALIDATING_METHODS,
    summary: "The project's public keys for session token validation (V2)",
    operationId: 'GetKeysV2',
    tag: 'Session keys',
    response: KeySetResponse,
    handler: ({ projectId, services }) => keySet(services, projectId),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/keys/:projectId',
    sdkMethods: [],
    summary: "The project's public keys (V1): a bare array, as the SDKs read it",
    operationId: 'GetKeys',
    tag: 'Session keys',
    response: KeyListResponse,
    handler: ({ projectId, services }) => keyList(services, projectId),
  }),
  defineOperation({
    method: 'GET',
    path: '/:projectId/.well-known/jwks.json',
    sdkMethods: [],
    summary: "The project's public keys at the OIDC jwks_uri",
    operationId: 'GetWellKnownJWKS',
    tag: 'Session keys',
    response: KeySetResponse,
    handler: ({ projectId, services }) => keySet(services, projectId),
  }),
];
