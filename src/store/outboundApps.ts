import type { OutboundAppRecord } from '../domain/outboundApplication.js';
import type { OutboundTokenRecord } from '../domain/outboundToken.js';
import type { Db } from './db.js';

type Key = { projectId: string };
const parseApp = (doc: string) => JSON.parse(doc) as OutboundAppRecord;
const parseToken = (doc: string) => JSON.parse(doc) as OutboundTokenRecord;

/**
 * Outbound applications (the record as JSON, the client secret as its hash) and their tokens (as given: a
 * fetch answers them). A token goes with its app, its user and its tenant (foreign keys and a trigger).
 */
export class OutboundAppStore {
  private readonly insertAppRow;
  private readonly updateApp;
  private readonly deleteAppRow;
  private readonly appById;
  private readonly allApps;
  private readonly appSecret;
  private readonly appsWithSecrets;
  private readonly upsertToken;
  private readonly tokenById;
  private readonly deleteTokenRow;
  private readonly ownerTokens;
  private readonly userTokens;
  private readonly allTokens;
  private readonly deleteTokensWhere;

  constructor(db: Db) {
    this.insertAppRow = db.prepare(
      `INSERT INTO outbound_apps (project_id, app_id, created_time, secret_hash, doc)
       VALUES (:projectId, :appId, :createdTime, :secretHash, :doc)`,
    );
    // A NULL secret hash keeps the stored one (an update that gives no secret).
    this.updateApp = db.prepare(
      `UPDATE outbound_apps SET doc = :doc, secret_hash = coalesce(:secretHash, secret_hash)
       WHERE project_id = :projectId AND app_id = :appId`,
    );
    this.deleteAppRow = db.prepare(
      'DELETE FROM outbound_apps WHERE project_id = :projectId AND app_id = :appId',
    );
    this.appById = db
      .prepare<Key & { appId: string }, string>(
        'SELECT doc FROM outbound_apps WHERE project_id = :projectId AND app_id = :appId',
      )
      .pluck();
    this.allApps = db
      .prepare<Key, string>(
        'SELECT doc FROM outbound_apps WHERE project_id = :projectId ORDER BY created_time, rowid',
      )
      .pluck();
    this.appSecret = db
      .prepare<Key & { appId: string }, string>(
        'SELECT secret_hash FROM outbound_apps WHERE project_id = :projectId AND app_id = :appId',
      )
      .pluck();
    this.appsWithSecrets = db.prepare<Key, { doc: string; secretHash: string }>(
      `SELECT doc, secret_hash AS secretHash FROM outbound_apps WHERE project_id = :projectId
       ORDER BY created_time, rowid`,
    );
    // One token per app and owner: an upload replaces the owner's token (a new row, so it is the newest).
    this.upsertToken = db.prepare(
      `INSERT INTO outbound_tokens (project_id, token_id, app_id, user_id, tenant_id, created_time, doc)
       VALUES (:projectId, :tokenId, :appId, :userId, :tenantId, :createdTime, :doc)
       ON CONFLICT (project_id, app_id, coalesce(user_id, ''), tenant_id) DO UPDATE SET
         token_id = excluded.token_id, created_time = excluded.created_time, doc = excluded.doc`,
    );
    this.tokenById = db
      .prepare<Key & { tokenId: string }, string>(
        'SELECT doc FROM outbound_tokens WHERE project_id = :projectId AND token_id = :tokenId',
      )
      .pluck();
    this.deleteTokenRow = db.prepare(
      'DELETE FROM outbound_tokens WHERE project_id = :projectId AND token_id = :tokenId',
    );
    this.ownerTokens = db
      .prepare<Key & { appId: string; userId: string; tenantId: string }, string>(
        `SELECT doc FROM outbound_tokens WHERE project_id = :projectId AND app_id = :appId
           AND coalesce(user_id, '') = :userId AND tenant_id = :tenantId
         ORDER BY created_time, rowid`,
      )
      .pluck();
    this.userTokens = db
      .prepare<Key & { userId: string }, string>(
        `SELECT doc FROM outbound_tokens WHERE project_id = :projectId AND user_id = :userId
         ORDER BY created_time, rowid`,
      )
      .pluck();
    this.allTokens = db
      .prepare<Key, string>(
        'SELECT doc FROM outbound_tokens WHERE project_id = :projectId ORDER BY created_time, rowid',
      )
      .pluck();
    // A NULL filter matches every row; user tokens only (a tenant's token has no user).
    this.deleteTokensWhere = db.prepare<Key & { appId: string | null; userId: string | null }>(
      `DELETE FROM outbound_tokens WHERE project_id = :projectId AND user_id IS NOT NULL
         AND (:appId IS NULL OR app_id = :appId) AND (:userId IS NULL OR user_id = :userId)`,
    );
  }

