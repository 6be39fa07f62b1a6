import type { LoginRecord } from '../domain/credentials.js';
import type { Db } from './db.js';

/**
 * What sign-ins leave behind: the login history, when a user's sessions were last revoked (logout of all
 * sessions), so that a refresh token issued before that moment is refused, and the refresh tokens revoked
 * one by one (logout).
 */
export class SessionStore {
  private readonly upsertRevocation;
  private readonly revocationOf;
  private readonly insertLogin;
  private readonly historyOf;
  private readonly insertRevokedToken;
  private readonly revokedToken;
  private readonly purgeRevokedTokens;

  constructor(db: Db) {
    this.upsertRevocation = db.prepare(
      `INSERT INTO user_session_revocations (project_id, user_id, revoked_ms) VALUES (:projectId, :userId, :revokedMs)
       ON CONFLICT (project_id, user_id) DO UPDATE SET revoked_ms = MAX(:revokedMs, revoked_ms + 1)`,
    );
    this.revocationOf = db
      .prepare<{ projectId: string; userId: string }, number>(
        'SELECT revoked_ms FROM user_session_revocations WHERE project_id = :projectId AND user_id = :userId',
      )
      .pluck();
    this.insertLogin = db.prepare(
      `INSERT INTO user_login_history (project_id, user_id, login_time, city, country, ip, selected_tenant)
       VALUES (:projectId, :userId, :loginTime, :city, :country, :ip, :selectedTenant)`,
    );
    // Newest first, then in the order they were recorded.
    this.historyOf = db.prepare<{ projectId: string; userId: string }, LoginRecord>(
      `SELECT user_id AS userId, login_time AS loginTime, city, country, ip, selected_tenant AS selectedTenant
       FROM user_login_history WHERE project_id = :projectId AND user_id = :userId
       ORDER BY login_time DESC, id DESC`,
    );
    this.insertRevokedToken = db.prepare(
      `INSERT OR IGNORE INTO revoked_refresh_tokens (project_id, jti, expires_s)
       VALUES (:projectId, :jti, :expiresS)`,
    );
    this.revokedToken = db
      .prepare<{ projectId: string; jti: string }, number>(
        'SELECT 1 FROM revoked_refresh_tokens WHERE project_id = :projectId AND jti = :jti',
      )
      .pluck();
    this.purgeRevokedTokens = db.prepare<{ nowS: number }>(
      'DELETE FROM revoked_refresh_tokens WHERE expires_s < :nowS',
    );
  }

  /**
   * Revokes one refresh token (logout) until it expires. Rows of tokens past their expiry are dropped on
   * the way: an expired token is refused for its expiry already, so the table holds live revocations only.
   */
  revokeToken(projectId: string, jti: string, expiresS: number, nowS: number): void {
    this.purgeRevokedTokens.run({ nowS });
    this.insertRevokedToken.run({ projectId, jti, expiresS });
  }

  isTokenRevoked(projectId: string, jti: string): boolean {
    return this.revokedToken.get({ projectId, jti }) !== undefined;
  }

  /**
   * Revokes every session of the user issued up to `revokedMs` (epoch milliseconds), or up to just after the
   * last revocation when the clock has not moved past it (a pinned test clock): a session issued after that
   * one carries a later ID time (issueSession), and a second logout must revoke it too.
   */
  revoke(projectId: string, userId: string, revokedMs: number): void {
    this.upsertRevocation.run({ projectId, userId, revokedMs });
  }

  /** Epoch milliseconds of the last logout, or undefined when the user's sessions were never revoked. */
  revokedAt(projectId: string, userId: string): number | undefined {
    return this.revocationOf.get({ projectId, userId });
  }

  recordLogin(projectId: string, login: LoginRecord): void {
    this.insertLogin.run({ projectId, ...login });
  }

  /** The sign-ins of each named user, newest first per user, users in the order asked. */
  history(projectId: string, userIds: readonly string[]): LoginRecord[] {
    return [...new Set(userIds)].flatMap((userId) => this.historyOf.all({ projectId, userId }));
  }
}
