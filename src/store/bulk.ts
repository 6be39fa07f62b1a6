import type { Db } from './db.js';

/** The tables written for every user, whose secondary indexes a large seed rebuilds instead of updating. */
const USER_TABLES = ['users', 'user_login_ids', 'user_roles', 'user_tenants', 'user_search', 'user_facets'];

/** Below this many users, updating the indexes row by row is as quick as rebuilding them. */
export const BULK_MIN_USERS = 2000;

/**
 * Runs `fn` (which inserts about `count` users) with the non-unique secondary indexes of the user tables
 * dropped, then builds them again from their own definitions. SQLite builds an index from sorted keys much
 * faster than it inserts 100,000 random keys one by one. Only when the new users outnumber those already
 * stored, since the rebuild covers every project. Must run inside a transaction: the schema change commits
 * or rolls back with the rows. Primary keys and unique constraints stay, so uniqueness is enforced throughout.
 */
export function withIndexesRebuilt<T>(db: Db, count: number, fn: () => T): T {
  if (!db.inTransaction) throw new Error('withIndexesRebuilt must run inside a transaction');
  const stored = (db.prepare('SELECT max(rowid) FROM users').pluck().get() as number | null) ?? 0;
  if (count < BULK_MIN_USERS || count < stored) return fn();
  const indexes = db
    .prepare<string[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (${USER_TABLES.map(() => '?').join(', ')})`,
    )
    .all(...USER_TABLES);
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  const result = fn();
  // SQLite sorts an index's keys in memory up to the page cache's size and spills runs to temporary files
  // past it; a 100,000-user seed's facets are ~30 MB of keys, far over the default 2 MB.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${REBUILD_CACHE_KIB}`);
  try {
    for (const { sql } of indexes) db.exec(sql);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return result;
}

/** The page cache while indexes are built, in KiB (SQLite takes a negative size as KiB): 256 MiB. */
const REBUILD_CACHE_KIB = -256 * 1024;

/**
 * Runs `fn`, which opens its own transaction, with foreign key checks off: for a seed that writes only rows
 * whose parents it wrote first, having checked every reference itself (to name the path in the fixture),
 * each check is one more B-tree search per row, ~20 a user. Outside a transaction only, since SQLite
 * ignores the pragma inside one; inside one, `fn` runs with the checks on.
 */
export function withoutForeignKeys<T>(db: Db, fn: () => T): T {
  if (db.inTransaction) return fn();
  db.pragma('foreign_keys = OFF');
  try {
    return fn();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