  insertApp(projectId: string, app: OutboundAppRecord, secretHash: string): void {
    this.insertAppRow.run({
      projectId,
      appId: app.id,
      createdTime: app.createdTime,
      secretHash,
      doc: JSON.stringify(app),
    });
  }

  /** Replaces the app; `secretHash` undefined keeps its secret. */
  replaceApp(projectId: string, app: OutboundAppRecord, secretHash?: string): void {
    this.updateApp.run({
      projectId,
      appId: app.id,
      doc: JSON.stringify(app),
      secretHash: secretHash ?? null,
    });
  }

  /** Deletes the app and, by the foreign key, its tokens. */
  deleteApp(projectId: string, appId: string): boolean {
    return this.deleteAppRow.run({ projectId, appId }).changes > 0;
  }

  findApp(projectId: string, appId: string): OutboundAppRecord | undefined {
    const doc = this.appById.get({ projectId, appId });
    return doc === undefined ? undefined : parseApp(doc);
  }

  /** The hash of the app's client secret ('' for none), for a test or an export. */
  secretHash(projectId: string, appId: string): string | undefined {
    return this.appSecret.get({ projectId, appId });
  }

  /** Every app of the project, oldest first. */
  listApps(projectId: string): OutboundAppRecord[] {
    return this.allApps.all({ projectId }).map(parseApp);
  }

  /** Every app with its secret's hash, oldest first (a snapshot). */
  listAppsWithSecrets(projectId: string): { app: OutboundAppRecord; secretHash: string }[] {
    return this.appsWithSecrets
      .all({ projectId })
      .map((row) => ({ app: parseApp(row.doc), secretHash: row.secretHash }));
  }

  /** Stores the token, replacing the one of the same app and owner. */
  saveToken(projectId: string, token: OutboundTokenRecord): void {
    this.upsertToken.run({
      projectId,
      tokenId: token.id,
      appId: token.appId,
      // NULL, not '', for a tenant's token: the foreign key to users ignores NULL.
      userId: token.userId === '' ? null : token.userId,
      tenantId: token.tenantId,
      createdTime: token.createdTime,
      doc: JSON.stringify(token),
    });
  }

  findToken(projectId: string, tokenId: string): OutboundTokenRecord | undefined {
    const doc = this.tokenById.get({ projectId, tokenId });
    return doc === undefined ? undefined : parseToken(doc);
  }

  deleteToken(projectId: string, tokenId: string): boolean {
    return this.deleteTokenRow.run({ projectId, tokenId }).changes > 0;
  }

  /** The tokens of one owner (a user, or a tenant with `userId` '') for the app, oldest first. */
  tokensOf(projectId: string, appId: string, userId: string, tenantId: string): OutboundTokenRecord[] {
    return this.ownerTokens.all({ projectId, appId, userId, tenantId }).map(parseToken);
  }

  /** Every token of the user, in any tenant, oldest first. */
  tokensOfUser(projectId: string, userId: string): OutboundTokenRecord[] {
    return this.userTokens.all({ projectId, userId }).map(parseToken);
  }

  /** Every token of the project, oldest first (a snapshot). */
  listTokens(projectId: string): OutboundTokenRecord[] {
    return this.allTokens.all({ projectId }).map(parseToken);
  }

  /** Deletes user tokens by app, by user or by both (undefined: any); answers how many went. */
  deleteUserTokens(projectId: string, filter: { appId?: string; userId?: string }): number {
    return this.deleteTokensWhere.run({
      projectId,
      appId: filter.appId ?? null,
      userId: filter.userId ?? null,
    }).changes;
  }
}
