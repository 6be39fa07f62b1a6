/**
 * The one relation model behind both of Descope's authorization APIs (descope-mgmt-more.md §1): `fga.*`
 * speaks a DSL (`model AuthZ 1.0`) and tuples, `authz.*` speaks JSON namespaces and relations, and Descope
 * keeps one schema and one tuple set a project for both (`fga.deleteSchema` posts to an `authz` path). A DSL
 * save and a JSON save both land in an `FgaSchema`; the evaluator (`check.ts`) reads only this model.
 */

/** A stored relation, in the DSL's words. The `authz` view renames the fields (`toAuthzRelation`). */
export interface FgaTuple {
  resourceType: string;
  resource: string;
  /** A stored relation's name (never a permission's). */
  relation: string;
  /**
   * The target's type: `T` for a plain target, `T#rel` for a target set (every target holding `rel` on the
   * `T` named `target`). `''` for an `authz` relation created without a `targetNamespace`: it matches a
   * target of any type.
   */
  targetType: string;
  /** The target's ID; `''` for an ABAC relation (`query` set). */
  target: string;
  /** An `authz` relation whose targets are the users a query matches (§1.6), evaluated at check time. */
  query?: RelationQuery;
}

/** An ABAC target (§1.6): every user meeting all of the criteria given. */
export interface RelationQuery {
  tenants?: string[];
  roles?: string[];
  text?: string;
  statuses?: string[];
  ssoOnly?: boolean;
  withTestUser?: boolean;
  customAttributes?: Record<string, unknown>;
}

/** A project's schema: its types (the JSON API's namespaces), in the order they were declared. */
export interface FgaSchema {
  name: string;
  types: FgaType[];
  conditions: FgaCondition[];
  /** The DSL text as last saved; generated from the model when the schema was saved as JSON. */
  dsl: string;
}

export interface FgaType {
  name: string;
  definitions: FgaDefinition[];
}

/**
 * A relation (stored tuples hold it) or a permission (derived from an expression). A JSON relation
 * definition with a `complexDefinition` is a permission whose expression may still reach its own stored
 * tuples through a `self` node.
 */
export interface FgaDefinition {
  name: string;
  kind: 'relation' | 'permission';
  /** A DSL relation's allowed targets (`user`, `group#member`); absent: any target (a JSON definition). */
  targetTypes?: string[];
  /** A permission's expression; absent on a relation (it holds through its stored tuples alone). */
  expression?: FgaNode;
  /** The `with` condition's text (a constraint or condition name, `!`, `&`, `|`, parentheses). */
  condition?: string;
}

/**
 * An expression node, in the JSON schema's vocabulary (`nType`/`neType`, src/schemas/fgaSchema.ts): the DSL
 * compiles to it (`name` → targetSet on the same type, `a.b` → relationRight) and the JSON API stores it.
 */
export type FgaNode =
  | { op: 'union' | 'intersect' | 'sub'; children: FgaNode[] }
  /** The definition's own stored tuples. */
  | { op: 'self' }
  /** `relation` on the same resource, of type `type`: the DSL's bare `name`. */
  | { op: 'targetSet'; relation: string; type: string }
  /**
   * Follow a stored `relation` of `type` from this resource to X, then `targetRelation` on X (of
   * `targetType`): the DSL's `relation.targetRelation`.
   */
  | { op: 'relationRight'; relation: string; type: string; targetRelation: string; targetType: string }
  /**
   * The reverse: a stored `relation` of `type` on some X that targets this resource, then
   * `targetRelation` on X (of `targetType`). Vendor behaviour (inferred): the direction (§1.5).
   */
  | { op: 'relationLeft'; relation: string; type: string; targetRelation: string; targetType: string };

/** A constraint (a built-in kind, maybe with fixed arguments) or a custom CEL condition (§1.2). */
export interface FgaCondition {
  name: string;
  /** A built-in kind (`NumRange`, `IpRange`, …); absent for a custom CEL condition. */
  builtin?: string;
  /** Fixed positional arguments of a constraint (`NumRange(0,100)`). */
  args?: (string | number | boolean)[];
  /** A custom condition's typed parameters, `name type` in the DSL. */
  params?: { name: string; type: string }[];
  /** A custom condition's CEL expression (the mock does not evaluate CEL: §1.3). */
  expression?: string;
}

/** Whom a check asks about. `type` absent (the JSON API's queries name no type): a target of any type. */
export interface FgaSubject {
  type?: string;
  id: string;
}

/**
 * What the evaluator reads, answered by the store inside the caller's transaction (src/store/relations.ts),
 * or by a plain array in a test. Every lookup is one indexed query: a check never scans the tuple set.
 */
export interface RelationSource {
  /** A stored plain tuple `(resourceType, resource, relation) → subject`; '' target types match any. */
  hasDirect(resourceType: string, resource: string, relation: string, subject: FgaSubject): boolean;
  /** The target-set tuples of `(resourceType, resource, relation)`: `{type, relation, id}` of `T#rel`. */
  targetSets(
    resourceType: string,
    resource: string,
    relation: string,
  ): { type: string; relation: string; id: string }[];
  /** The plain targets of `(resourceType, resource, relation)`, for `relation.targetRelation`. */
  plainTargets(resourceType: string, resource: string, relation: string): { type: string; id: string }[];
  /** The resources X with a stored plain `(resourceType, X, relation) → target`, for relationLeft. */
  resourcesTargeting(resourceType: string, relation: string, target: FgaSubject): string[];
  /** The ABAC queries stored on `(resourceType, resource, relation)`. */
  queries(resourceType: string, resource: string, relation: string): RelationQuery[];
  /** Whether the user `userId` meets the query (the mock's user-search predicates). */
  queryMatches(query: RelationQuery, userId: string): boolean;
}

/** One check's answer, as `fga.check` puts it on the wire (§1.3, spec `Check`). */
export interface CheckOutcome {
  allowed: boolean;
  info: {
    direct: boolean;
    conditional?: boolean;
    missingContext?: string[];
    conditionalErr?: string;
  };
}
