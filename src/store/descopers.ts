import type { DescoperRecord } from '../domain/descoper.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';

type Key = { projectId: string };

/** Descopers (descope-mgmt-more.md §14): the record as JSON; a login ID is unique in a project by index. */
export class DescoperStore {
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteRow;
  private readonly byId;
  private readonly all;

  constructor(db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO descopers (project_id, descoper_id, login_id, doc)
       VALUES (:projectId, :id, :loginId, :doc)`,
    );
    this.updateRow = db.prepare(
      'UPDATE descopers SET doc = :doc WHERE project_id = :projectId AND descoper_id = :id',
    );
    this.deleteRow = db.prepare('DELETE FROM descopers WHERE project_id = :projectId AND descoper_id = :id');
    this.byId = db
      .prepare<Key & { id: string }, string>(
        'SELECT doc FROM descopers WHERE project_id = :projectId AND descoper_id = :id',
      )
      .pluck();
    this.all = db
      .prepare<Key, string>('SELECT doc FROM descopers WHERE project_id = :projectId ORDER BY rowid')
      .pluck();
  }

  insert(projectId: string, descoper: DescoperRecord): void {
    const loginId = descoper.loginIDs[0] ?? '';
    mapConstraint(
      () => `A descoper with login ID "${loginId}" already exists`,
      () => this.insertRow.run({ projectId, id: descoper.id, loginId, doc: JSON.stringify(descoper) }),
    );
  }

  update(projectId: string, descoper: DescoperRecord): void {
    this.updateRow.run({ projectId, id: descoper.id, doc: JSON.stringify(descoper) });
  }

  delete(projectId: string, id: string): boolean {
    return this.deleteRow.run({ projectId, id }).changes > 0;
  }

  find(projectId: string, id: string): DescoperRecord | undefined {
    const doc = this.byId.get({ projectId, id });
    return doc === undefined ? undefined : (JSON.parse(doc) as DescoperRecord);
  }

  list(projectId: string): DescoperRecord[] {
    return this.all.all({ projectId }).map((doc) => JSON.parse(doc) as DescoperRecord);
  }
}
