import { z } from 'zod';

/** The wire shapes of JWT templates (descope-mgmt-more.md §13; the spec's JWTTemplate and friends). */

const templateFields = {
  name: z.string(),
  description: z.string(),
  template: z.record(z.string(), z.unknown()).describe('claim name → value or expression'),
  tags: z.array(z.string()),
  authSchema: z.string().describe('default, tenantOnly or none'),
  type: z.string().describe('user or key'),
  conformanceIssuer: z.boolean(),
  autoDCT: z.boolean(),
  enforceIssuer: z.boolean(),
  emptyClaimPolicy: z.string().describe('none, nil or delete'),
  overrideSubject: z.boolean(),
  issuerType: z.string().describe('legacy, inbound or federated'),
  omitCustomClaimsFromDSR: z.boolean(),
  addJti: z.boolean(),
  excludePermissions: z.boolean(),
};

export const WireJwtTemplateSchema = z.object({ id: z.string(), ...templateFields, source: z.string() });
export type WireJwtTemplateSchema = z.input<typeof WireJwtTemplateSchema>;

/** A template as a request gives it: every field optional (`id` selects on update). */
export const JwtTemplateInputSchema = WireJwtTemplateSchema.partial();
export type JwtTemplateInputSchema = z.output<typeof JwtTemplateInputSchema>;

/** create and update. */
export const JwtTemplateBody = z.object({ template: JwtTemplateInputSchema.optional() });
export type JwtTemplateBody = z.output<typeof JwtTemplateBody>;

/** delete, load and library/load. */
export const JwtTemplateIdBody = z.object({ id: z.string().optional() });
export type JwtTemplateIdBody = z.output<typeof JwtTemplateIdBody>;

export const ValidateJwtTemplateBody = z.object({
  id: z.string().optional(),
  template: JwtTemplateInputSchema.optional(),
});
export type ValidateJwtTemplateBody = z.output<typeof ValidateJwtTemplateBody>;

/** list and library/list take an empty object. */
export const EmptyBody = z.object({});

export const ApplyJwtTemplateFromLibraryBody = z.object({
  libraryEntryId: z.string().optional(),
  nameOverride: z.string().optional(),
  descriptionOverride: z.string().optional(),
  tagsOverride: z.array(z.string()).optional(),
  templateOverride: z.record(z.string(), z.unknown()).optional(),
});
export type ApplyJwtTemplateFromLibraryBody = z.output<typeof ApplyJwtTemplateFromLibraryBody>;

export const JwtTemplateResponse = z.object({ template: WireJwtTemplateSchema });
export type JwtTemplateResponse = z.input<typeof JwtTemplateResponse>;

export const JwtTemplatesResponse = z.object({ templates: z.array(WireJwtTemplateSchema) });
export type JwtTemplatesResponse = z.input<typeof JwtTemplatesResponse>;

export const JwtTemplateIssueSchema = z.object({
  field: z.string(),
  code: z.string().describe('a stable identifier: NAME_MISSING, RESERVED_CLAIM_KEY, INVALID_TYPE, …'),
  message: z.string(),
  hint: z.string(),
});

export const ValidateJwtTemplateResponse = z.object({
  valid: z.boolean(),
  issues: z.array(JwtTemplateIssueSchema),
});
export type ValidateJwtTemplateResponse = z.input<typeof ValidateJwtTemplateResponse>;

export const WireJwtTemplateLibraryEntrySchema = z.object({
  id: z.string(),
  ...templateFields,
  experimental: z.boolean(),
  logoLight: z.string(),
  logoDark: z.string(),
});

export const JwtTemplateLibraryResponse = z.object({ entries: z.array(WireJwtTemplateLibraryEntrySchema) });
export type JwtTemplateLibraryResponse = z.input<typeof JwtTemplateLibraryResponse>;

export const JwtTemplateLibraryEntryResponse = z.object({ entry: WireJwtTemplateLibraryEntrySchema });
export type JwtTemplateLibraryEntryResponse = z.input<typeof JwtTemplateLibraryEntryResponse>;
