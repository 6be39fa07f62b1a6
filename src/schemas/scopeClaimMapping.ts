import { z } from 'zod';

/** The wire shapes of the scope → claims mappings (descope-mgmt-more.md §15). */

export const ScopeClaimMappingSchema = z.object({
  scope: z.string(),
  claims: z.record(z.string(), z.string()).describe('claim name → the attribute it is read from'),
  description: z.string(),
});

export const SetScopeClaimMappingsBody = z.object({
  mappings: z.array(ScopeClaimMappingSchema.partial()).optional().describe('replaces every mapping'),
});
export type SetScopeClaimMappingsBody = z.output<typeof SetScopeClaimMappingsBody>;

export const ScopeClaimMappingsBody = z.object({});

export const ScopeClaimMappingsResponse = z.object({ mappings: z.array(ScopeClaimMappingSchema) });
export type ScopeClaimMappingsResponse = z.input<typeof ScopeClaimMappingsResponse>;
