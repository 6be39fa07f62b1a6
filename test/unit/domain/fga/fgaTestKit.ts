import type { FgaTuple } from '../../../../src/domain/fga/model.js';

/**
 * Tuples written compactly for the tests: `doc:d1#viewer@user:u1`, a target set as
 * `doc:d1#viewer@group#member:g1` (resource type, ID and relation, then the target's type and ID).
 */
export function tuple(text: string): FgaTuple {
  const at = text.indexOf('@');
  const resourcePart = text.slice(0, at);
  const targetPart = text.slice(at + 1);
  const hash = resourcePart.lastIndexOf('#');
  const colon = resourcePart.indexOf(':');
  const targetColon = targetPart.lastIndexOf(':');
  if (at < 0 || hash < 0 || colon < 0 || targetColon < 0) throw new Error(`bad test tuple ${text}`);
  return {
    resourceType: resourcePart.slice(0, colon),
    resource: resourcePart.slice(colon + 1, hash),
    relation: resourcePart.slice(hash + 1),
    targetType: targetPart.slice(0, targetColon),
    target: targetPart.slice(targetColon + 1),
  };
}

export const tuples = (texts: string[]): FgaTuple[] => texts.map(tuple);

/** A schema's text from its lines, after the header. */
export const dsl = (...lines: string[]): string => ['model AuthZ 1.0', ...lines].join('\n');
