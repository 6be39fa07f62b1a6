import type { ManagementKeyReBac, ManagementKeyRecord } from '../domain/managementKey.js';
import type { Db } from './db.js';

type Key = { projectId: string };

interface Row {
  id: string;
  name: string;
  description: string;
  status: string;
  createdTime: number;
  expireTime: number;
  permittedIps: string;
  reBac: string;
  keyHash: string;
  key: string | null;
}

/** A stored key with what only a snapshot needs: its hash, and the cleartext of a key an operator named. */
export interface StoredManagementKey {
  key: ManagementKeyRecord;
  keyHash: string;
  cleartext: string | undefined;
}

const COLUMNS = `id, name, description, status, created_time AS createdTime, expire_time AS expireTime,
  permitted_ips AS permittedIps, rebac AS reBac, key_hash AS keyHash, key`;

/**
 * Management keys as records (src/store/projects.ts writes the ones an operator names and reads the bearer
 * check's grants). `version` and `authzVersion` ride in the `rebac` column's JSON beside the reBac.
 */
export class ManagementKeyStore {
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteRow;
  private readonly byId;
  private readonly all;

  constructor(db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO management_keys (project_id, id, key_hash, key, name, description, status, created_time,
         expire_time, permitted_ips, rebac, project_ids)
       VALUES (:projectId, :id, :keyHash, :key, :name, :description, :status, :createdTime, :expireTime,
         :permittedIps, :reBac, :projectIds)
       ON CONFLICT (project_id, id) DO UPDATE SET name = excluded.name, description = excluded.description,
         status = excluded.status, created_time = excluded.created_time, expire_time = excluded.expire_time,
         permitted_ips = excluded.permitted_ips, rebac = excluded.rebac, project_ids = excluded.project_ids`,
    );
    this.updateRow = db.prepare(
      `UPDATE management_keys SET name = :name, description = :description, status = :status,
         permitted_ips = :permittedIps, rebac = :reBac
       WHERE project_id = :projectId AND id = :id`,
    );
    this.deleteRow = db.prepare('DELETE FROM management_keys WHERE project_id = :projectId AND id = :id');
    this.byId = db.prepare<Key & { id: string }, Row>(
      `SELECT ${COLUMNS} FROM management_keys WHERE project_id = :projectId AND id = :id`,
    );
    this.all = db.prepare<Key, Row>(
      `SELECT ${COLUMNS} FROM management_keys WHERE project_id = :projectId ORDER BY created_time, rowid`,
    );
  }

  /**
   * Writes a key, or (a snapshot's record of a key the fixture also names) replaces the record of the key
   * with that ID, keeping its hash and cleartext. `projectIds`: the projects it opens, undefined for all.
   */
  save(
    projectId: string,
    key: ManagementKeyRecord,
    keyHash: string,
    projectIds: string[] | undefined,
    cleartext?: string,
  ): void {
    this.insertRow.run({
      projectId,
      keyHash,
      key: cleartext ?? null,
      projectIds: projectIds === undefined ? null : JSON.stringify(projectIds),
      ...columnsOf(key),
    });
  }

  update(projectId: string, key: ManagementKeyRecord): void {
    const { id, name, description, status, permittedIps, reBac } = columnsOf(key);
    this.updateRow.run({ projectId, id, name, description, status, permittedIps, reBac });
  }

  delete(projectId: string, id: string): boolean {
    return this.deleteRow.run({ projectId, id }).changes > 0;
  }

  find(projectId: string, id: string): ManagementKeyRecord | undefined {
    const row = this.byId.get({ projectId, id });
    return row && recordOf(row);
  }

  list(projectId: string): ManagementKeyRecord[] {
    return this.all.all({ projectId }).map(recordOf);
  }

  /** Every key of the project with its hash and (for a key an operator named) its cleartext. */
  stored(projectId: string): StoredManagementKey[] {
    return this.all.all({ projectId }).map((row) => ({
      key: recordOf(row),
      keyHash: row.keyHash,
      cleartext: row.key ?? undefined,
    }));
  }
}

/** The reBac column holds the reBac and the two counters beside it, so a record is one row. */
interface ReBacColumn extends ManagementKeyReBac {
  version?: number;
  authzVersion?: number;
}

function columnsOf(key: ManagementKeyRecord) {
  const reBac: ReBacColumn = { ...key.reBac, version: key.version, authzVersion: key.authzVersion };
  return {
    id: key.id,
    name: key.name,
    description: key.description,
    status: key.status,
    createdTime: key.createdTime,
    expireTime: key.expireTime,
    permittedIps: JSON.stringify(key.permittedIps),
    reBac: JSON.stringify(reBac),
  };
}

function recordOf(row: Row): ManagementKeyRecord {
  const { version = 1, authzVersion = 1, ...reBac } = JSON.parse(row.reBac) as ReBacColumn;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status === 'inactive' ? 'inactive' : 'active',
    createdTime: row.createdTime,
    expireTime: row.expireTime,
    permittedIps: JSON.parse(row.permittedIps) as string[],
    reBac,
    version,
    authzVersion,
  };
}
