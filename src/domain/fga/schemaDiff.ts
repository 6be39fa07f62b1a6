import type { FgaDefinition, FgaSchema } from './model.js';
import { holdsTuples } from './validate.js';

/**
 * What saving `after` over `before` deletes (descope-mgmt-more.md §1.4, `[skill]`): the tuples of removed
 * types, of removed relations and of relations whose target types changed. A `with`-only change keeps them,
 * so does a permission's change (permissions hold no tuples). `fga.dryRunSchema` answers it as
 * `deletesPreview`; a save drops those tuples.
 *
 * Vendor behaviour (inferred): a relation that becomes a permission is removed; target types compare as
 * sets (reordering is no change); a relation without a type list (saved as JSON) that gains one keeps its
 * tuples; the relations of a removed type are listed under `types` only.
 */
export function removedBy(before: FgaSchema, after: FgaSchema): { relations: string[]; types: string[] } {
  const relations: string[] = [];
  const types: string[] = [];
  for (const type of before.types) {
    const next = after.types.find((t) => t.name === type.name);
    if (!next) {
      types.push(type.name);
      continue;
    }
    for (const def of type.definitions) {
      if (!holdsTuples(def)) continue;
      const successor = next.definitions.find((d) => d.name === def.name);
      if (!successor || !holdsTuples(successor) || targetTypesChanged(def, successor)) {
        relations.push(`${type.name}#${def.name}`);
      }
    }
  }
  return { relations, types };
}

function targetTypesChanged(before: FgaDefinition, after: FgaDefinition): boolean {
  if (!before.targetTypes || !after.targetTypes) return false;
  const old = new Set(before.targetTypes);
  return old.size !== new Set(after.targetTypes).size || after.targetTypes.some((t) => !old.has(t));
}
