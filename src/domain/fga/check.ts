import { type ConditionNotes, evaluateClause, FALSE, TRUE, type Tri, UNKNOWN } from './conditions.js';
import type {
  CheckOutcome,
  FgaDefinition,
  FgaNode,
  FgaSchema,
  FgaSubject,
  FgaTuple,
  RelationSource,
} from './model.js';
import { definitionOf, indexOf, type SchemaIndex } from './schemaIndex.js';

/**
 * The check of descope-mgmt-more.md §1.3 and §1.5, shared by `fga.check` and `authz.hasRelations`: does the
 * subject hold `relation` on `(type, id)`? A relation holds through its stored tuples (plain, target sets
 * recursively, ABAC queries), a permission through its expression; then its `with` clause must hold.
 *
 * Answers are three-valued: a `with` clause lacking context, or a custom CEL condition, is unknown, and an
 * unknown answer is `allowed:false` with the reason in `info`. Union, intersection and exclusion follow
 * Kleene's logic, so an unknown clause never grants access through an exclusion.
 *
 * Cycles in the data (a folder that is its own ancestor) are cut: a node met again on the current path is
 * false on that path. Within one check, answers are memoised; a false answer that depended on such a cut
 * is not (it may be true once the node on the path is decided), a true one always is (cuts only remove
 * derivations). That makes the answer the least fixpoint for any schema whose exclusions are stratified.
 */

/** The subject's stored relations and the schema's expressions, one check at a time. */
class Evaluation {
  /** `>= 0`: a decided Tri; `< 0`: on the current path, at depth `-value - 1`. */
  private readonly memo = new Map<string, number>();
  private depth = 0;
  /** The shallowest path depth a cut hit in the subtree being evaluated. */
  private lowestCut = Number.POSITIVE_INFINITY;
  readonly notes: ConditionNotes = { missingContext: [] };

  constructor(
    private readonly index: SchemaIndex,
    private readonly source: RelationSource,
    private readonly subject: FgaSubject,
    private readonly context: Record<string, unknown> | undefined,
  ) {}

  check(type: string, id: string, relation: string): Tri {
    const definition = this.index.definitions.get(type)?.get(relation);
    // Vendor behaviour (inferred): a stored target set or a JSON node naming a definition that no longer
    // exists grants nothing (only the definition a request names is a 400).
    if (!definition) return FALSE;
    const key = `${type}\u0000${id}\u0000${relation}`;
    const state = this.memo.get(key);
    if (state !== undefined) {
      if (state >= 0) return state as Tri;
      this.cutAt(-state - 1);
      return FALSE;
    }
    // Vendor behaviour (inferred): a chain deeper than this is cut like a cycle, not a stack overflow.
    if (this.depth >= MAX_DEPTH) {
      this.cutAt(0);
      return FALSE;
    }
    const depth = this.depth++;
    this.memo.set(key, -depth - 1);
    const outerCut = this.lowestCut;
    this.lowestCut = Number.POSITIVE_INFINITY;

    let value = definition.expression
      ? this.node(definition.expression, type, id, relation)
      : this.stored(type, id, relation);
    if (value !== FALSE && definition.condition) value = and(value, this.clause(definition));

    this.depth--;
    const cutAbove = this.lowestCut < depth;
    if (value === TRUE || !cutAbove) this.memo.set(key, value);
    else this.memo.delete(key);
    this.lowestCut = cutAbove ? Math.min(outerCut, this.lowestCut) : outerCut;
    return value;
  }

  private cutAt(depth: number): void {
    if (depth < this.lowestCut) this.lowestCut = depth;
  }

  /** A stored relation followed by `a.b` counts only where its own `with` clause holds. */
  private followed(type: string, relation: string, value: Tri): Tri {
    if (value === FALSE) return FALSE;
    const via = this.index.definitions.get(type)?.get(relation);
    return via?.condition ? and(value, this.clause(via)) : value;
  }

  private clause(definition: FgaDefinition): Tri {
    return evaluateClause(definition.condition as string, this.index.conditions, this.context, this.notes);
  }

  /** The definition's own stored tuples: plain, ABAC queries, then target sets (recursively). */
  private stored(type: string, id: string, relation: string): Tri {
    const { source, subject } = this;
    if (source.hasDirect(type, id, relation, subject)) return TRUE;
    // Vendor behaviour (inferred): an ABAC query (§1.6) names users by ID, whatever type the subject has.
    for (const query of source.queries(type, id, relation))
      if (source.queryMatches(query, subject.id)) return TRUE;
    let value: Tri = FALSE;
    for (const set of source.targetSets(type, id, relation)) {
      const v = this.check(set.type, set.id, set.relation);
      if (v === TRUE) return TRUE;
      if (v === UNKNOWN) value = UNKNOWN;
    }
    return value;
  }

