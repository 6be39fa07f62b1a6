import { invalid } from '../errors.js';
import { randomId } from './ids.js';
import { RESERVED_CLAIMS } from './session.js';

/**
 * JWT templates (descope-mgmt-more.md §13): the claims a project's tokens carry, as Descope's console edits
 * them. The mock stores them and lints them as the published spec describes; it does not apply them to the
 * tokens it signs (docs/sdk-coverage.md says so).
 */

export const JWT_TEMPLATE_TYPES = ['user', 'key'] as const;
export const AUTH_SCHEMAS = ['default', 'tenantOnly', 'none'] as const;
export const ISSUER_TYPES = ['legacy', 'inbound', 'federated'] as const;
export const EMPTY_CLAIM_POLICIES = ['none', 'nil', 'delete'] as const;

/** The template object of the spec's ListJwtTemplates, every field present. */
export interface JwtTemplateRecord {
  id: string;
  name: string;
  description: string;
  /** Claim name → value or expression. */
  template: Record<string, unknown>;
  source: string;
  tags: string[];
  authSchema: string;
  type: string;
  conformanceIssuer: boolean;
  autoDCT: boolean;
  enforceIssuer: boolean;
  emptyClaimPolicy: string;
  overrideSubject: boolean;
  issuerType: string;
  omitCustomClaimsFromDSR: boolean;
  addJti: boolean;
  excludePermissions: boolean;
}

export type JwtTemplateInput = Partial<JwtTemplateRecord>;

/** One finding of the linter: the spec's JwtTemplateValidationIssue. */
export interface JwtTemplateIssue {
  field: string;
  code: string;
  message: string;
  hint: string;
}

/**
 * The template a create (or update, keeping `id`) saves: absent fields take their defaults. Vendor behaviour
 * (inferred): the defaults are the first value of each enum and false, as a template made in the console
 * with nothing changed; a create ignores a given `id`.
 */
export function buildJwtTemplate(input: JwtTemplateInput, id = randomId('JT')): JwtTemplateRecord {
  return {
    id,
    name: input.name ?? '',
    description: input.description ?? '',
    template: input.template ?? {},
    source: input.source ?? '',
    tags: input.tags ?? [],
    authSchema: input.authSchema || AUTH_SCHEMAS[0],
    type: input.type || JWT_TEMPLATE_TYPES[0],
    conformanceIssuer: input.conformanceIssuer ?? false,
    autoDCT: input.autoDCT ?? false,
    enforceIssuer: input.enforceIssuer ?? false,
    emptyClaimPolicy: input.emptyClaimPolicy || EMPTY_CLAIM_POLICIES[0],
    overrideSubject: input.overrideSubject ?? false,
    issuerType: input.issuerType || ISSUER_TYPES[0],
    omitCustomClaimsFromDSR: input.omitCustomClaimsFromDSR ?? false,
    addJti: input.addJti ?? false,
    excludePermissions: input.excludePermissions ?? false,
  };
}

/**
 * The spec's strict validation: a name, the four enums, and claim keys that are not the token's own.
 * Vendor behaviour (inferred): the spec names only `RESERVED_CLAIM_KEY` and `NAME_MISSING`; the enum codes
 * are the mock's (`INVALID_<FIELD>`), and a template that overrides the subject may set `sub`.
 */
export function jwtTemplateIssues(template: JwtTemplateRecord): JwtTemplateIssue[] {
  const issues: JwtTemplateIssue[] = [];
  if (!template.name.trim()) {
    issues.push({
      field: 'name',
      code: 'NAME_MISSING',
      message: 'The template has no name',
      hint: 'Give the template a name',
    });
  }
  const enums: [keyof JwtTemplateRecord, string, readonly string[]][] = [
    ['type', 'INVALID_TYPE', JWT_TEMPLATE_TYPES],
    ['authSchema', 'INVALID_AUTH_SCHEMA', AUTH_SCHEMAS],
    ['issuerType', 'INVALID_ISSUER_TYPE', ISSUER_TYPES],
    ['emptyClaimPolicy', 'INVALID_EMPTY_CLAIM_POLICY', EMPTY_CLAIM_POLICIES],
  ];
  for (const [field, code, allowed] of enums) {
    const value = String(template[field]);
    if (!allowed.includes(value)) {
      issues.push({
        field,
        code,
        message: `${field} "${value}" is not one of ${allowed.join(', ')}`,
        hint: `Use one of ${allowed.join(', ')}`,
      });
    }
  }
  for (const claim of Object.keys(template.template)) {
    if (!RESERVED_CLAIMS.has(claim) || (claim === 'sub' && template.overrideSubject)) continue;
    issues.push({
      field: `template.${claim}`,
      code: 'RESERVED_CLAIM_KEY',
      message: `The claim "${claim}" is set by Descope and cannot be templated`,
      hint: `Rename the claim, or nest it under a key of your own`,
    });
  }
  return issues;
}

/** Create, update and library/apply: the template, or 400 E011004 naming every issue ("not saved"). */
export function checkedJwtTemplate(template: JwtTemplateRecord): JwtTemplateRecord {
  const issues = jwtTemplateIssues(template);
  if (issues.length > 0) {
    const listed = issues.map((issue) => `${issue.code} (${issue.field})`).join(', ');
    throw invalid(`The JWT template is invalid and was not saved: ${listed}`);
  }
  return template;
}
