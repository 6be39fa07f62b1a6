import type { FgaSchema, FgaTuple, RelationQuery } from '../domain/fga/model.js';
import type { Db } from './db.js';
import { ProjectRelationSource, type QueryMatcher } from './relationSource.js';

/** A project's schema as stored: the model, the version its last save made, and when that was. */
export interface StoredSchema {
  schema: FgaSchema;
  version: string;
  modifiedMs: number;
}

/** `fga.saveResourcesDetails`' record: a resource's display name, for the console and mappable searches. */
export interface ResourceDetails {
  resourceId: string;
  resourceType: string;
  displayName: string;
}

/** What authz/getmodified answers: resources and targets whose relations changed, and schema changes. */
export interface Modifications {
  resources: string[];
  targets: string[];
  schemaChanged: boolean;
}

export interface TupleRow {
  resource_type: string;
  resource: string;
  relation: string;
  target: string;
  target_type: string;
  target_relation: string;
  query: string;
}

type Key = { projectId: string };

/** The control plane's filter of a project's tuples (each field exact, absent = any), one page of it. */
export interface TupleFilter {
  resourceType?: string;
  resource?: string;
  relation?: string;
  target?: string;
}
type FilterParams = Key & { [K in keyof TupleFilter]-?: string | null };

/**
 * How long the change log keeps a change: authz/getmodified refuses (in the Go SDK) a `since` older than
 * 24 hours, so an hour more than that is always enough, and older rows are pruned as new ones come.
 */
export const CHANGE_LOG_KEEP_MS = 25 * 60 * 60 * 1000;

const TUPLE_COLUMNS = 'resource_type, resource, relation, target, target_type, target_relation, query';

/** A tuple's row: `T#rel` split into the target's type and relation, the query as JSON ('' for none). */
export function tupleParams(projectId: string, tuple: FgaTuple): Key & Record<string, string> {
  const hash = tuple.targetType.indexOf('#');
  return {
    projectId,
    resourceType: tuple.resourceType,
    resource: tuple.resource,
    relation: tuple.relation,
    target: tuple.target,
    targetType: hash < 0 ? tuple.targetType : tuple.targetType.slice(0, hash),
    targetRelation: hash < 0 ? '' : tuple.targetType.slice(hash + 1),
    query: tuple.query ? canonicalJson(tuple.query) : '',
  };
}

