import { z } from 'zod';

/**
 * The JSON shapes of an authorization schema (descope-mgmt-more.md §1.5, node-sdk `AuthzSchema`): what
 * `authz.saveSchema` sends and `authz.loadSchema` answers, and the `schema` `fga.loadSchema` answers next
 * to the DSL (with the schema's conditions, spec `Schema`).
 */

export const AuthzNodeExpression = z.object({
  /** `userSet` is the spec's older name for `targetSet` (spec `NodeExpression`); both are read as one. */
  neType: z.enum(['self', 'targetSet', 'userSet', 'relationLeft', 'relationRight']),
  relationDefinition: z.string().optional(),
  relationDefinitionNamespace: z.string().optional(),
  targetRelationDefinition: z.string().optional(),
  targetRelationDefinitionNamespace: z.string().optional(),
});
export type AuthzNodeExpression = z.output<typeof AuthzNodeExpression>;

/** `child` carries an expression; `union`, `intersect` and `sub` (the first child minus the rest) children. */
export const AuthzNode = z.object({
  nType: z.enum(['child', 'union', 'intersect', 'sub']),
  get children() {
    return z.array(AuthzNode).optional();
  },
  expression: AuthzNodeExpression.optional(),
});
export type AuthzNode = z.output<typeof AuthzNode>;

/** Without `complexDefinition`, a relation (stored tuples); with one, a permission (maybe reaching `self`). */
export const AuthzRelationDefinition = z.object({
  name: z.string(),
  complexDefinition: AuthzNode.optional(),
});
export type AuthzRelationDefinition = z.output<typeof AuthzRelationDefinition>;

export const AuthzNamespace = z.object({
  name: z.string(),
  relationDefinitions: z.array(AuthzRelationDefinition).optional().default([]),
});
export type AuthzNamespace = z.output<typeof AuthzNamespace>;

export const AuthzSchema = z.object({
  name: z.string().optional(),
  namespaces: z.array(AuthzNamespace).optional().default([]),
});
export type AuthzSchema = z.output<typeof AuthzSchema>;

/**
 * A schema condition (spec `Condition`): a custom CEL condition, or a built-in constraint expanded to one
 * (`builtin: true`).
 */
export const FgaJsonCondition = z.object({
  name: z.string(),
  params: z.array(z.object({ name: z.string(), type: z.string() })),
  expression: z.string(),
  builtin: z.boolean(),
});
export type FgaJsonCondition = z.output<typeof FgaJsonCondition>;

/** `fga.loadSchema`'s `schema`. */
export const FgaJsonSchema = z.object({
  name: z.string(),
  namespaces: z.array(AuthzNamespace),
  conditions: z.array(FgaJsonCondition),
});
export type FgaJsonSchema = z.output<typeof FgaJsonSchema>;
