import { z } from 'zod';
import { UserSchema } from './user.js';
import { UsersAuthHistoryResponse } from './userSessions.js';

/**
 * What every call that signs a user in answers (spec `JWTResponse`; descope-auth-api.md §4.1). Times are
 * epoch seconds. A project in cookie mode (§4.2) sets the `DSR` (and `DS`) cookie instead of `refreshJwt`
 * (and `sessionJwt`), so both are optional here.
 */
export const JwtResponseSchema = z.object({
  sessionJwt: z.string().optional().describe('the session token; absent when the project sets the DS cookie'),
  refreshJwt: z
    .string()
    .optional()
    .describe('the refresh token; absent when the project sets the DSR cookie'),
  cookieDomain: z.string(),
  cookiePath: z.string(),
  cookieMaxAge: z.number().int().describe('seconds the refresh token has left'),
  cookieExpiration: z.number().int().describe('the refresh token expiry, epoch seconds'),
  sessionExpiration: z.number().int().describe('the session token expiry, epoch seconds'),
  user: UserSchema.optional().describe(
    'the user; absent for an anonymous session, which names no stored user',
  ),
  firstSeen: z.boolean(),
});
export type JwtResponse = z.output<typeof JwtResponseSchema>;

/**
 * `try-refresh` (spec `OptionalJWTResponse`): a JWTResponse without `user` and `firstSeen`, or `{}` when the
 * caller has no valid refresh token.
 */
export const OptionalJwtResponseSchema = JwtResponseSchema.omit({ user: true, firstSeen: true })
  .partial()
  .describe('a refreshed session, or {} when there is no valid refresh token');
export type OptionalJwtResponse = z.output<typeof OptionalJwtResponseSchema>;

/**
 * `refresh` and `try-refresh`: core-js sends `{}` or `{externalToken}` (accepted and ignored: the mock knows
 * no external session).
 */
export const RefreshSessionBody = z
  .object({ externalToken: z.string().optional().describe('ignored') })
  .describe('nothing needed; the refresh token is in the bearer or the DSR cookie');
export type RefreshSessionBody = z.output<typeof RefreshSessionBody>;

/** web-js adds `?dcs=t|f&dcr=t|f` to a refresh (descope-auth-api.md §1.3); ignored. */
export const RefreshSessionQuery = z.object({
  dcs: z.string().optional().describe('ignored (web-js)'),
  dcr: z.string().optional().describe('ignored (web-js)'),
});

/** `logout` and `logoutall`: core-js sends `{}`; the spec's `logoutType[]` is ignored. */
export const LogoutBody = z.object({}).describe('nothing needed');

/** `tenant/select`; a missing tenant is the app's 400 E011002. */
export const SelectTenantBody = z.object({
  tenant: z.string().optional().describe('a tenant the user is a member of (required)'),
});
export type SelectTenantBody = z.output<typeof SelectTenantBody>;

/** `me/tenants`: core-js sends one key, Go and Python send both (descope-auth-api.md §5). */
export const MyTenantsBody = z.object({
  dct: z.boolean().optional().describe("true: only the session's current tenant (dct)"),
  ids: z.array(z.string()).optional().describe("these of the user's tenants"),
});
export type MyTenantsBody = z.output<typeof MyTenantsBody>;

export const MyTenantsResponse = z.object({
  tenants: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      customAttributes: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});
export type MyTenantsResponse = z.output<typeof MyTenantsResponse>;

/** `me/history`: a bare array, as the SDKs read it (the spec's `{authHistory}` loses, §5). */
export const MyHistoryResponse = UsersAuthHistoryResponse.describe("a bare array of the user's sign-ins");
export type MyHistoryResponse = z.output<typeof MyHistoryResponse>;

/** `validate`: the session token's claims as they were signed. */
export const ValidateSessionResponse = z.object({
  parsedJWT: z.record(z.string(), z.unknown()).describe("the session token's claims"),
});
export type ValidateSessionResponse = z.output<typeof ValidateSessionResponse>;
