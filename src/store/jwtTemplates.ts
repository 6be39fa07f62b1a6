import type { JwtTemplateRecord } from '../domain/jwtTemplate.js';
import type { Db } from './db.js';

type Key = { projectId: string };

/** A project's JWT templates, oldest first. */
export class JwtTemplateStore {
  private readonly upsertTemplate;
  private readonly deleteTemplate;
  private readonly templateById;
  private readonly allTemplates;

  constructor(db: Db) {
    this.upsertTemplate = db.prepare(
      `INSERT INTO jwt_templates (project_id, template_id, doc) VALUES (:projectId, :id, :doc)
       ON CONFLICT (project_id, template_id) DO UPDATE SET doc = :doc`,
    );
    this.deleteTemplate = db.prepare(
      'DELETE FROM jwt_templates WHERE project_id = :projectId AND template_id = :id',
    );
    this.templateById = db
      .prepare<Key & { id: string }, string>(
        'SELECT doc FROM jwt_templates WHERE project_id = :projectId AND template_id = :id',
      )
      .pluck();
    this.allTemplates = db
      .prepare<Key, string>('SELECT doc FROM jwt_templates WHERE project_id = :projectId ORDER BY rowid')
      .pluck();
  }

  /** Writes a new template, or a changed one in its place. */
  save(projectId: string, template: JwtTemplateRecord): void {
    this.upsertTemplate.run({ projectId, id: template.id, doc: JSON.stringify(template) });
  }

  delete(projectId: string, id: string): void {
    this.deleteTemplate.run({ projectId, id });
  }

  find(projectId: string, id: string): JwtTemplateRecord | undefined {
    const doc = this.templateById.get({ projectId, id });
    return doc === undefined ? undefined : (JSON.parse(doc) as JwtTemplateRecord);
  }

  all(projectId: string): JwtTemplateRecord[] {
    return this.allTemplates.all({ projectId }).map((doc) => JSON.parse(doc) as JwtTemplateRecord);
  }
}
