import { z } from 'zod';

/**
 * The wire shapes of inbound (third-party) applications and their consents (descope-mgmt-more.md §9, spec
 * `ThirdPartyApplication`, `ThirdPartyApplicationConsent`).
 */

const ScopeSchema = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
  values: z.array(z.string()).optional(),
  optional: z.boolean().optional(),
});

/** What create, update and patch may set. */
export const inboundAppFields = {
  name: z.string().optional(),
  description: z.string().optional(),
  logo: z.string().optional(),
  loginPageUrl: z.string().optional(),
  approvedCallbackUrls: z.array(z.string()).optional(),
  permissionsScopes: z.array(ScopeSchema).optional(),
  attributesScopes: z.array(ScopeSchema).optional(),
  connectionsScopes: z.array(ScopeSchema).optional(),
  audienceWhitelist: z.array(z.string()).optional(),
  defaultAudience: z.string().optional(),
  nonConfidentialClient: z.boolean().optional(),
  forceAddAllAuthorizationInfo: z.boolean().optional(),
  customAttributes: z.record(z.string(), z.unknown()).optional(),
  allowedTenants: z.array(z.string()).optional(),
};

export const CreateInboundAppBody = z.object(inboundAppFields);
export type CreateInboundAppBody = z.output<typeof CreateInboundAppBody>;

/** app/update (a full replace) and app/patch (only the fields given). */
export const UpdateInboundAppBody = z.object({ id: z.string().optional(), ...inboundAppFields });
export type UpdateInboundAppBody = z.output<typeof UpdateInboundAppBody>;

export const InboundAppIdBody = z.object({ id: z.string().optional() });
export type InboundAppIdBody = z.output<typeof InboundAppIdBody>;

export const InboundAppIdsBody = z.object({ ids: z.array(z.string()).optional() });
export type InboundAppIdsBody = z.output<typeof InboundAppIdsBody>;

/** GET app/load: by ID or by client ID. */
export const LoadInboundAppQuery = z.object({ id: z.string().optional(), clientId: z.string().optional() });
export type LoadInboundAppQuery = z.output<typeof LoadInboundAppQuery>;

/** A non-negative int32, as a query string carries it. */
const QueryInt = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .refine((value) => value <= 2 ** 31 - 1, 'at most 2147483647');

export const LoadInboundAppsQuery = z.object({ page: QueryInt.optional(), limit: QueryInt.optional() });
export type LoadInboundAppsQuery = z.output<typeof LoadInboundAppsQuery>;

const WireScopeSchema = z.object({
  name: z.string(),
  description: z.string(),
  values: z.array(z.string()),
  optional: z.boolean(),
});

export const WireInboundAppSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  clientId: z.string(),
  logo: z.string(),
  loginPageUrl: z.string(),
  approvedCallbackUrls: z.array(z.string()),
  permissionsScopes: z.array(WireScopeSchema),
  attributesScopes: z.array(WireScopeSchema),
  connectionsScopes: z.array(WireScopeSchema),
  dynamic: z.boolean(),
  status: z.string(),
  audienceWhitelist: z.array(z.string()),
  defaultAudience: z.string(),
  nonConfidentialClient: z.boolean(),
  forceAddAllAuthorizationInfo: z.boolean(),
  customAttributes: z.record(z.string(), z.unknown()),
  allowedTenants: z.array(z.string()),
});
export type WireInboundApp = z.input<typeof WireInboundAppSchema>;

export const InboundAppsResponse = z.object({ apps: z.array(WireInboundAppSchema), total: z.number().int() });
export type InboundAppsResponse = z.input<typeof InboundAppsResponse>;

export const InboundAppSecretResponse = z.object({ cleartext: z.string() });
export type InboundAppSecretResponse = z.input<typeof InboundAppSecretResponse>;

export const CreatedInboundAppResponse = z.object({
  id: z.string(),
  clientId: z.string(),
  cleartext: z.string().describe('the client secret; app/secret answers it again'),
});
export type CreatedInboundAppResponse = z.input<typeof CreatedInboundAppResponse>;

export const SearchConsentsBody = z.object({
  appId: z.string().optional(),
  userId: z.string().optional(),
  consentId: z.string().optional(),
  tenantId: z.string().optional(),
  page: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional()
    .describe('0 for the first page'),
  limit: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional()
    .describe('0 or absent: every match'),
});
export type SearchConsentsBody = z.output<typeof SearchConsentsBody>;

export const WireConsentSchema = z.object({
  id: z.string(),
  appId: z.string(),
  userId: z.string(),
  tenantId: z.string(),
  scopes: z.array(z.string()),
  grantedBy: z.string(),
  createdTime: z.number().int().describe('epoch seconds'),
  modifiedTime: z.number().int().describe('epoch seconds'),
});
export type WireConsent = z.input<typeof WireConsentSchema>;

export const ConsentsResponse = z.object({ consents: z.array(WireConsentSchema), total: z.number().int() });
export type ConsentsResponse = z.input<typeof ConsentsResponse>;

export const DeleteConsentsBody = z.object({
  consentIds: z.array(z.string()).optional(),
  appId: z.string().optional(),
  userIds: z.array(z.string()).optional(),
  tenantId: z.string().optional(),
});
export type DeleteConsentsBody = z.output<typeof DeleteConsentsBody>;

export const DeleteTenantConsentsBody = DeleteConsentsBody.omit({ userIds: true });
export type DeleteTenantConsentsBody = z.output<typeof DeleteTenantConsentsBody>;
