import type { FlowDocument, ThemeDocument } from '../domain/flow.js';
import type { Db } from './db.js';

type Key = { projectId: string };

/** A project's tags and environment, shown by projects/list. */
export interface ProjectTags {
  tags: string[];
  environment: string;
}

/**
 * What a project holds beside its identities (descope-mgmt-more.md §6, §12): its name, tags and environment,
 * its flows and theme, and the snapshot files the mock keeps without reading. Flows and files are read in ID
 * (path) order, so an export is deterministic.
 */
export class ProjectConfigStore {
  private readonly rename;
  private readonly tagsOf;
  private readonly saveTags;
  private readonly flowOf;
  private readonly allFlows;
  private readonly saveFlow;
  private readonly removeFlow;
  private readonly themeOf;
  private readonly saveTheme;
  private readonly filesOf;
  private readonly saveFile;
  private readonly removeFiles;

  constructor(db: Db) {
    this.rename = db.prepare('UPDATE projects SET name = :name WHERE project_id = :projectId');
    this.tagsOf = db.prepare<Key, { tags: string; environment: string }>(
      'SELECT tags, environment FROM project_tags WHERE project_id = :projectId',
    );
    this.saveTags = db.prepare(
      `INSERT INTO project_tags (project_id, tags, environment) VALUES (:projectId, :tags, :environment)
       ON CONFLICT (project_id) DO UPDATE SET tags = excluded.tags, environment = excluded.environment`,
    );
    this.flowOf = db
      .prepare<Key & { id: string }, string>(
        'SELECT doc FROM flows WHERE project_id = :projectId AND flow_id = :id',
      )
      .pluck();
    this.allFlows = db
      .prepare<Key, string>('SELECT doc FROM flows WHERE project_id = :projectId ORDER BY flow_id')
      .pluck();
    this.saveFlow = db.prepare(
      `INSERT INTO flows (project_id, flow_id, doc) VALUES (:projectId, :id, :doc)
       ON CONFLICT (project_id, flow_id) DO UPDATE SET doc = excluded.doc`,
    );
    this.removeFlow = db.prepare('DELETE FROM flows WHERE project_id = :projectId AND flow_id = :id');
    this.themeOf = db.prepare<Key, string>('SELECT doc FROM themes WHERE project_id = :projectId').pluck();
    this.saveTheme = db.prepare(
      `INSERT INTO themes (project_id, doc) VALUES (:projectId, :doc)
       ON CONFLICT (project_id) DO UPDATE SET doc = excluded.doc`,
    );
    this.filesOf = db.prepare<Key, { path: string; doc: string }>(
      'SELECT path, doc FROM snapshot_files WHERE project_id = :projectId ORDER BY path',
    );
    this.saveFile = db.prepare(
      'INSERT OR REPLACE INTO snapshot_files (project_id, path, doc) VALUES (:projectId, :path, :doc)',
    );
    this.removeFiles = db.prepare('DELETE FROM snapshot_files WHERE project_id = :projectId');
  }

  setName(projectId: string, name: string): void {
    this.rename.run({ projectId, name });
  }

  tags(projectId: string): ProjectTags {
    const row = this.tagsOf.get({ projectId });
    return row ? { tags: JSON.parse(row.tags) as string[], environment: row.environment } : NO_TAGS;
  }

  setTags(projectId: string, { tags, environment }: ProjectTags): void {
    this.saveTags.run({ projectId, tags: JSON.stringify(tags), environment });
  }

  flow(projectId: string, id: string): FlowDocument | undefined {
    const doc = this.flowOf.get({ projectId, id });
    return doc === undefined ? undefined : (JSON.parse(doc) as FlowDocument);
  }

  flows(projectId: string): FlowDocument[] {
    return this.allFlows.all({ projectId }).map((doc) => JSON.parse(doc) as FlowDocument);
  }

  saveFlowDocument(projectId: string, document: FlowDocument): void {
    this.saveFlow.run({ projectId, id: document.flow.id, doc: JSON.stringify(document) });
  }

  deleteFlow(projectId: string, id: string): void {
    this.removeFlow.run({ projectId, id });
  }

  theme(projectId: string): ThemeDocument | undefined {
    const doc = this.themeOf.get({ projectId });
    return doc === undefined ? undefined : (JSON.parse(doc) as ThemeDocument);
  }

  setTheme(projectId: string, theme: ThemeDocument): void {
    this.saveTheme.run({ projectId, doc: JSON.stringify(theme) });
  }

  /** The kept snapshot files, by path. */
  files(projectId: string): Record<string, unknown> {
    return Object.fromEntries(this.filesOf.all({ projectId }).map((row) => [row.path, JSON.parse(row.doc)]));
  }

  replaceFiles(projectId: string, files: Record<string, unknown>): void {
    this.removeFiles.run({ projectId });
    for (const [path, content] of Object.entries(files)) {
      this.saveFile.run({ projectId, path, doc: JSON.stringify(content) });
    }
  }
}

const NO_TAGS: ProjectTags = { tags: [], environment: '' };
