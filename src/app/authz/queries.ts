import { hasRelation } from '../../domain/fga/check.js';
import type { FgaSchema, FgaTuple } from '../../domain/fga/model.js';
import { invalid, missing, required } from '../../errors.js';
import type {
  AuthzRelationAnswer,
  AuthzRelationsResponse,
  GetModifiedBody,
  GetModifiedResponse,
  HasRelationsBody,
  HasRelationsResponse,
  ResourceRelationsBody,
  TargetAllBody,
  TargetsRelationsBody,
  TargetWithRelationBody,
  TargetWithRelationResponse,
  WhoCanAccessBody,
  WhoCanAccessResponse,
} from '../../schemas/authz.js';
import type { ProjectRelationSource } from '../../store/relationSource.js';
import type { Services } from '../operation.js';
import { currentSchema, relationSource, usersMatching } from '../relations.js';
import { isTargetSet, relationOfTuple } from './wire.js';

/**
 * The JSON API's questions (descope-mgmt-more.md §1.5): `has` over the schema and the stored relations, and
 * the listings built on it. A target here has no type: it matches a plain target of any type.
 */

export function hasRelations(
  services: Services,
  projectId: string,
  body: HasRelationsBody,
): HasRelationsResponse {
  if (!body.relationQueries?.length) throw missing('relationQueries');
  const schema = currentSchema(services, projectId);
  const source = relationSource(services, projectId);
  const answers = body.relationQueries.map((query, i) => {
    const at = `relationQueries[${i}]`;
    const asked = {
      resource: required(query.resource, `${at}.resource`),
      relationDefinition: required(query.relationDefinition, `${at}.relationDefinition`),
      namespace: required(query.namespace, `${at}.namespace`),
      target: required(query.target, `${at}.target`),
    };
    const { namespace, resource, relationDefinition, target } = asked;
    const holds = hasRelation(schema, source, namespace, resource, relationDefinition, { id: target });
    // Vendor behaviour (inferred): "direct" = a stored relation to the target itself holds it.
    const direct = source.hasDirect(namespace, resource, relationDefinition, { id: target });
    return { query: { ...asked, hasRelation: holds }, direct };
  });
  return {
    relationQueries: answers.map((answer) => answer.query),
    directRelations: answers.map((answer) => answer.direct),
  };
}

/** Every target where `has` holds: the stored plain targets and the users stored queries match. */
export function whoCanAccess(
  services: Services,
  projectId: string,
  body: WhoCanAccessBody,
): WhoCanAccessResponse {
  const resource = required(body.resource, 'resource');
  const relationDefinition = required(body.relationDefinition, 'relationDefinition');
  const namespace = required(body.namespace, 'namespace');
  const schema = currentSchema(services, projectId);
  const source = relationSource(services, projectId);
  const candidates = new Set<string>();
  for (const tuple of services.store.relations.all(projectId)) {
    if (tuple.query)
      for (const userId of usersMatching(services, projectId, tuple.query)) candidates.add(userId);
    else if (!isTargetSet(tuple)) candidates.add(tuple.target);
  }
  // Asked even with no candidate, so that an unknown namespace or definition is refused.
  hasRelation(schema, source, namespace, resource, relationDefinition, { id: '' });
  const targets = [...candidates].filter((id) =>
    hasRelation(schema, source, namespace, resource, relationDefinition, { id }),
  );
  return { targets };
}

export function resourceRelations(
  services: Services,
  projectId: string,
  body: ResourceRelationsBody,
): AuthzRelationsResponse {
  const resource = required(body.resource, 'resource');
  const tuples = services.store.relations.ofResources(projectId, [resource]);
  const kept = body.ignoreTargetSetRelations ? tuples.filter((tuple) => !isTargetSet(tuple)) : tuples;
  return { relations: kept.map(relationOfTuple) };
}

/**
 * The stored relations with a listed (plain) target; with `includeTargetSetRelations`, also those naming a
 * listed ID as target set, and those whose target set holds a listed target directly (one level, inferred).
 */
