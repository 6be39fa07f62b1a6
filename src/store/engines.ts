import type { Db } from './db.js';

type Key = { projectId: string };

/** An engine as stored: the secret only as its hash (answered by create and rotate, never read back). */
export interface EngineRow {
  id: string;
  name: string;
  secretHash: string;
  /** Epoch seconds. */
  createdTime: number;
}

const COLUMNS = 'engine_id AS id, name, secret_hash AS secretHash, created_time AS createdTime';

/** Engines (descope-mgmt-more.md §15). */
export class EngineStore {
  private readonly insertRow;
  private readonly renameRow;
  private readonly updateSecret;
  private readonly deleteRow;
  private readonly byId;
  private readonly all;

  constructor(db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO engines (project_id, engine_id, name, secret_hash, created_time)
       VALUES (:projectId, :id, :name, :secretHash, :createdTime)`,
    );
    this.renameRow = db.prepare(
      'UPDATE engines SET name = :name WHERE project_id = :projectId AND engine_id = :id',
    );
    this.updateSecret = db.prepare(
      'UPDATE engines SET secret_hash = :secretHash WHERE project_id = :projectId AND engine_id = :id',
    );
    this.deleteRow = db.prepare('DELETE FROM engines WHERE project_id = :projectId AND engine_id = :id');
    this.byId = db.prepare<Key & { id: string }, EngineRow>(
      `SELECT ${COLUMNS} FROM engines WHERE project_id = :projectId AND engine_id = :id`,
    );
    this.all = db.prepare<Key, EngineRow>(
      `SELECT ${COLUMNS} FROM engines WHERE project_id = :projectId ORDER BY created_time, rowid`,
    );
  }

  insert(projectId: string, engine: EngineRow): void {
    this.insertRow.run({ projectId, ...engine });
  }

  rename(projectId: string, id: string, name: string): void {
    this.renameRow.run({ projectId, id, name });
  }

  setSecret(projectId: string, id: string, secretHash: string): void {
    this.updateSecret.run({ projectId, id, secretHash });
  }

  delete(projectId: string, id: string): boolean {
    return this.deleteRow.run({ projectId, id }).changes > 0;
  }

  find(projectId: string, id: string): EngineRow | undefined {
    return this.byId.get({ projectId, id });
  }

  list(projectId: string): EngineRow[] {
    return this.all.all({ projectId });
  }
}
