import { timingSafeEqual } from 'node:crypto';
import type { TokenCookies } from '../domain/sessionCookies.js';
import type { CatalogGeneration } from './catalog.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';

export interface ProjectSummary {
  projectId: string;
  name: string;
  createdTime: number;
}

/** A project's session and refresh token lifetimes in seconds; null for the default. */
export interface TokenTtls {
  sessionTokenTtl: number | null;
  refreshTokenTtl: number | null;
}

/** Projects, their management keys, token lifetimes and where tokens are answered. */
export class ProjectStore {
  private readonly insertProject;
  private readonly insertKey;
  private readonly keysOf;
  private readonly all;
  private readonly remove;
  private readonly removeKeys;
  private readonly lifetimesOf;
  private readonly updateLifetimes;
  private readonly cookiesOf;
  private readonly updateCookies;
  /**
   * Each project's management keys as committed, read on every management call. This class is the only
   * writer of keys and projects: each write empties the cache, and it is filled outside transactions only,
   * so a rolled-back write never leaves keys behind.
   */
  private readonly keyCache = new Map<string, Buffer[]>();

  constructor(
    private readonly db: Db,
    /** Bumped when a project comes or goes: a delete takes its roles, tenants and the rest with it. */
    private readonly generation: CatalogGeneration,
  ) {
    this.insertProject = db.prepare(
      'INSERT INTO projects (project_id, name, created_time) VALUES (:projectId, :name, :createdTime)',
    );
    this.insertKey = db.prepare(
      'INSERT OR IGNORE INTO management_keys (project_id, key) VALUES (:projectId, :key)',
    );
    this.keysOf = db
      .prepare<{ projectId: string }, string>('SELECT key FROM management_keys WHERE project_id = :projectId')
      .pluck();
    this.all = db.prepare<[], ProjectSummary>(
      'SELECT project_id AS projectId, name, created_time AS createdTime FROM projects ORDER BY created_time, project_id',
    );
    this.remove = db.prepare('DELETE FROM projects WHERE project_id = :projectId');
    this.removeKeys = db.prepare('DELETE FROM management_keys WHERE project_id = :projectId');
    this.lifetimesOf = db.prepare<{ projectId: string }, TokenTtls>(
      `SELECT session_token_ttl AS sessionTokenTtl, refresh_token_ttl AS refreshTokenTtl
       FROM projects WHERE project_id = :projectId`,
    );
    this.updateLifetimes = db.prepare(
      `UPDATE projects SET session_token_ttl = :sessionTokenTtl, refresh_token_ttl = :refreshTokenTtl
       WHERE project_id = :projectId`,
    );
    this.cookiesOf = db.prepare<{ projectId: string }, { refresh: number; session: number }>(
      `SELECT refresh_token_in_cookie AS refresh, session_token_in_cookie AS session
       FROM projects WHERE project_id = :projectId`,
    );
    this.updateCookies = db.prepare(
      `UPDATE projects SET refresh_token_in_cookie = :refresh, session_token_in_cookie = :session
       WHERE project_id = :projectId`,
    );
  }

  create(projectId: string, name: string, keys: readonly string[], nowMs: number): void {
    mapConstraint(
      () => `Project "${projectId}" already exists`,
      () => this.insertProject.run({ projectId, name, createdTime: Math.floor(nowMs / 1000) }),
    );
    for (const key of keys) this.insertKey.run({ projectId, key });
    this.keyCache.clear();
    this.generation.bump();
  }

  addKey(projectId: string, key: string): void {
    this.insertKey.run({ projectId, key });
    this.keyCache.clear();
  }

  /** The project's management keys become exactly `keys`: none of the ones it had before stays valid. */
  replaceKeys(projectId: string, keys: readonly string[]): void {
    this.removeKeys.run({ projectId });
    for (const key of keys) this.insertKey.run({ projectId, key });
    this.keyCache.clear();
  }

  exists(projectId: string): boolean {
    return this.keysOf.all({ projectId }).length > 0;
  }

  /** True when `key` is one of the project's management keys, compared in constant time. */
  acceptsKey(projectId: string, key: string): boolean {
    const given = Buffer.from(key);
    let accepted = false;
    for (const known of this.keysFor(projectId)) {
      // Every key is compared (no early exit), each in constant time.
      if (known.length === given.length && timingSafeEqual(known, given)) accepted = true;
    }
    return accepted;
  }

  private keysFor(projectId: string): Buffer[] {
    const cached = this.keyCache.get(projectId);
    if (cached) return cached;
    const keys = this.keysOf.all({ projectId }).map((key) => Buffer.from(key));
    // Unknown projects are not remembered, so requests naming random project IDs cannot grow the cache.
    if (keys.length > 0 && !this.db.inTransaction) this.keyCache.set(projectId, keys);
    return keys;
  }

  /** The project's token lifetimes in seconds, as its fixture set them; null where Descope's default applies. */
  tokenLifetimes(projectId: string): TokenTtls | undefined {
    return this.lifetimesOf.get({ projectId });
  }

  setTokenLifetimes(projectId: string, lifetimes: TokenTtls): void {
    this.updateLifetimes.run({ projectId, ...lifetimes });
  }

  /** Whether the project answers its tokens in cookies; undefined for a project that does not exist. */
  tokenCookies(projectId: string): TokenCookies | undefined {
    const row = this.cookiesOf.get({ projectId });
    return row && { refreshTokenInCookie: row.refresh === 1, sessionTokenInCookie: row.session === 1 };
  }

  setTokenCookies(projectId: string, cookies: TokenCookies): void {
    this.updateCookies.run({
      projectId,
      refresh: cookies.refreshTokenInCookie ? 1 : 0,
      session: cookies.sessionTokenInCookie ? 1 : 0,
    });
  }

  list(): ProjectSummary[] {
    return this.all.all();
  }

  /** Removes a project and, by cascade, everything it holds. */
  delete(projectId: string): boolean {
    this.keyCache.clear();
    this.generation.bump();
    return this.remove.run({ projectId }).changes > 0;
  }
}
