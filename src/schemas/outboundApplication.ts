import { z } from 'zod';

/**
 * The wire shapes of outbound applications and their tokens (descope-mgmt-more.md §8, spec `OutboundApp`,
 * `OutboundAppToken`). Bodies are typed as the handler receives them (`z.output`), answers as it gives them.
 */

const URLParamSchema = z.object({ key: z.string().default(''), value: z.string().default('') });

/** What create, update and a template's overrides may set: every field of the app but its ID and secret. */
export const outboundAppFields = {
  name: z.string().optional(),
  description: z.string().optional(),
  clientId: z.string().optional(),
  logo: z.string().optional(),
  discoveryUrl: z.string().optional(),
  authorizationUrl: z.string().optional(),
  authorizationUrlParams: z.array(URLParamSchema).optional(),
  tokenUrl: z.string().optional(),
  tokenUrlParams: z.array(URLParamSchema).optional(),
  revocationUrl: z.string().optional(),
  defaultScopes: z.array(z.string()).optional(),
  defaultRedirectUrl: z.string().optional(),
  callbackDomain: z.string().optional(),
  pkce: z.boolean().optional(),
  accessType: z.string().optional(),
  prompt: z.array(z.string()).optional(),
  appType: z.string().optional(),
  useDcr: z.boolean().optional(),
  dcrUrl: z.string().optional(),
  tenantId: z.string().optional(),
};

/** app/create takes the app flat, with an optional ID and the client secret. */
export const CreateOutboundAppBody = z.object({
  id: z.string().optional(),
  ...outboundAppFields,
  clientSecret: z.string().optional(),
});
export type CreateOutboundAppBody = z.output<typeof CreateOutboundAppBody>;

/** app/update takes it wrapped, `{app: {id, …}}`, and replaces the whole app. */
export const UpdateOutboundAppBody = z.object({ app: CreateOutboundAppBody.optional() });
export type UpdateOutboundAppBody = z.output<typeof UpdateOutboundAppBody>;

const { name, description, logo, discoveryUrl, authorizationUrl, authorizationUrlParams } = outboundAppFields;
const { tokenUrl, tokenUrlParams, revocationUrl, defaultScopes, defaultRedirectUrl } = outboundAppFields;
const { callbackDomain, pkce, accessType, prompt, useDcr, dcrUrl } = outboundAppFields;
export const OutboundAppOverrides = z.object({
  name,
  description,
  logo,
  discoveryUrl,
  authorizationUrl,
  authorizationUrlParams,
  tokenUrl,
  tokenUrlParams,
  revocationUrl,
  defaultScopes,
  defaultRedirectUrl,
  callbackDomain,
  pkce,
  accessType,
  prompt,
  useDcr,
  dcrUrl,
});
export type OutboundAppOverrides = z.output<typeof OutboundAppOverrides>;

export const CreateOutboundAppByTemplateBody = z.object({
  templateId: z.string().optional(),
  id: z.string().optional(),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  tenantId: z.string().optional(),
  overrides: OutboundAppOverrides.optional(),
});
export type CreateOutboundAppByTemplateBody = z.output<typeof CreateOutboundAppByTemplateBody>;

export const OutboundAppIdBody = z.object({ id: z.string().optional() });
export type OutboundAppIdBody = z.output<typeof OutboundAppIdBody>;

export const WireOutboundAppSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  clientId: z.string(),
  logo: z.string(),
  discoveryUrl: z.string(),
  authorizationUrl: z.string(),
  authorizationUrlParams: z.array(z.object({ key: z.string(), value: z.string() })),
  tokenUrl: z.string(),
  tokenUrlParams: z.array(z.object({ key: z.string(), value: z.string() })),
  revocationUrl: z.string(),
  defaultScopes: z.array(z.string()),
  defaultRedirectUrl: z.string(),
  callbackDomain: z.string(),
  pkce: z.boolean(),
  accessType: z.string(),
  prompt: z.array(z.string()),
  clientSecret: z.string().describe('always "": the secret is write-only'),
  appType: z.string(),
  useDcr: z.boolean(),
  dcrUrl: z.string(),
  tenantId: z.string(),
});
export type WireOutboundApp = z.input<typeof WireOutboundAppSchema>;

export const OutboundAppResponse = z.object({ app: WireOutboundAppSchema });
export type OutboundAppResponse = z.input<typeof OutboundAppResponse>;
export const OutboundAppsResponse = z.object({ apps: z.array(WireOutboundAppSchema) });
export type OutboundAppsResponse = z.input<typeof OutboundAppsResponse>;

