import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type Db, installFunctions, openDb } from '../../../src/store/db.js';
import { MIGRATIONS } from '../../../src/store/migrations.js';

/**
 * A new database takes the whole schema in one transaction (every start of the in-memory default); a file
 * written by an older version takes each pending migration in turn. Both must end with the same schema.
 */

const dir = mkdtempSync(join(tmpdir(), 'descope-mock-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schemaOf = (db: Db) =>
  db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();

/** The schema as the migrations give it one at a time, each in its own transaction. */
function stepByStep(count: number, path = ':memory:'): Db {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  installFunctions(db);
  MIGRATIONS.slice(0, count).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${index + 1}`);
    })();
  });
  return db;
}

describe('migrations', () => {
  it('give a new database the schema of every migration run in turn, at the latest version', () => {
    const fresh = openDb(':memory:');
    const reference = stepByStep(MIGRATIONS.length);
    expect(schemaOf(fresh)).toEqual(schemaOf(reference));
    expect(fresh.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    fresh.close();
    reference.close();
  });

  it('bring a file written by an older version up to date, keeping its rows', () => {
    const path = join(dir, 'old.db');
    const old = stepByStep(1, path);
    old.prepare("INSERT INTO projects (project_id, created_time) VALUES ('P2Old', 1)").run();
    old.prepare("INSERT INTO management_keys (project_id, key) VALUES ('P2Old', 'K2OldKey')").run();
    old.close();
    const reopened = openDb(path);
    const reference = stepByStep(MIGRATIONS.length);
    expect(reopened.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(schemaOf(reopened)).toEqual(schemaOf(reference));
    expect(reopened.prepare('SELECT project_id FROM projects').all()).toEqual([{ project_id: 'P2Old' }]);
    // A bare key of an older file becomes a record under the ID derived from it, and opens its project only.
    const hash = createHash('sha256').update('K2OldKey').digest('hex');
    expect(
      reopened
        .prepare(
          'SELECT id, key_hash AS keyHash, key, status, created_time AS createdTime, project_ids AS projectIds FROM management_keys',
        )
        .all(),
    ).toEqual([
      {
        id: `K2${hash.slice(0, 26)}`,
        keyHash: hash,
        key: 'K2OldKey',
        status: 'active',
        createdTime: 1,
        projectIds: '["P2Old"]',
      },
    ]);
    reopened.close();
    reference.close();
  });
});
