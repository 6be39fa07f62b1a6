import type { CustomAttributeDefinition } from '../domain/catalog.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';

/** Custom attribute definitions (the declarations users' `customAttributes` must fit) and SSO applications. */
export class CustomAttributeStore {
  private readonly insertRow;
  private readonly insertSsoApp;

  constructor(db: Db) {
    this.insertRow = db.prepare(
      'INSERT INTO custom_attributes (project_id, name, doc) VALUES (:projectId, :name, :doc)',
    );
    this.insertSsoApp = db.prepare(
      'INSERT OR IGNORE INTO sso_apps (project_id, app_id, name) VALUES (:projectId, :appId, :name)',
    );
  }

  insert(projectId: string, definition: CustomAttributeDefinition): void {
    mapConstraint(
      () => `Custom attribute "${definition.name}" already exists`,
      () => this.insertRow.run({ projectId, name: definition.name, doc: JSON.stringify(definition) }),
    );
  }

  insertSsoApplication(projectId: string, appId: string, name: string): void {
    this.insertSsoApp.run({ projectId, appId, name });
  }
}
