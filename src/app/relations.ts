import type { FgaSchema, RelationQuery } from '../domain/fga/model.js';
import { removedBy } from '../domain/fga/schemaDiff.js';
import { randomId } from '../domain/ids.js';
import { parseSearchFilter, type SearchUsersRequest } from '../domain/userSearch.js';
import type { ProjectRelationSource, QueryMatcher } from '../store/relationSource.js';
import type { Services } from './operation.js';

/**
 * What both authorization APIs share (descope-mgmt-more.md §1.1): the project's schema, saving one (which
 * drops the tuples of what it removes), and the evaluator's view of the tuples with ABAC queries answered
 * by the user search.
 */

/** The schema of a project that never saved one (§1.4 "Before any save", inferred). */
export const EMPTY_SCHEMA: FgaSchema = { name: '', types: [], conditions: [], dsl: '' };

export function currentSchema(services: Services, projectId: string): FgaSchema {
  return services.store.relations.schema(projectId)?.schema ?? EMPTY_SCHEMA;
}

/**
 * Replaces the schema under a new version, deleting the tuples of the types and relations `next` removes
 * (contract §1.4: "saveSchema replaces the schema, deleting the tuples of removed types and relations").
 */
export function replaceSchema(services: Services, projectId: string, next: FgaSchema): void {
  const { relations } = services.store;
  const removed = removedBy(currentSchema(services, projectId), next);
  relations.deleteOfSchemaParts(projectId, removed.types, removed.relations);
  relations.saveSchema(projectId, next, randomId('V', 16), services.now());
}

/** The search request an ABAC query stands for (§1.6): Go sends `statuses` as `userStatus`. */
export function searchOfQuery(query: RelationQuery & { userStatus?: string[] }): SearchUsersRequest {
  return {
    tenantIds: query.tenants,
    roleNames: query.roles,
    text: query.text,
    statuses: query.statuses ?? query.userStatus,
    ssoOnly: query.ssoOnly,
    withTestUser: query.withTestUser,
    customAttributes: query.customAttributes,
  };
}

/** Vendor behaviour (inferred): a query matches the users a user search with the same criteria finds. */
export function queryMatcher(services: Services, projectId: string): QueryMatcher {
  return (query, userId) => {
    const filter = parseSearchFilter({ ...searchOfQuery(query), userIds: [userId], limit: 1 });
    return services.store.userSearch.search(projectId, filter).total > 0;
  };
}

/** Every user ID a query matches (who can access, with queries expanded). */
export function usersMatching(services: Services, projectId: string, query: RelationQuery): string[] {
  const filter = parseSearchFilter({ ...searchOfQuery(query), limit: 10_000 });
  return services.store.userSearch.search(projectId, filter).users.map((user) => user.userId);
}

export function relationSource(services: Services, projectId: string): ProjectRelationSource {
  return services.store.relations.source(projectId, queryMatcher(services, projectId));
}
