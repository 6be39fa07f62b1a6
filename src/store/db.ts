import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens the database, sets the pragmas and brings the schema up to date. A file database runs in WAL mode
 * so that readers never wait for the writer and a killed process loses no committed write.
 */
export function openDb(path: string): Db {
  const db = new Database(path);
  if (path !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across a process crash in WAL mode (only an OS crash can lose the last commits).
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
  }
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/**
 * Applies every migration above `PRAGMA user_version`. A new database (the in-memory default of every
 * start) gets the whole schema in one transaction; an existing file takes each pending migration in its own.
 */
function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current === 0) {
    db.transaction(() => {
      db.exec(MIGRATIONS.join('\n;\n'));
      db.pragma(`user_version = ${MIGRATIONS.length}`);
    })();
    return;
  }
  MIGRATIONS.forEach((sql, index) => {
    const version = index + 1;
    if (version <= current) return;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  });
}
