import type {
  AuthorizationKind,
  AuthorizationRequest,
  PendingAuthorization,
} from '../domain/authorization.js';
import { invalid } from '../errors.js';
import type { Db } from './db.js';

interface AuthorizationRow {
  id: string;
  project_id: string;
  kind: AuthorizationKind;
  doc: string;
  login_id: string | null;
  code: string | null;
  expires_ms: number;
  consumed: number;
}

/** The sign-ins waiting at the IdP page or for their code's exchange (src/domain/authorization.ts). */
/** Authorizations a project keeps waiting at once (docs/security.md, limits). */
export const MAX_PENDING_AUTHORIZATIONS = 1000;
/** The bytes of one authorization's request (redirect URL, state, login options and their custom claims). */
export const MAX_AUTHORIZATION_BYTES = 16 * 1024;

export class AuthorizationStore {
  private readonly insertRow;
  private readonly byId;
  private readonly byCode;
  private readonly pickRow;
  private readonly consumeRow;
  private readonly purgeRows;
  private readonly trimProject;

  constructor(db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO pending_authorizations (id, project_id, kind, doc, expires_ms)
       VALUES (:id, :projectId, :kind, :doc, :expiresMs)`,
    );
    this.byId = db.prepare<{ id: string }, AuthorizationRow>(
      'SELECT * FROM pending_authorizations WHERE id = :id',
    );
    this.byCode = db.prepare<{ projectId: string; code: string }, AuthorizationRow>(
      'SELECT * FROM pending_authorizations WHERE code = :code AND project_id = :projectId',
    );
    this.pickRow = db.prepare(
      `UPDATE pending_authorizations SET login_id = :loginId, code = :code, expires_ms = :expiresMs
       WHERE id = :id AND code IS NULL`,
    );
    this.consumeRow = db.prepare(
      'UPDATE pending_authorizations SET consumed = 1 WHERE id = :id AND consumed = 0',
    );
    this.purgeRows = db.prepare('DELETE FROM pending_authorizations WHERE expires_ms <= :beforeMs');
    this.trimProject = db.prepare<{ projectId: string; keep: number }>(
      `DELETE FROM pending_authorizations WHERE rowid IN (
         SELECT rowid FROM pending_authorizations WHERE project_id = :projectId
         ORDER BY expires_ms DESC LIMIT -1 OFFSET :keep)`,
    );
  }

  /**
   * A new authorization. The table stays bounded however fast authorizations start: expired ones older than
   * `purgeBeforeMs` go, a project keeps its MAX_PENDING_AUTHORIZATIONS newest (an older one's page or code
   * then answers as expired), and a request too large to keep is refused.
   */
  add(
    projectId: string,
    id: string,
    request: AuthorizationRequest,
    expiresMs: number,
    purgeBeforeMs: number,
  ): PendingAuthorization {
    this.purgeRows.run({ beforeMs: purgeBeforeMs });
    const { kind, ...doc } = request;
    const text = JSON.stringify(doc);
    if (Buffer.byteLength(text) > MAX_AUTHORIZATION_BYTES) {
      throw invalid(`The authorization request is larger than ${MAX_AUTHORIZATION_BYTES} bytes`);
    }
    this.insertRow.run({ id, projectId, kind, doc: text, expiresMs });
    this.trimProject.run({ projectId, keep: MAX_PENDING_AUTHORIZATIONS });
    return { ...request, id, projectId, loginId: '', code: '', expiresMs, consumed: false };
  }

  find(id: string): PendingAuthorization | undefined {
    const row = this.byId.get({ id });
    return row && fromRow(row);
  }

  findByCode(projectId: string, code: string): PendingAuthorization | undefined {
    const row = this.byCode.get({ projectId, code });
    return row && fromRow(row);
  }

  /** The user picked and the code issued; false when a user was already picked (a second submit). */
  pick(id: string, loginId: string, code: string, expiresMs: number): boolean {
    return this.pickRow.run({ id, loginId, code, expiresMs }).changes === 1;
  }

  /** The code used up; false when it already was. */
  consume(id: string): boolean {
    return this.consumeRow.run({ id }).changes === 1;
  }
}

function fromRow(row: AuthorizationRow): PendingAuthorization {
  const doc = JSON.parse(row.doc) as Omit<AuthorizationRequest, 'kind'>;
  return {
    ...doc,
    kind: row.kind,
    id: row.id,
    projectId: row.project_id,
    loginId: row.login_id ?? '',
    code: row.code ?? '',
    expiresMs: row.expires_ms,
    consumed: row.consumed === 1,
  };
}
