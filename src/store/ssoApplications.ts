import type { SsoApplicationRecord } from '../domain/ssoApplication.js';
import type { CatalogGeneration } from './catalog.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';

/**
 * SSO (federated IdP) applications: one `sso_apps` row each, the record as JSON in `doc` and its name beside
 * it. The catalog (src/store/catalog.ts) answers whether an app exists from the same rows, so every write
 * bumps its generation. Rows go with their project (ON DELETE CASCADE).
 */
export class SsoApplicationStore {
  private readonly byId;
  private readonly all;
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteRow;

  constructor(
    db: Db,
    private readonly generation: CatalogGeneration,
  ) {
    this.byId = db
      .prepare<{ projectId: string; appId: string }, string>(
        'SELECT doc FROM sso_apps WHERE project_id = :projectId AND app_id = :appId',
      )
      .pluck();
    this.all = db
      .prepare<{ projectId: string }, string>(
        'SELECT doc FROM sso_apps WHERE project_id = :projectId ORDER BY app_id',
      )
      .pluck();
    this.insertRow = db.prepare(
      'INSERT INTO sso_apps (project_id, app_id, name, doc) VALUES (:projectId, :appId, :name, :doc)',
    );
    this.updateRow = db.prepare(
      'UPDATE sso_apps SET name = :name, doc = :doc WHERE project_id = :projectId AND app_id = :appId',
    );
    this.deleteRow = db.prepare('DELETE FROM sso_apps WHERE project_id = :projectId AND app_id = :appId');
  }

  find(projectId: string, appId: string): SsoApplicationRecord | undefined {
    const doc = this.byId.get({ projectId, appId });
    return doc === undefined ? undefined : (JSON.parse(doc) as SsoApplicationRecord);
  }

  /** Every app of the project, by ID. */
  list(projectId: string): SsoApplicationRecord[] {
    return this.all.all({ projectId }).map((doc) => JSON.parse(doc) as SsoApplicationRecord);
  }

  /** A new app; an ID already taken in the project is refused (400 E011004). */
  insert(projectId: string, app: SsoApplicationRecord): void {
    this.generation.bump();
    mapConstraint(
      () => `SSO application "${app.id}" already exists`,
      () => this.insertRow.run(this.rowOf(projectId, app)),
    );
  }

  /** Replaces the record of an existing app (its ID unchanged). */
  replace(projectId: string, app: SsoApplicationRecord): void {
    this.updateRow.run(this.rowOf(projectId, app));
  }

  /** Removes an app; false when the project had none of that ID. */
  delete(projectId: string, appId: string): boolean {
    this.generation.bump();
    return this.deleteRow.run({ projectId, appId }).changes > 0;
  }

  private rowOf(projectId: string, app: SsoApplicationRecord) {
    return { projectId, appId: app.id, name: app.name, doc: JSON.stringify(app) };
  }
}
