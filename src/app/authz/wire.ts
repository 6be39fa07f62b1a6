import type { FgaTuple, RelationQuery } from '../../domain/fga/model.js';
import { parseSearchFilter } from '../../domain/userSearch.js';
import { missing, required } from '../../errors.js';
import type { AuthzQueryWire, AuthzRelationAnswer, AuthzRelationWire } from '../../schemas/authz.js';
import { searchOfQuery } from '../relations.js';

/**
 * The JSON API's view of a tuple (descope-mgmt-more.md §1.1, inferred from the spec's field names):
 * `namespace` = resourceType, `relationDefinition` = relation, `targetNamespace` = targetType, a target set as
 * `targetSetResource` + `targetSetRelationDefinition` + `targetSetRelationDefinitionNamespace`, or a `query`.
 */

/** An ABAC query as stored: `userStatus` read as `statuses`, absent keys left out, checked as a search is. */
function queryOf(wire: AuthzQueryWire): RelationQuery {
  const { userStatus, statuses, ...rest } = wire;
  const query: RelationQuery = Object.fromEntries(
    Object.entries({ ...rest, statuses: statuses ?? userStatus }).filter(([, value]) => value !== undefined),
  );
  // A status or attribute the user search refuses is refused here, not at every check.
  parseSearchFilter(searchOfQuery(query));
  return query;
}

export function tuplesOfRelations(relations: AuthzRelationWire[] | undefined): FgaTuple[] {
  if (!relations?.length) throw missing('relations');
  return relations.map((relation, i) => {
    const at = `relations[${i}]`;
    const base = {
      resourceType: required(relation.namespace, `${at}.namespace`),
      resource: required(relation.resource, `${at}.resource`),
      relation: required(relation.relationDefinition, `${at}.relationDefinition`),
    };
    if (relation.query) return { ...base, targetType: '', target: '', query: queryOf(relation.query) };
    if (relation.targetSetResource) {
      const type = required(
        relation.targetSetRelationDefinitionNamespace,
        `${at}.targetSetRelationDefinitionNamespace`,
      );
      const set = required(relation.targetSetRelationDefinition, `${at}.targetSetRelationDefinition`);
      return { ...base, targetType: `${type}#${set}`, target: relation.targetSetResource };
    }
    return {
      ...base,
      targetType: relation.targetNamespace ?? '',
      target: required(relation.target, `${at}.target`),
    };
  });
}

export function relationOfTuple(tuple: FgaTuple): AuthzRelationAnswer {
  const base = {
    resource: tuple.resource,
    relationDefinition: tuple.relation,
    namespace: tuple.resourceType,
  };
  if (tuple.query) return { ...base, query: tuple.query };
  const hash = tuple.targetType.indexOf('#');
  if (hash >= 0) {
    return {
      ...base,
      targetSetResource: tuple.target,
      targetSetRelationDefinition: tuple.targetType.slice(hash + 1),
      targetSetRelationDefinitionNamespace: tuple.targetType.slice(0, hash),
    };
  }
  return { ...base, target: tuple.target, ...(tuple.targetType && { targetNamespace: tuple.targetType }) };
}

export const isTargetSet = (tuple: FgaTuple): boolean => tuple.targetType.includes('#');
