import { invalid, missing } from '../errors.js';

/**
 * Scope → claims mappings (descope-mgmt-more.md §15): which claims a token carries when the given OAuth
 * scope is granted, each claim read from a source (a user attribute). Stored per project, replaced whole.
 */
export interface ScopeClaimMapping {
  scope: string;
  /** Claim name → where its value comes from. */
  claims: Record<string, string>;
  description: string;
}

export type ScopeClaimMappingInput = Partial<ScopeClaimMapping>;

/**
 * scopeClaimMapping/set: the mappings that replace the project's, every field present. Vendor behaviour
 * (inferred): a mapping without a scope is refused (400 E011002), and so is a scope listed twice (E011004).
 */
export function buildScopeClaimMappings(input: readonly ScopeClaimMappingInput[]): ScopeClaimMapping[] {
  const scopes = new Set<string>();
  return input.map((mapping) => {
    if (!mapping.scope) throw missing('scope');
    if (scopes.has(mapping.scope)) throw invalid(`Scope "${mapping.scope}" is mapped more than once`);
    scopes.add(mapping.scope);
    return { scope: mapping.scope, claims: mapping.claims ?? {}, description: mapping.description ?? '' };
  });
}
