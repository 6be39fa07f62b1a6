import { z } from 'zod';

/** One public key as the keys endpoints serve it (spec `sessionv1.JWKSResponse`; RSA members only). */
export const PublicJwkSchema = z.object({
  kty: z.literal('RSA'),
  alg: z.literal('RS256'),
  use: z.literal('sig'),
  kid: z.string(),
  n: z.string(),
  e: z.string(),
});

/** `GET /v2/keys/{projectId}` and the OIDC `jwks_uri` (spec `sessionv1.JWKSResponseV2`). */
export const KeySetResponse = z.object({ keys: z.array(PublicJwkSchema) });
export type KeySetResponse = z.input<typeof KeySetResponse>;

/**
 * `GET /v1/keys/{projectId}`: a bare array. The spec documents one object, but the SDKs read an array
 * (descope-auth-api.md §2.1: the SDKs win).
 */
export const KeyListResponse = z.array(PublicJwkSchema).describe('a bare array of keys');
export type KeyListResponse = z.input<typeof KeyListResponse>;
