import { z } from 'zod';
import { LoginOptionsSchema } from './user.js';

/**
 * OAuth and SSO sign-ins (descope-auth-api.md §6.8, §6.9). core-js posts the start's `loginOptions` as the
 * whole body (`{}` without), and every other argument in the query.
 */
// Unknown keys (web-js's fpData…) are dropped, not kept: a body of open additional properties at the top
// level stops the docs page (Swagger UI) from rendering.
export const AuthorizeBody = z
  .object(LoginOptionsSchema.shape)
  .describe('loginOptions (customClaims, tenantId, revokeOtherSessions); stepup and mfa are not emulated');
export type LoginOptions = z.output<typeof LoginOptionsSchema>;

const redirectFields = {
  redirectURL: z.string().optional().describe('where the browser goes back with ?code= (required)'),
  redirectUrl: z.string().optional().describe("the spec's spelling of redirectURL"),
  loginHint: z
    .string()
    .optional()
    .describe("the mock's non-interactive path: this login ID (or a new email) is picked at once, no page"),
};

export const AuthorizeOAuthQuery = z.object({
  provider: z.string().optional().describe('google, github… any name (required)'),
  ...redirectFields,
});
export type AuthorizeOAuthQuery = z.output<typeof AuthorizeOAuthQuery>;

export const AuthorizeSsoQuery = z.object({
  tenant: z.string().optional().describe("a tenant ID, or an email of a tenant's SSO domain (required)"),
  ssoId: z.string().optional().describe('ignored: one SSO configuration per tenant'),
  forceAuthn: z.string().optional().describe('ignored'),
  initiatedEmail: z.string().optional().describe('ignored'),
  ...redirectFields,
});
export type AuthorizeSsoQuery = z.output<typeof AuthorizeSsoQuery>;

export const AuthorizeResponse = z.object({
  url: z.string().describe("the mock's IdP page, or with a loginHint the redirect URL with the code"),
});

export const ExchangeCodeBody = z.object({
  code: z.string().optional().describe('the code of the redirect (required); used once, within 5 minutes'),
});
export type ExchangeCodeBody = z.output<typeof ExchangeCodeBody>;