export function targetsRelations(
  services: Services,
  projectId: string,
  body: TargetsRelationsBody,
): AuthzRelationsResponse {
  if (!body.targets?.length) throw missing('targets');
  const { relations } = services.store;
  const named = relations.ofTargets(projectId, body.targets);
  const plain = named.filter((tuple) => !isTargetSet(tuple));
  if (!body.includeTargetSetRelations) return { relations: plain.map(relationOfTuple) };
  const containing = relations
    .ofTargets(projectId, [...new Set(plain.map((tuple) => tuple.resource))])
    .filter((tuple) =>
      plain.some(
        (member) =>
          tuple.target === member.resource &&
          tuple.targetType === `${member.resourceType}#${member.relation}`,
      ),
    );
  const seen = new Set<string>();
  const all = [...named, ...containing].filter((tuple) => {
    const key = JSON.stringify(tuple);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { relations: all.map(relationOfTuple) };
}

/** Every resource of each type known from the tuples, on either side (a resource with no tuple has none). */
function knownResources(tuples: FgaTuple[]): Map<string, Set<string>> {
  const known = new Map<string, Set<string>>();
  const add = (type: string, id: string) => {
    if (!type || !id) return;
    const ids = known.get(type) ?? new Set<string>();
    ids.add(id);
    known.set(type, ids);
  };
  for (const tuple of tuples) {
    add(tuple.resourceType, tuple.resource);
    const hash = tuple.targetType.indexOf('#');
    add(hash < 0 ? tuple.targetType : tuple.targetType.slice(0, hash), tuple.target);
  }
  return known;
}

function holdingPairs(
  schema: FgaSchema,
  source: ProjectRelationSource,
  known: Map<string, Set<string>>,
  target: string,
  only?: { namespace: string; relationDefinition: string },
): AuthzRelationAnswer[] {
  const answers: AuthzRelationAnswer[] = [];
  for (const type of schema.types) {
    if (only && type.name !== only.namespace) continue;
    for (const resource of known.get(type.name) ?? []) {
      for (const definition of type.definitions) {
        if (only && definition.name !== only.relationDefinition) continue;
        if (hasRelation(schema, source, type.name, resource, definition.name, { id: target })) {
          answers.push({ resource, relationDefinition: definition.name, namespace: type.name, target });
        }
      }
    }
  }
  return answers;
}

/** Every known (resource, definition) pair where `has` holds for the target. */
export function whatCanTargetAccess(
  services: Services,
  projectId: string,
  body: TargetAllBody,
): AuthzRelationsResponse {
  const target = required(body.target, 'target');
  const schema = currentSchema(services, projectId);
  const known = knownResources(services.store.relations.all(projectId));
  return { relations: holdingPairs(schema, relationSource(services, projectId), known, target) };
}

export function whatCanTargetAccessWithRelation(
  services: Services,
  projectId: string,
  body: TargetWithRelationBody,
): TargetWithRelationResponse {
  const target = required(body.target, 'target');
  const only = {
    relationDefinition: required(body.relationDefinition, 'relationDefinition'),
    namespace: required(body.namespace, 'namespace'),
  };
  const schema = currentSchema(services, projectId);
  const source = relationSource(services, projectId);
  // Refuses an unknown namespace or definition even when no resource is known.
  hasRelation(schema, source, only.namespace, '', only.relationDefinition, { id: target });
  const known = knownResources(services.store.relations.all(projectId));
  return { resources: holdingPairs(schema, source, known, target, only).map((pair) => pair.resource) };
}

/** Resources and targets whose relations changed at or after `since` (ms), and whether the schema did. */
export function getModified(
  services: Services,
  projectId: string,
  body: GetModifiedBody,
): GetModifiedResponse {
  const since = Number(body.since ?? 0);
  if (!Number.isInteger(since) || since < 0) throw invalid('since must be epoch milliseconds');
  return services.store.relations.modifiedSince(projectId, since);
}
