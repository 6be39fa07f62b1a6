import { invalid } from '../errors.js';
import type { Db } from './db.js';

export type OutboxKind = 'invitation' | 'otp' | 'magiclink' | 'enchantedlink' | 'embeddedlink';

/** One message Descope would have sent (or one token it would have issued). */
export interface OutboxMessage {
  id: number;
  /** Epoch milliseconds. */
  createdMs: number;
  kind: OutboxKind;
  loginId: string;
  userId: string;
  /** email, sms, voice, whatsapp, im, embedded… ('' where none applies). */
  deliveryMethod: string;
  /** The OTP code or link token, for verification. */
  token: string;
  /** Epoch milliseconds; 0 = never. */
  expiresMs: number;
  consumed: boolean;
  /** What was sent besides the token: `{ link, code, inviteUrl, pendingRef, customClaims, … }`. */
  payload: Record<string, unknown>;
}

export type NewOutboxMessage = Omit<OutboxMessage, 'id' | 'consumed'>;

interface OutboxRow {
  id: number;
  created_ms: number;
  kind: OutboxKind;
  login_id: string;
  user_id: string;
  delivery_method: string;
  token: string;
  expires_ms: number;
  consumed: number;
  payload: string;
}

/** Messages a project keeps (docs/security.md, limits): the oldest go first. */
export const MAX_OUTBOX_MESSAGES = 10_000;
/** The bytes of one message's payload (its link, code, custom claims…). */
export const MAX_OUTBOX_PAYLOAD_BYTES = 16 * 1024;
/** How many messages a project adds between two trims: the bound is MAX_OUTBOX_MESSAGES + TRIM_EVERY. */
const TRIM_EVERY = 100;

/** The outbox of every project: what was "sent", oldest first. */
export class OutboxStore {
  private readonly insertRow;
  private readonly byProject;
  private readonly newestOfProject;
  private readonly countOfProject;
  private readonly byToken;
  private readonly pendingRows;
  private readonly byPendingRef;
  private readonly consumeRow;
  private readonly payloadRow;
  private readonly trimRows;
  private readonly addedSinceTrim = new Map<string, number>();

