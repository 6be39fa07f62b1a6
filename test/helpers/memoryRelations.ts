import type { FgaSubject, FgaTuple, RelationQuery, RelationSource } from '../../src/domain/fga/model.js';

/** A user as the ABAC queries of `memoryRelations` see one (the store uses the real user search). */
export interface MemoryUser {
  tenants?: string[];
  roles?: string[];
  status?: string;
  name?: string;
  customAttributes?: Record<string, unknown>;
}

const isSet = (targetType: string): boolean => targetType.includes('#');

/** Whether a stored plain tuple's target is the subject: '' stored types and an untyped subject match any. */
function targets(tuple: FgaTuple, subject: FgaSubject): boolean {
  if (tuple.query || tuple.target !== subject.id) return false;
  if (subject.type === undefined) return !isSet(tuple.targetType);
  return tuple.targetType === subject.type || (tuple.targetType === '' && !isSet(subject.type));
}

function matches(query: RelationQuery, user: MemoryUser | undefined, userId: string): boolean {
  if (!user) return false;
  if (query.tenants?.length && !query.tenants.some((t) => user.tenants?.includes(t))) return false;
  if (query.roles?.length && !query.roles.some((r) => user.roles?.includes(r))) return false;
  if (query.statuses?.length && !query.statuses.includes(user.status ?? 'enabled')) return false;
  if (query.text && !`${userId} ${user.name ?? ''}`.includes(query.text)) return false;
  for (const [key, value] of Object.entries(query.customAttributes ?? {})) {
    if (user.customAttributes?.[key] !== value) return false;
  }
  return true;
}

/**
 * A `RelationSource` over a plain array, for the evaluator's tests: each lookup filters the array (the store
 * answers the same questions with indexed queries).
 */
export function memoryRelations(tuples: FgaTuple[], users: Record<string, MemoryUser> = {}): RelationSource {
  const on = (resourceType: string, resource: string, relation: string): FgaTuple[] =>
    tuples.filter(
      (t) => t.resourceType === resourceType && t.resource === resource && t.relation === relation,
    );
  return {
    hasDirect: (resourceType, resource, relation, subject) =>
      on(resourceType, resource, relation).some((t) => targets(t, subject)),
    targetSets: (resourceType, resource, relation) =>
      on(resourceType, resource, relation)
        .filter((t) => !t.query && isSet(t.targetType))
        .map((t) => {
          const [type, setRelation] = t.targetType.split('#') as [string, string];
          return { type, relation: setRelation, id: t.target };
        }),
    plainTargets: (resourceType, resource, relation) =>
      on(resourceType, resource, relation)
        .filter((t) => !t.query && !isSet(t.targetType))
        .map((t) => ({ type: t.targetType, id: t.target })),
    resourcesTargeting: (resourceType, relation, target) => [
      ...new Set(
        tuples
          .filter((t) => t.resourceType === resourceType && t.relation === relation && targets(t, target))
          .map((t) => t.resource),
      ),
    ],
    queries: (resourceType, resource, relation) =>
      on(resourceType, resource, relation).flatMap((t) => (t.query ? [t.query] : [])),
    queryMatches: (query, userId) => matches(query, users[userId], userId),
  };
}
