import { invalid } from '../../errors.js';
import type { FgaDefinition, FgaNode, FgaSchema, FgaTuple } from './model.js';
import { indexOf } from './schemaIndex.js';

/** Whether a node reaches the definition's own stored tuples. */
export function reachesSelf(node: FgaNode): boolean {
  return node.op === 'self' || ('children' in node && node.children.some(reachesSelf));
}

/**
 * Whether tuples can be stored on a definition: a relation, or a JSON permission whose tree reaches `self`
 * (Vendor behaviour (inferred): `authz` relations are written to such definitions, so `fga` writes may be).
 */
export function holdsTuples(definition: FgaDefinition): boolean {
  return definition.kind === 'relation' || (!!definition.expression && reachesSelf(definition.expression));
}

/**
 * `fga.createRelations`' check before it stores anything (descope-mgmt-more.md §1.3 "Writes", inferred): the
 * whole batch is refused (400 E011004) for an unknown type, a relation that is a permission or undefined,
 * or a target type outside the relation's type list. A relation saved as JSON lists no types: any target.
 */
export function checkTuplesFit(schema: FgaSchema, tuples: FgaTuple[]): void {
  const index = indexOf(schema);
  for (const tuple of tuples) {
    const definitions = index.definitions.get(tuple.resourceType);
    if (!definitions) throw invalid(`Unknown FGA type '${tuple.resourceType}'`);
    const definition = definitions.get(tuple.relation);
    if (!definition) throw invalid(`Type '${tuple.resourceType}' has no relation '${tuple.relation}'`);
    if (!holdsTuples(definition)) {
      throw invalid(`'${tuple.resourceType}#${tuple.relation}' is a permission; only relations are stored`);
    }
    const allowed = definition.targetTypes;
    if (allowed && !allowed.includes(tuple.targetType)) {
      throw invalid(
        `Relation '${tuple.resourceType}#${tuple.relation}' does not take targets of type '${tuple.targetType}' (it takes ${allowed.join(', ')})`,
      );
    }
  }
}
