import { invalid } from '../../errors.js';
import type { FgaCondition, FgaDefinition, FgaSchema } from './model.js';

/** A schema's lookups as maps, built once per schema object (the evaluator runs on hot paths). */
export interface SchemaIndex {
  definitions: Map<string, Map<string, FgaDefinition>>;
  conditions: Map<string, FgaCondition>;
}

const indexes = new WeakMap<FgaSchema, SchemaIndex>();

export function indexOf(schema: FgaSchema): SchemaIndex {
  let index = indexes.get(schema);
  if (!index) {
    index = {
      definitions: new Map(schema.types.map((t) => [t.name, new Map(t.definitions.map((d) => [d.name, d]))])),
      conditions: new Map(schema.conditions.map((c) => [c.name, c])),
    };
    indexes.set(schema, index);
  }
  return index;
}

/**
 * A definition a request names, or the 400 naming what is unknown. Vendor behaviour (inferred): Descope's
 * code for an unknown type or relation in a check is not published; E011004 as for any bad value (§0).
 */
export function definitionOf(index: SchemaIndex, type: string, relation: string): FgaDefinition {
  const definitions = index.definitions.get(type);
  if (!definitions) throw invalid(`Unknown FGA type '${type}'`);
  const definition = definitions.get(relation);
  if (!definition) throw invalid(`Type '${type}' has no relation or permission '${relation}'`);
  return definition;
}
