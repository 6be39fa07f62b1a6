import type { AttributeDefinitionRecord } from '../domain/attributeDefinitions.js';
import type { CustomAttributeDefinition } from '../domain/catalog.js';
import type { CatalogGeneration } from './catalog.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';

/**
 * Custom attribute definitions (the declarations users' `customAttributes` must fit). Every write bumps the
 * catalog's generation.
 */
export class CustomAttributeStore {
  private readonly insertRow;
  private readonly upsertRow;
  private readonly deleteRow;
  private readonly all;

  constructor(
    db: Db,
    private readonly generation: CatalogGeneration,
  ) {
    this.insertRow = db.prepare(
      'INSERT INTO custom_attributes (project_id, name, doc) VALUES (:projectId, :name, :doc)',
    );
    // An update keeps the row (and its rowid), so a redefined attribute keeps its place in the list.
    this.upsertRow = db.prepare(
      `INSERT INTO custom_attributes (project_id, name, doc) VALUES (:projectId, :name, :doc)
       ON CONFLICT (project_id, name) DO UPDATE SET doc = :doc`,
    );
    this.deleteRow = db.prepare(
      'DELETE FROM custom_attributes WHERE project_id = :projectId AND name = :name',
    );
    this.all = db
      .prepare<{ projectId: string }, string>(
        'SELECT doc FROM custom_attributes WHERE project_id = :projectId ORDER BY rowid',
      )
      .pluck();
  }

  insert(projectId: string, definition: CustomAttributeDefinition): void {
    this.generation.bump();
    mapConstraint(
      () => `Custom attribute "${definition.name}" already exists`,
      () => this.insertRow.run({ projectId, name: definition.name, doc: JSON.stringify(definition) }),
    );
  }

  /** Creates the definition, or replaces the one of that name. */
  put(projectId: string, definition: AttributeDefinitionRecord): void {
    this.generation.bump();
    this.upsertRow.run({ projectId, name: definition.name, doc: JSON.stringify(definition) });
  }

  /** Removes a definition; false when the project had none of that name. */
  delete(projectId: string, name: string): boolean {
    this.generation.bump();
    return this.deleteRow.run({ projectId, name }).changes > 0;
  }

  /** Every definition of the project, oldest first. */
  list(projectId: string): AttributeDefinitionRecord[] {
    return this.all.all({ projectId }).map((doc) => JSON.parse(doc) as AttributeDefinitionRecord);
  }
}
