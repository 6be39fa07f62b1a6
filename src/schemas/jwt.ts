import { z } from 'zod';

/**
 * Management JWT calls (descope-auth-api.md §7; node `management/jwt.ts`, go `internal/mgmt/jwt.go`): tokens
 * signed for the management key's holder, which trusts the claims it sends (top level, §3.2).
 */

const customClaims = z
  .record(z.string(), z.unknown())
  .optional()
  .describe('trusted claims, at the top level of the tokens');
const refreshDuration = z
  .number()
  .int()
  .optional()
  .describe("seconds the refresh token lives instead of the project's; 0 or absent: the project's");
const selectedTenant = z.string().optional().describe('the tenant the session is in (`dct`)');

export const UpdateJwtBody = z.object({
  jwt: z.string().optional().describe('a session or refresh token this project signed'),
  customClaims,
  refreshDuration,
});
export type UpdateJwtBody = z.output<typeof UpdateJwtBody>;

/** UpdateJWTResponse: one token (impersonation: the refresh token). */
export const JwtOnlyResponse = z.object({ jwt: z.string() });
export type JwtOnlyResponse = z.output<typeof JwtOnlyResponse>;

export const ImpersonateBody = z.object({
  impersonatorId: z.string().optional().describe("the impersonator's user ID (or a login ID)"),
  loginId: z.string().optional().describe('the user to impersonate: a login ID or a user ID'),
  validateConsent: z.boolean().optional(),
  customClaims,
  selectedTenant,
  refreshDuration,
});
export type ImpersonateBody = z.output<typeof ImpersonateBody>;

export const StopImpersonationBody = z.object({
  jwt: z.string().optional().describe('a token of an impersonation (with `act`)'),
  customClaims,
  selectedTenant,
  refreshDuration,
});
export type StopImpersonationBody = z.output<typeof StopImpersonationBody>;

export const MgmtSignInBody = z.object({
  loginId: z.string().optional(),
  stepup: z.boolean().optional(),
  mfa: z.boolean().optional(),
  revokeOtherSessions: z.boolean().optional(),
  customClaims,
  jwt: z.string().optional().describe('a refresh token of the same user: required for stepup and mfa'),
  refreshDuration,
  tenantId: z.string().optional().describe('selects the tenant (Node SDK)'),
  selectedTenantId: z.string().optional().describe('selects the tenant (spec)'),
});
export type MgmtSignInBody = z.output<typeof MgmtSignInBody>;

/** MgmtUserOptions (Node) / the spec's SignUpUser: the details a sign-up creates the user with. */
const MgmtSignUpUserSchema = z.object({
  name: z.string().optional(),
  givenName: z.string().optional(),
  middleName: z.string().optional(),
  familyName: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  verifiedEmail: z.boolean().optional().describe('Node SDK'),
  verifiedPhone: z.boolean().optional().describe('Node SDK'),
  ssoAppIds: z.array(z.string()).optional().describe('Node SDK'),
});

export const MgmtSignUpBody = z.object({
  loginId: z.string().optional(),
  user: MgmtSignUpUserSchema.optional(),
  emailVerified: z.boolean().optional().describe('Go SDK'),
  phoneVerified: z.boolean().optional().describe('Go SDK'),
  ssoAppId: z.string().optional().describe('Go SDK'),
  customClaims,
  refreshDuration,
});
export type MgmtSignUpBody = z.output<typeof MgmtSignUpBody>;

export const AnonymousBody = z.object({
  customClaims,
  selectedTenant,
  refreshDuration,
});
export type AnonymousBody = z.output<typeof AnonymousBody>;

/** AnonymousJWTResponse: a JWTResponse without the user, which anonymous users are not. */
export const AnonymousJwtResponse = z.object({
  sessionJwt: z.string(),
  refreshJwt: z.string(),
  cookieDomain: z.string(),
  cookiePath: z.string(),
  cookieMaxAge: z.number().int().describe('seconds the refresh token has left'),
  cookieExpiration: z.number().int().describe('the refresh token expiry, epoch seconds'),
});
export type AnonymousJwtResponse = z.output<typeof AnonymousJwtResponse>;