  private node(node: FgaNode, type: string, id: string, relation: string): Tri {
    switch (node.op) {
      case 'self':
        return this.stored(type, id, relation);
      case 'targetSet':
        return this.check(node.type, id, node.relation);
      case 'relationRight': {
        let value: Tri = FALSE;
        for (const target of this.source.plainTargets(node.type, id, node.relation)) {
          if (target.type !== node.targetType && target.type !== '') continue;
          const v = this.check(node.targetType, target.id, node.targetRelation);
          if (v === TRUE) {
            value = TRUE;
            break;
          }
          if (v === UNKNOWN) value = UNKNOWN;
        }
        return this.followed(node.type, node.relation, value);
      }
      case 'relationLeft': {
        let value: Tri = FALSE;
        for (const x of this.source.resourcesTargeting(node.type, node.relation, { type, id })) {
          const v = this.check(node.targetType, x, node.targetRelation);
          if (v === TRUE) {
            value = TRUE;
            break;
          }
          if (v === UNKNOWN) value = UNKNOWN;
        }
        return this.followed(node.type, node.relation, value);
      }
      case 'union': {
        let value: Tri = FALSE;
        for (const child of node.children) {
          const v = this.node(child, type, id, relation);
          if (v === TRUE) return TRUE;
          if (v === UNKNOWN) value = UNKNOWN;
        }
        return value;
      }
      case 'intersect': {
        let value: Tri = TRUE;
        for (const child of node.children) {
          const v = this.node(child, type, id, relation);
          if (v === FALSE) return FALSE;
          if (v === UNKNOWN) value = UNKNOWN;
        }
        return value;
      }
      case 'sub': {
        const first = node.children[0];
        let value = first ? this.node(first, type, id, relation) : FALSE;
        for (let i = 1; i < node.children.length && value !== FALSE; i++) {
          const v = this.node(node.children[i] as FgaNode, type, id, relation);
          if (v === TRUE) return FALSE;
          if (v === UNKNOWN) value = UNKNOWN;
        }
        return value;
      }
    }
  }
}

const MAX_DEPTH = 1000;

function and(a: Tri, b: Tri): Tri {
  if (a === FALSE || b === FALSE) return FALSE;
  return a === TRUE && b === TRUE ? TRUE : UNKNOWN;
}

/**
 * `info.direct` (§1.3, `[spec Check]`). Vendor behaviour (inferred): true iff the relation asked is a
 * stored relation with only plain target types and no `with` clause; a JSON relation (no target types
 * listed) counts as plain.
 */
function isDirect(definition: FgaDefinition): boolean {
  return (
    definition.kind === 'relation' &&
    !definition.condition &&
    !definition.expression &&
    !(definition.targetTypes ?? []).some((t) => t.includes('#'))
  );
}

/** `fga.check` for one tuple: does `targetType:target` hold `relation` on `resourceType:resource`? */
export function checkTuple(
  schema: FgaSchema,
  source: RelationSource,
  tuple: FgaTuple,
  context?: Record<string, unknown>,
): CheckOutcome {
  const index = indexOf(schema);
  const definition = definitionOf(index, tuple.resourceType, tuple.relation);
  const evaluation = new Evaluation(index, source, { type: tuple.targetType, id: tuple.target }, context);
  const value = evaluation.check(tuple.resourceType, tuple.resource, tuple.relation);
  const outcome: CheckOutcome = { allowed: value === TRUE, info: { direct: isDirect(definition) } };
  if (value === UNKNOWN) {
    const { missingContext, conditionalErr } = evaluation.notes;
    if (missingContext.length > 0) outcome.info.missingContext = missingContext.sort();
    if (conditionalErr) {
      outcome.info.conditional = true;
      outcome.info.conditionalErr = conditionalErr;
    }
  }
  return outcome;
}

/** `authz.hasRelations`' `has` (§1.5): the same check, for a subject the JSON API may leave untyped. */
export function hasRelation(
  schema: FgaSchema,
  source: RelationSource,
  resourceType: string,
  resource: string,
  relation: string,
  subject: FgaSubject,
): boolean {
  const index = indexOf(schema);
  definitionOf(index, resourceType, relation);
  return new Evaluation(index, source, subject, undefined).check(resourceType, resource, relation) === TRUE;
}