  constructor(db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO outbox (project_id, created_ms, kind, login_id, user_id, delivery_method, token, expires_ms, payload)
       VALUES (:projectId, :createdMs, :kind, :loginId, :userId, :deliveryMethod, :token, :expiresMs, :payload)`,
    );
    this.byProject = db.prepare<{ projectId: string }, OutboxRow>(
      'SELECT * FROM outbox WHERE project_id = :projectId ORDER BY id',
    );
    this.newestOfProject = db.prepare<{ projectId: string; limit: number }, OutboxRow>(
      `SELECT * FROM (SELECT * FROM outbox WHERE project_id = :projectId ORDER BY id DESC LIMIT :limit)
       ORDER BY id`,
    );
    this.countOfProject = db
      .prepare<{ projectId: string }, number>('SELECT COUNT(*) FROM outbox WHERE project_id = :projectId')
      .pluck();
    this.byToken = db.prepare<{ projectId: string; token: string }, OutboxRow>(
      'SELECT * FROM outbox WHERE project_id = :projectId AND token = :token ORDER BY id DESC LIMIT 1',
    );
    // A user's messages, and those sent to a login ID before its user existed (a sign-up's, user_id '').
    this.pendingRows = db.prepare<
      { projectId: string; kind: string; userId: string; loginId: string },
      OutboxRow
    >(
      `SELECT * FROM outbox WHERE project_id = :projectId AND kind = :kind AND consumed = 0
         AND ((:userId <> '' AND user_id = :userId) OR (user_id = '' AND login_id = :loginId COLLATE NOCASE))
       ORDER BY id`,
    );
    this.byPendingRef = db.prepare<{ projectId: string; pendingRef: string }, OutboxRow>(
      `SELECT * FROM outbox WHERE project_id = :projectId AND kind = 'enchantedlink'
         AND json_extract(payload, '$.pendingRef') = :pendingRef ORDER BY id DESC LIMIT 1`,
    );
    this.consumeRow = db.prepare<{ projectId: string; id: number }>(
      'UPDATE outbox SET consumed = 1 WHERE project_id = :projectId AND id = :id',
    );
    this.payloadRow = db.prepare<{ projectId: string; id: number; payload: string }>(
      'UPDATE outbox SET payload = :payload WHERE project_id = :projectId AND id = :id',
    );
    // Everything older than the project's keep-th newest message (none while it has fewer).
    this.trimRows = db.prepare<{ projectId: string; keep: number }>(
      `DELETE FROM outbox WHERE project_id = :projectId AND id < (
         SELECT id FROM outbox WHERE project_id = :projectId ORDER BY id DESC LIMIT 1 OFFSET :keep - 1)`,
    );
  }

  /**
   * Keeps a message. Public sign-in starts write here for any caller who knows a project ID, so the outbox is
   * bounded: a message's payload (its link holds the caller's redirect URL) to MAX_OUTBOX_PAYLOAD_BYTES
   * (400 beyond), and a project to its MAX_OUTBOX_MESSAGES newest, trimmed every TRIM_EVERY messages so that
   * a start does not pay for the trim each time.
   */
  add(projectId: string, message: NewOutboxMessage): OutboxMessage {
    const payload = JSON.stringify(message.payload);
    if (Buffer.byteLength(payload) > MAX_OUTBOX_PAYLOAD_BYTES) {
      throw invalid(
        `The message is larger than ${MAX_OUTBOX_PAYLOAD_BYTES} bytes (a redirect URL too long?)`,
      );
    }
    const { lastInsertRowid } = this.insertRow.run({ projectId, ...message, payload });
    const added = (this.addedSinceTrim.get(projectId) ?? 0) + 1;
    if (added >= TRIM_EVERY) this.trimRows.run({ projectId, keep: MAX_OUTBOX_MESSAGES });
    this.addedSinceTrim.set(projectId, added >= TRIM_EVERY ? 0 : added);
    return { ...message, id: Number(lastInsertRowid), consumed: false };
  }

  /** The project's messages oldest first: all of them, or the newest `limit`. */
  list(projectId: string, limit?: number): OutboxMessage[] {
    const rows =
      limit === undefined
        ? this.byProject.all({ projectId })
        : this.newestOfProject.all({ projectId, limit });
    return rows.map(fromRow);
  }

  count(projectId: string): number {
    return this.countOfProject.get({ projectId }) ?? 0;
  }

  /** The newest message carrying this code or token, consumed or not. */
  findByToken(projectId: string, token: string): OutboxMessage | undefined {
    const row = this.byToken.get({ projectId, token });
    return row && fromRow(row);
  }

  /** The unconsumed messages of one kind for a user (by ID) or, sent before the user existed, a login ID. */
  pending(projectId: string, kind: OutboxKind, userId: string, loginId: string): OutboxMessage[] {
    return this.pendingRows.all({ projectId, kind, userId, loginId }).map(fromRow);
  }

  /** The newest enchanted link waited for with this pending reference. */
  findByPendingRef(projectId: string, pendingRef: string): OutboxMessage | undefined {
    const row = this.byPendingRef.get({ projectId, pendingRef });
    return row && fromRow(row);
  }

  /** Marks a code or link token used: it never verifies again. */
  consume(projectId: string, id: number): void {
    this.consumeRow.run({ projectId, id });
  }

  /** Replaces what a message carries besides its token (an OTP's attempts, an enchanted link's state). */
  setPayload(projectId: string, id: number, payload: Record<string, unknown>): void {
    this.payloadRow.run({ projectId, id, payload: JSON.stringify(payload) });
  }
}

function fromRow(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    createdMs: row.created_ms,
    kind: row.kind,
    loginId: row.login_id,
    userId: row.user_id,
    deliveryMethod: row.delivery_method,
    token: row.token,
    expiresMs: row.expires_ms,
    consumed: row.consumed === 1,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  };
}
