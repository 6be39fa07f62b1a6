import { keyList, keySet } from '../../app/keys.js';
import { defineOperation } from '../../app/operation.js';
import { KeyListResponse, KeySetResponse } from '../../schemas/keys.js';

/** The Node SDK fetches `/v2/keys/{projectId}` from `validateJwt`, on the first token with an unknown kid. */
const VALIDATING_METHODS = [
  'validateJwt',
  'validateSession',
  'validateAndRefreshSession',
  'refreshSession',
  'exchangeAccessKey',
];

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