/** int64 on the wire: the SDKs send a number, proto3 JSON also allows a numeric string. */
const Int64Schema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

const FetchOptions = z.object({
  withRefreshToken: z.boolean().optional(),
  forceRefresh: z.boolean().optional(),
});

/** app/user/token (by scopes) and app/user/token/latest (no scopes). */
export const FetchUserTokenBody = z.object({
  appId: z.string().optional(),
  userId: z.string().optional(),
  tenantId: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  options: FetchOptions.optional(),
  externalIdentifier: z.string().optional(),
});
export type FetchUserTokenBody = z.output<typeof FetchUserTokenBody>;

/** app/tenant/token (by scopes) and app/tenant/token/latest. */
export const FetchTenantTokenBody = FetchUserTokenBody.omit({ userId: true });
export type FetchTenantTokenBody = z.output<typeof FetchTenantTokenBody>;

export const WireOutboundTokenSchema = z.object({
  id: z.string(),
  appId: z.string(),
  userId: z.string(),
  tenantId: z.string(),
  tokenSub: z.string(),
  accessToken: z.string(),
  accessTokenType: z.string(),
  accessTokenExpiry: z.string().describe('int64 epoch seconds, as a string; "0" when unknown'),
  hasRefreshToken: z.boolean(),
  refreshToken: z.string().describe('only with options.withRefreshToken'),
  scopes: z.array(z.string()),
  grantedBy: z.string(),
  externalIdentifier: z.string(),
});
export type WireOutboundToken = z.input<typeof WireOutboundTokenSchema>;

export const OutboundTokenResponse = z.object({ token: WireOutboundTokenSchema });
export type OutboundTokenResponse = z.input<typeof OutboundTokenResponse>;

/** One OAuth token to upload, for a user (`userId`) or a tenant (`tenantId` alone). */
export const UploadTokenBody = z.object({
  appId: z.string().optional(),
  userId: z.string().optional(),
  tenantId: z.string().optional(),
  refreshToken: z.string().optional(),
  accessToken: z.string().optional(),
  accessTokenExpiry: Int64Schema.optional().describe('epoch seconds; 0 or absent: unknown'),
  accessTokenType: z.string().optional(),
  scopes: z.array(z.string()).optional(),
  externalIdentifier: z.string().optional(),
  idToken: z.string().optional(),
  grantedBy: z.string().optional(),
  verifyRefresh: z.boolean().optional().describe('accepted; the mock reaches no provider to verify with'),
});
export type UploadTokenBody = z.output<typeof UploadTokenBody>;

export const BatchUploadTokensBody = z.object({ tokens: z.array(UploadTokenBody).optional() });
export type BatchUploadTokensBody = z.output<typeof BatchUploadTokensBody>;

export const BatchUploadTokensResponse = z.object({
  failures: z.array(
    z.object({
      appId: z.string(),
      userId: z.string().optional(),
      tenantId: z.string().optional(),
      errorCode: z.string(),
      reason: z.string(),
    }),
  ),
});
export type BatchUploadTokensResponse = z.input<typeof BatchUploadTokensResponse>;

export const UploadApiKeyBody = z.object({
  appId: z.string().optional(),
  userId: z.string().optional(),
  tenantId: z.string().optional(),
  apiKey: z.string().optional(),
});
export type UploadApiKeyBody = z.output<typeof UploadApiKeyBody>;

/** DELETE user/tokens: either filter, or both. */
export const DeleteUserTokensQuery = z.object({
  appId: z.string().optional(),
  userId: z.string().optional(),
});
export type DeleteUserTokensQuery = z.output<typeof DeleteUserTokensQuery>;

export const OutboundTokenIdQuery = z.object({ id: z.string().optional() });
export type OutboundTokenIdQuery = z.output<typeof OutboundTokenIdQuery>;

export const AppsWithUserTokenQuery = z.object({
  userId: z.string().optional(),
  tenantId: z.string().optional(),
});
export type AppsWithUserTokenQuery = z.output<typeof AppsWithUserTokenQuery>;

export const AppIdsResponse = z.object({ appIds: z.array(z.string()) });
export type AppIdsResponse = z.input<typeof AppIdsResponse>;

/** The path of `GET /v1/mgmt/outbound/app/:id`, percent-decoded by the router. */
export const OutboundAppIdParams = z.object({ id: z.string() });
export type OutboundAppIdParams = z.output<typeof OutboundAppIdParams>;
