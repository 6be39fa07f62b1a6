import type { ScopeClaimMapping } from '../domain/scopeClaimMapping.js';
import type { Db } from './db.js';

/** A project's scope → claims mappings, one document replaced whole; no row: none. */
export class ScopeClaimMappingStore {
  private readonly mappingsOf;
  private readonly upsertMappings;
  private readonly deleteMappings;

  constructor(db: Db) {
    this.mappingsOf = db
      .prepare<{ projectId: string }, string>(
        'SELECT doc FROM scope_claim_mappings WHERE project_id = :projectId',
      )
      .pluck();
    this.upsertMappings = db.prepare(
      `INSERT INTO scope_claim_mappings (project_id, doc) VALUES (:projectId, :doc)
       ON CONFLICT (project_id) DO UPDATE SET doc = :doc`,
    );
    this.deleteMappings = db.prepare('DELETE FROM scope_claim_mappings WHERE project_id = :projectId');
  }

  all(projectId: string): ScopeClaimMapping[] {
    const doc = this.mappingsOf.get({ projectId });
    return doc === undefined ? [] : (JSON.parse(doc) as ScopeClaimMapping[]);
  }

  /** Replaces every mapping; none left is no row. */
  replace(projectId: string, mappings: ScopeClaimMapping[]): void {
    if (mappings.length === 0) this.deleteMappings.run({ projectId });
    else this.upsertMappings.run({ projectId, doc: JSON.stringify(mappings) });
  }
}
