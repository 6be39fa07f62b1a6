import type { Statement } from 'better-sqlite3';
import type { FgaSubject, RelationQuery, RelationSource } from '../domain/fga/model.js';
import type { Db } from './db.js';

/** Whether a user meets an ABAC query: the app answers it with the user-search predicates. */
export type QueryMatcher = (query: RelationQuery, userId: string) => boolean;

type Params = { projectId: string; resourceType: string; resource: string; relation: string };
type SubjectParams = { id: string; type: string | null };

interface Statements {
  hasDirect: Statement<Params & SubjectParams, number>;
  targetSets: Statement<Params, { type: string; relation: string; id: string }>;
  plainTargets: Statement<Params, { type: string; id: string }>;
  resourcesTargeting: Statement<Omit<Params, 'resource'> & SubjectParams, string>;
  queries: Statement<Params, string>;
}

/** Resource side, one relation: the first four columns of fga_relations' key. */
const ON_RELATION = `project_id = :projectId AND resource_type = :resourceType AND resource = :resource
  AND relation = :relation`;
/**
 * A plain target of the subject's type, or of any plain type ('' on an authz relation without a namespace);
 * an untyped subject (the JSON API's) matches a plain target of any type.
 */
const OF_SUBJECT = `target = :id AND target_relation = '' AND query = ''
  AND (:type IS NULL OR target_type = :type OR (target_type = '' AND instr(:type, '#') = 0))`;

/**
 * The evaluator's reads (src/domain/fga/model.ts `RelationSource`) over one project's tuples, each a single
 * indexed query (fga_relations' key for the resource side, fga_relations_target for the target side, the
 * partial indexes for target sets and queries). Made per request; the statements are the store's.
 */
export class ProjectRelationSource implements RelationSource {
  static prepare(db: Db): Statements {
    return {
      hasDirect: db
        .prepare(`SELECT 1 FROM fga_relations WHERE ${ON_RELATION} AND ${OF_SUBJECT} LIMIT 1`)
        .pluck(),
      targetSets: db.prepare(
        `SELECT target_type AS type, target_relation AS relation, target AS id FROM fga_relations
         WHERE ${ON_RELATION} AND target_relation <> ''`,
      ),
      plainTargets: db.prepare(
        `SELECT target_type AS type, target AS id FROM fga_relations
         WHERE ${ON_RELATION} AND target_relation = '' AND query = ''`,
      ),
      resourcesTargeting: db
        .prepare(
          `SELECT resource FROM fga_relations WHERE project_id = :projectId AND resource_type = :resourceType
           AND relation = :relation AND ${OF_SUBJECT}`,
        )
        .pluck(),
      queries: db.prepare(`SELECT query FROM fga_relations WHERE ${ON_RELATION} AND query <> ''`).pluck(),
    } as unknown as Statements;
  }

  constructor(
    private readonly statements: Statements,
    private readonly projectId: string,
    private readonly matcher: QueryMatcher,
  ) {}

  hasDirect(resourceType: string, resource: string, relation: string, subject: FgaSubject): boolean {
    const { projectId } = this;
    const params = {
      projectId,
      resourceType,
      resource,
      relation,
      id: subject.id,
      type: subject.type ?? null,
    };
    return this.statements.hasDirect.get(params) !== undefined;
  }

  targetSets(resourceType: string, resource: string, relation: string) {
    return this.statements.targetSets.all({ projectId: this.projectId, resourceType, resource, relation });
  }

  plainTargets(resourceType: string, resource: string, relation: string) {
    return this.statements.plainTargets.all({ projectId: this.projectId, resourceType, resource, relation });
  }

  resourcesTargeting(resourceType: string, relation: string, target: FgaSubject): string[] {
    const { projectId } = this;
    const params = { projectId, resourceType, relation, id: target.id, type: target.type ?? null };
    return this.statements.resourcesTargeting.all(params);
  }

  queries(resourceType: string, resource: string, relation: string): RelationQuery[] {
    return this.statements.queries
      .all({ projectId: this.projectId, resourceType, resource, relation })
      .map((query) => JSON.parse(query) as RelationQuery);
  }

  queryMatches(query: RelationQuery, userId: string): boolean {
    return this.matcher(query, userId);
  }
}
