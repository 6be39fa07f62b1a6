import type { ListRecord } from '../domain/list.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';

type Key = { projectId: string };

/** A project's IP and text lists, oldest first; names are unique per project (an index). */
export class ListStore {
  private readonly insertList;
  private readonly updateList;
  private readonly deleteList;
  private readonly listById;
  private readonly listByName;
  private readonly allLists;

  constructor(db: Db) {
    this.insertList = db.prepare(
      'INSERT INTO lists (project_id, list_id, name, doc) VALUES (:projectId, :id, :name, :doc)',
    );
    this.updateList = db.prepare(
      'UPDATE lists SET name = :name, doc = :doc WHERE project_id = :projectId AND list_id = :id',
    );
    this.deleteList = db.prepare('DELETE FROM lists WHERE project_id = :projectId AND list_id = :id');
    this.listById = db
      .prepare<Key & { id: string }, string>(
        'SELECT doc FROM lists WHERE project_id = :projectId AND list_id = :id',
      )
      .pluck();
    this.listByName = db
      .prepare<Key & { name: string }, string>(
        'SELECT doc FROM lists WHERE project_id = :projectId AND name = :name',
      )
      .pluck();
    this.allLists = db
      .prepare<Key, string>('SELECT doc FROM lists WHERE project_id = :projectId ORDER BY rowid')
      .pluck();
  }

  insert(projectId: string, list: ListRecord): void {
    mapConstraint(nameTaken(list), () => this.insertList.run(paramsOf(projectId, list)));
  }

  update(projectId: string, list: ListRecord): void {
    mapConstraint(nameTaken(list), () => this.updateList.run(paramsOf(projectId, list)));
  }

  delete(projectId: string, id: string): void {
    this.deleteList.run({ projectId, id });
  }

  find(projectId: string, id: string): ListRecord | undefined {
    const doc = this.listById.get({ projectId, id });
    return doc === undefined ? undefined : (JSON.parse(doc) as ListRecord);
  }

  findByName(projectId: string, name: string): ListRecord | undefined {
    const doc = this.listByName.get({ projectId, name });
    return doc === undefined ? undefined : (JSON.parse(doc) as ListRecord);
  }

  all(projectId: string): ListRecord[] {
    return this.allLists.all({ projectId }).map((doc) => JSON.parse(doc) as ListRecord);
  }
}

const nameTaken = (list: ListRecord) => () => `List "${list.name}" already exists`;

const paramsOf = (projectId: string, list: ListRecord) => ({
  projectId,
  id: list.id,
  name: list.name,
  doc: JSON.stringify(list),
});
