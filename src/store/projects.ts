import { createHash } from 'node:crypto';
import type { ManagementKeyGrant } from '../domain/managementKey.js';
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

interface GrantRow {
  keyId: string;
  projectId: string;
  status: string;
  expireTime: number;
  permittedIps: string;
  projectIds: string | null;
}

/** SHA-256 of a management key, hex: what the store keeps and looks keys up by. */
export const keyHashOf = (key: string): string => createHash('sha256').update(key).digest('hex');

/** Projects, their management keys, token lifetimes and where tokens are answered. */
export class ProjectStore {
  private readonly insertProject;
  private readonly insertKey;
  private readonly projectRow;
  private readonly grantRows;
  private readonly all;
  private readonly remove;
  private readonly removeKeys;
  private readonly lifetimesOf;
  private readonly updateLifetimes;
  private readonly cookiesOf;
  private readonly updateCookies;
  constructor(
    db: Db,
    /** Bumped when a project comes or goes: a delete takes its roles, tenants and the rest with it. */
    private readonly generation: CatalogGeneration,
  ) {
    this.insertProject = db.prepare(
      'INSERT INTO projects (project_id, name, created_time) VALUES (:projectId, :name, :createdTime)',
    );
    // A key a fixture, the flag or the control plane names opens its own project only (its reBac says so).
    this.insertKey = db.prepare(
      `INSERT OR IGNORE INTO management_keys (project_id, id, key_hash, key, created_time, rebac, project_ids)
       SELECT :projectId, :id, :keyHash, :key, created_time,
         json_object('companyRoles', json('[]'),
           'projectRoles', json_array(json_object('projectIds', json_array(:projectId), 'roles', json('[]'))),
           'tagRoles', json('[]')),
         json_array(:projectId)
       FROM projects WHERE project_id = :projectId`,
    );
    this.projectRow = db
      .prepare<{ projectId: string }, number>('SELECT 1 FROM projects WHERE project_id = :projectId')
      .pluck();
    this.grantRows = db.prepare<{ keyHash: string }, GrantRow>(
      `SELECT id AS keyId, project_id AS projectId, status, expire_time AS expireTime, permitted_ips AS permittedIps,
         project_ids AS projectIds
       FROM management_keys WHERE key_hash = :keyHash`,
    );
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
    for (const key of keys) this.insertNamedKey(projectId, key);
    this.generation.bump();
  }

  addKey(projectId: string, key: string): void {
    this.insertNamedKey(projectId, key);
  }

  /** The ID is src/domain/managementKey.ts's `managementKeyIdOf` of the hash (the store may not call it). */
  private insertNamedKey(projectId: string, key: string): void {
    const keyHash = keyHashOf(key);
    this.insertKey.run({ projectId, id: `K2${keyHash.slice(0, 26)}`, keyHash, key });
  }

  /**
   * The project's management keys become exactly `keys`: none of the ones it had before stays valid, those
   * made by managementKey.create included.
   */
  replaceKeys(projectId: string, keys: readonly string[]): void {
    this.removeKeys.run({ projectId });
    for (const key of keys) this.insertNamedKey(projectId, key);
  }

  exists(projectId: string): boolean {
    return this.projectRow.get({ projectId }) !== undefined;
  }

  /**
   * Every stored key whose cleartext is `key`, as the bearer check reads it (src/http/auth.ts decides): one
   * look-up of the key's SHA-256 on an index, so the cleartext itself is never compared and no key is
   * cached (a delete or deactivation takes effect on the next call).
   */
  keyGrants(key: string): ManagementKeyGrant[] {
    return this.grantRows.all({ keyHash: keyHashOf(key) }).map((row) => ({
      keyId: row.keyId,
      projectId: row.projectId,
      status: row.status,
      expireTime: row.expireTime,
      permittedIps: row.permittedIps === '[]' ? [] : (JSON.parse(row.permittedIps) as string[]),
      projectIds: row.projectIds === null ? undefined : (JSON.parse(row.projectIds) as string[]),
    }));
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
    this.generation.bump();
    return this.remove.run({ projectId }).changes > 0;
  }
}