/** A query as JSON with its keys sorted: the same query from a fixture or a request is the same stored key. */
function canonicalJson(query: RelationQuery): string {
  const sorted = Object.fromEntries(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify(sorted);
}

export function tupleOf(row: TupleRow): FgaTuple {
  const tuple: FgaTuple = {
    resourceType: row.resource_type,
    resource: row.resource,
    relation: row.relation,
    targetType: row.target_relation ? `${row.target_type}#${row.target_relation}` : row.target_type,
    target: row.target,
  };
  if (row.query) tuple.query = JSON.parse(row.query) as RelationQuery;
  return tuple;
}

/**
 * The relation store of descope-mgmt-more.md §1.1, per project: one schema, one tuple set, resource details
 * and a change log. Statements are prepared once; a check's lookups go through `source` (./relationSource.ts),
 * each one indexed query. The parsed schema is cached per project and revalidated by its version, so the
 * evaluator's per-schema index (built once per schema object) survives across requests.
 */
export class RelationStore {
  private readonly schemaCache = new Map<string, StoredSchema>();
  private readonly versionOf;
  private readonly schemaRow;
  private readonly upsertSchema;
  private readonly removeSchema;
  private readonly insertTuple;
  private readonly removeTuple;
  private readonly removeAll;
  private readonly allTuples;
  private readonly tuplesOfResources;
  private readonly tuplesOfTargets;
  private readonly filteredTuples;
  private readonly filteredCount;
  private readonly removeOfResources;
  private readonly removeOfTargets;
  private readonly removeOfType;
  private readonly removeOfRelation;
  private readonly renameResourceType;
  private readonly renameTargetType;
  private readonly renameRelationOf;
  private readonly renameTargetRelation;
  private readonly resourcesOfTypes;
  private readonly upsertDetails;
  private readonly detailsOf;
  private readonly allDetails;
  private readonly upsertChange;
  private readonly pruneChanges;
  private readonly changesSince;
  private readonly sourceStatements;

  constructor(db: Db) {
    this.versionOf = db
      .prepare<Key, string>('SELECT version FROM fga_schemas WHERE project_id = :projectId')
      .pluck();
    this.schemaRow = db.prepare<Key, { doc: string; version: string; modified_ms: number }>(
      'SELECT doc, version, modified_ms FROM fga_schemas WHERE project_id = :projectId',
    );
    this.upsertSchema = db.prepare(
      `INSERT INTO fga_schemas (project_id, doc, version, modified_ms) VALUES (:projectId, :doc, :version, :modifiedMs)
       ON CONFLICT (project_id) DO UPDATE SET doc = :doc, version = :version, modified_ms = :modifiedMs`,
    );
    this.removeSchema = db.prepare('DELETE FROM fga_schemas WHERE project_id = :projectId');
    this.insertTuple = db.prepare(
      `INSERT OR IGNORE INTO fga_relations (project_id, ${TUPLE_COLUMNS})
       VALUES (:projectId, :resourceType, :resource, :relation, :target, :targetType, :targetRelation, :query)`,
    );
    this.removeTuple = db.prepare(
      `DELETE FROM fga_relations WHERE project_id = :projectId AND resource_type = :resourceType
       AND resource = :resource AND relation = :relation AND target = :target AND target_type = :targetType
       AND target_relation = :targetRelation AND query = :query`,
    );
    this.removeAll = db.prepare('DELETE FROM fga_relations WHERE project_id = :projectId');
    const order = 'ORDER BY resource_type, resource, relation, target, target_type, target_relation, query';
    this.allTuples = db.prepare<Key, TupleRow>(
      `SELECT ${TUPLE_COLUMNS} FROM fga_relations WHERE project_id = :projectId ${order}`,
    );
    this.tuplesOfResources = db.prepare<Key & { ids: string }, TupleRow>(
      `SELECT ${TUPLE_COLUMNS} FROM fga_relations
       WHERE project_id = :projectId AND resource IN (SELECT value FROM json_each(:ids)) ${order}`,
    );
    this.tuplesOfTargets = db.prepare<Key & { ids: string }, TupleRow>(
      `SELECT ${TUPLE_COLUMNS} FROM fga_relations
       WHERE project_id = :projectId AND target IN (SELECT value FROM json_each(:ids)) ${order}`,
    );
    const filtered = `FROM fga_relations WHERE project_id = :projectId
       AND (:resourceType IS NULL OR resource_type = :resourceType) AND (:resource IS NULL OR resource = :resource)
       AND (:relation IS NULL OR relation = :relation) AND (:target IS NULL OR target = :target)`;
    this.filteredTuples = db.prepare<FilterParams & { limit: number; offset: number }, TupleRow>(
      `SELECT ${TUPLE_COLUMNS} ${filtered} ${order} LIMIT :limit OFFSET :offset`,
    );
    this.filteredCount = db.prepare<FilterParams, number>(`SELECT COUNT(*) ${filtered}`).pluck();
    this.removeOfResources = db.prepare(
      `DELETE FROM fga_relations
       WHERE project_id = :projectId AND resource IN (SELECT value FROM json_each(:ids))`,
    );
    this.removeOfTargets = db.prepare(
      `DELETE FROM fga_relations
       WHERE project_id = :projectId AND target IN (SELECT value FROM json_each(:ids))`,
    );
    this.removeOfType = db.prepare(
      `DELETE FROM fga_relations WHERE project_id = :projectId AND (resource_type = :type OR target_type = :type)`,
    );
    this.removeOfRelation = db.prepare(
      `DELETE FROM fga_relations WHERE project_id = :projectId AND (
         (resource_type = :type AND relation = :relation) OR (target_type = :type AND target_relation = :relation))`,
    );
    this.renameResourceType = db.prepare(
      'UPDATE OR REPLACE fga_relations SET resource_type = :to WHERE project_id = :projectId AND resource_type = :from',
    );
    this.renameTargetType = db.prepare(
      'UPDATE OR REPLACE fga_relations SET target_type = :to WHERE project_id = :projectId AND target_type = :from',
    );
    this.renameRelationOf = db.prepare(
      `UPDATE OR REPLACE fga_relations SET relation = :to
       WHERE project_id = :projectId AND resource_type = :type AND relation = :from`,
    );
    this.renameTargetRelation = db.prepare(
      `UPDATE OR REPLACE fga_relations SET target_relation = :to
       WHERE project_id = :projectId AND target_type = :type AND target_relation = :from`,
    );
    this.resourcesOfTypes = db.prepare<Key, { resource_type: string; resource: string }>(
      `SELECT DISTINCT resource_type, resource FROM fga_relations WHERE project_id = :projectId
       ORDER BY resource_type, resource`,
    );
    this.upsertDetails = db.prepare(
      `INSERT INTO fga_resources (project_id, resource_type, resource_id, display_name)
       VALUES (:projectId, :resourceType, :resourceId, :displayName)
       ON CONFLICT (project_id, resource_type, resource_id) DO UPDATE SET display_name = :displayName`,
    );
    this.detailsOf = db
      .prepare<Key & { resourceType: string; resourceId: string }, string>(
        `SELECT display_name FROM fga_resources
         WHERE project_id = :projectId AND resource_type = :resourceType AND resource_id = :resourceId`,
      )
      .pluck();
    this.allDetails = db.prepare<Key, ResourceDetails>(
      `SELECT resource_id AS resourceId, resource_type AS resourceType, display_name AS displayName
       FROM fga_resources WHERE project_id = :projectId ORDER BY resource_type, resource_id`,
    );
    this.upsertChange = db.prepare(
      `INSERT INTO authz_changes (project_id, kind, id, at_ms) VALUES (:projectId, :kind, :id, :atMs)
       ON CONFLICT (project_id, kind, id) DO UPDATE SET at_ms = MAX(at_ms, :atMs)`,
    );
    this.pruneChanges = db.prepare(
      'DELETE FROM authz_changes WHERE project_id = :projectId AND at_ms < :before',
    );
    this.changesSince = db.prepare<Key & { since: number }, { kind: string; id: string }>(
      `SELECT kind, id FROM authz_changes WHERE project_id = :projectId AND at_ms >= :since ORDER BY at_ms, id`,
    );
    this.sourceStatements = ProjectRelationSource.prepare(db);
  }

  /** The project's schema; undefined before any save (or after a delete). */
  schema(projectId: string): StoredSchema | undefined {
    const version = this.versionOf.get({ projectId });
    if (version === undefined) {
      this.schemaCache.delete(projectId);
      return undefined;
    }
    const cached = this.schemaCache.get(projectId);
    if (cached?.version === version) return cached;
    const row = this.schemaRow.get({ projectId });
    if (!row) return undefined;
    const stored = { schema: JSON.parse(row.doc) as FgaSchema, version, modifiedMs: row.modified_ms };
    this.schemaCache.set(projectId, stored);
    return stored;
  }

  /** Replaces the schema; `version` must be new (the cache tells schemas apart by it). */
  saveSchema(projectId: string, schema: FgaSchema, version: string, nowMs: number): void {
    this.upsertSchema.run({ projectId, doc: JSON.stringify(schema), version, modifiedMs: nowMs });
    this.recordChanges(projectId, 's', [''], nowMs);
  }

  /** Removes the schema and every tuple. */
  deleteSchema(projectId: string, nowMs: number): void {
    this.removeSchema.run({ projectId });
    this.removeAll.run({ projectId });
    this.schemaCache.delete(projectId);
    this.recordChanges(projectId, 's', [''], nowMs);
  }

  /** Stores the tuples; one already stored is left as it is. */
  insert(projectId: string, tuples: FgaTuple[], nowMs?: number): void {
    for (const tuple of tuples) this.insertTuple.run(tupleParams(projectId, tuple));
    if (nowMs !== undefined) this.recordTuples(projectId, tuples, nowMs);
  }

  /** Removes the tuples; one not stored is skipped. */
  delete(projectId: string, tuples: FgaTuple[], nowMs: number): void {
    for (const tuple of tuples) this.removeTuple.run(tupleParams(projectId, tuple));
    this.recordTuples(projectId, tuples, nowMs);
  }

  deleteAll(projectId: string): void {
    this.removeAll.run({ projectId });
  }

  /** Removes the tuples on or targeting the types, and those of or targeting `type#relation` pairs. */
  deleteOfSchemaParts(projectId: string, types: string[], relations: string[]): void {
    for (const type of types) this.removeOfType.run({ projectId, type });
    for (const pair of relations) {
      const [type = '', relation = ''] = pair.split('#');
      this.removeOfRelation.run({ projectId, type, relation });
    }
  }

  /** Removes the tuples on the resources, and with `alsoTargets` those targeting them too. */
  deleteForResources(projectId: string, ids: string[], alsoTargets: boolean, nowMs: number): void {
    const params = { projectId, ids: JSON.stringify(ids) };
    this.removeOfResources.run(params);
    if (alsoTargets) this.removeOfTargets.run(params);
    this.recordChanges(projectId, 'r', ids, nowMs);
  }

  /** A namespace renamed: its tuples, and the target sets naming it, follow. */
  renameType(projectId: string, from: string, to: string): void {
    this.renameResourceType.run({ projectId, from, to });
    this.renameTargetType.run({ projectId, from, to });
  }

  /** A relation definition of `type` renamed: its tuples, and the target sets naming it, follow. */
  renameRelation(projectId: string, type: string, from: string, to: string): void {
    this.renameRelationOf.run({ projectId, type, from, to });
    this.renameTargetRelation.run({ projectId, type, from, to });
  }

  /** Every tuple of the project, in key order (resource side first). */
  all(projectId: string): FgaTuple[] {
    return this.allTuples.all({ projectId }).map(tupleOf);
  }

  /** One page of the tuples passing `filter`, in key order, and how many pass it in all. */
  page(
    projectId: string,
    filter: TupleFilter,
    limit: number,
    offset: number,
  ): { tuples: FgaTuple[]; total: number } {
    const params: FilterParams = {
      projectId,
      resourceType: filter.resourceType ?? null,
      resource: filter.resource ?? null,
      relation: filter.relation ?? null,
      target: filter.target ?? null,
    };
    return {
      tuples: this.filteredTuples.all({ ...params, limit, offset }).map(tupleOf),
      total: this.filteredCount.get(params) ?? 0,
    };
  }

  /** The tuples on any of the resources (whatever their type). */
  ofResources(projectId: string, ids: string[]): FgaTuple[] {
    return this.tuplesOfResources.all({ projectId, ids: JSON.stringify(ids) }).map(tupleOf);
  }

  /** The tuples naming any of the IDs as target (plain targets and target sets alike). */
  ofTargets(projectId: string, ids: string[]): FgaTuple[] {
    return this.tuplesOfTargets.all({ projectId, ids: JSON.stringify(ids) }).map(tupleOf);
  }

  /** Every (type, resource) pair some tuple is on. */
  resources(projectId: string): { resourceType: string; resource: string }[] {
    return this.resourcesOfTypes
      .all({ projectId })
      .map((row) => ({ resourceType: row.resource_type, resource: row.resource }));
  }

  /** The evaluator's view of one project's tuples; `queryMatches` answers the ABAC queries. */
  source(projectId: string, queryMatches: QueryMatcher): ProjectRelationSource {
    return new ProjectRelationSource(this.sourceStatements, projectId, queryMatches);
  }

  saveDetails(projectId: string, details: ResourceDetails[]): void {
    for (const detail of details) this.upsertDetails.run({ projectId, ...detail });
  }

  /** The display name saved for a resource; undefined when none was. */
  displayName(projectId: string, resourceType: string, resourceId: string): string | undefined {
    return this.detailsOf.get({ projectId, resourceType, resourceId });
  }

  allDetailsOf(projectId: string): ResourceDetails[] {
    return this.allDetails.all({ projectId });
  }

  /** What changed at or after `sinceMs`, as far back as the log keeps. */
  modifiedSince(projectId: string, sinceMs: number): Modifications {
    const rows = this.changesSince.all({ projectId, since: sinceMs });
    return {
      resources: rows.filter((row) => row.kind === 'r').map((row) => row.id),
      targets: rows.filter((row) => row.kind === 't').map((row) => row.id),
      schemaChanged: rows.some((row) => row.kind === 's'),
    };
  }

  /** Notes a change of resources ('r'), targets ('t') or the schema ('s'); prunes what the log need not keep. */
  recordChanges(projectId: string, kind: 'r' | 't' | 's', ids: string[], nowMs: number): void {
    for (const id of new Set(ids)) this.upsertChange.run({ projectId, kind, id, atMs: nowMs });
    this.pruneChanges.run({ projectId, before: nowMs - CHANGE_LOG_KEEP_MS });
  }

  private recordTuples(projectId: string, tuples: FgaTuple[], nowMs: number): void {
    this.recordChanges(
      projectId,
      'r',
      tuples.map((tuple) => tuple.resource),
      nowMs,
    );
    this.recordChanges(
      projectId,
      't',
      tuples.map((tuple) => tuple.target).filter((target) => target !== ''),
      nowMs,
    );
  }
}
