import { z } from 'zod';

/**
 * The wire shapes of the access-key exchange (spec `ExchangeAccessKey`; descope-auth-api.md §6.10). Unknown
 * fields are dropped, as protobuf's JSON decoder ignores them; Python sends `loginOptions: {}` when it has none.
 */
export const ExchangeAccessKeyBody = z.object({
  loginOptions: z
    .object({
      customClaims: z
        .record(z.string(), z.unknown())
        .nullish()
        .describe("the client's claims: under `nsec`, or top level with an appended management key"),
      selectedTenant: z.string().nullish().describe("the session's tenant (`dct`), one of the key's"),
    })
    .nullish(),
});
export type ExchangeAccessKeyBody = z.output<typeof ExchangeAccessKeyBody>;

export const ExchangeAccessKeyResponse = z.object({
  keyId: z.string(),
  sessionJwt: z.string(),
  expiration: z.number().int().describe('the session token expiry, epoch seconds'),
});
export type ExchangeAccessKeyResponse = z.input<typeof ExchangeAccessKeyResponse>;
