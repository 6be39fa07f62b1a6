import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

/**
 * How long opening a file database waits for another connection to let go of it: enough for a restart whose
 * previous process is still closing, short enough that a second server is refused at once.
 */
const OPEN_WAIT_MS = 1_000;

/** A file database another mock holds: the CLI exits 2 with this message. */
export class DatabaseInUseError extends Error {
  static readonly REASON =
    'the database is in use by another descope-mock process (one mock per database file)';
  constructor(path: string) {
    super(`${path}: ${DatabaseInUseError.REASON}`);
    this.name = 'DatabaseInUseError';
  }
}

/**
 * Opens the database, sets the pragmas and brings the schema up to date. A file database runs in WAL mode
 * so that a killed process loses no committed write.
 *
 * It is also held exclusively for as long as it is open. The mock caches what it reads (keys, catalogs), so
 * two servers on one file would each answer from a stale cache: a project deleted through one would still
 * authenticate on the other. Exclusive locking mode, set before the first read, makes SQLite take the
 * file's lock on that read and keep it until close; the OS drops it if the process dies, so nothing stale
 * is left behind. (In this mode WAL keeps its index in memory, with no -shm file.)
 */
export function openDb(path: string): Db {
  const db = new Database(path, { timeout: OPEN_WAIT_MS });
  if (path !== ':memory:') {
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.pragma('journal_mode = WAL');
    } catch (error) {
      db.close();
      if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') {
        throw new DatabaseInUseError(path);
      }
      throw error;
    }
    // NORMAL is durable across a process crash in WAL mode (only an OS crash can lose the last commits).
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  installFunctions(db);
  migrate(db);
  return db;
}

/** SQL functions the migrations call: `mock_sha256` hashes the management keys a database already holds. */
export function installFunctions(db: Db): void {
  db.function('mock_sha256', { deterministic: true }, (text) =>
    createHash('sha256').update(String(text)).digest('hex'),
  );
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
