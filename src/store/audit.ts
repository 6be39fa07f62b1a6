import type { AuditRecord } from '../domain/audit.js';
import type { Db } from './db.js';

/**
 * How many events a project adds between two trims: at least 100, and a tenth of the limit, so a trim (a
 * walk over the `keep` newest) costs a write about ten rows on average, not a hundred. The bound is the
 * limit plus one batch (10% over at most, for a limit over 1,000).
 */
const trimEvery = (keep: number): number => Math.max(100, Math.ceil(keep / 10));

/** The audit trail of every project (src/domain/audit.ts), bounded per project like the outbox. */
export class AuditStore {
  private readonly insertRow;
  private readonly inRange;
  private readonly trimRows;
  private readonly countRows;
  private readonly saveWebhookRow;
  private readonly webhookRows;
  private readonly addedSinceTrim = new Map<string, number>();

  constructor(db: Db) {
    this.insertRow = db.prepare<{ projectId: string; occurred: number; doc: string }>(
      'INSERT INTO audit_events (project_id, occurred, doc) VALUES (:projectId, :occurred, :doc)',
    );
    this.inRange = db
      .prepare<{ projectId: string; from: number; to: number }, string>(
        `SELECT doc FROM audit_events WHERE project_id = :projectId AND occurred BETWEEN :from AND :to
         ORDER BY occurred DESC, seq DESC`,
      )
      .pluck();
    // Everything older (by insertion) than the project's keep-th newest event (none while it has fewer).
    this.trimRows = db.prepare<{ projectId: string; keep: number }>(
      `DELETE FROM audit_events WHERE project_id = :projectId AND seq < (
         SELECT seq FROM audit_events WHERE project_id = :projectId ORDER BY seq DESC LIMIT 1 OFFSET :keep - 1)`,
    );
    this.countRows = db
      .prepare<{ projectId: string }, number>(
        'SELECT COUNT(*) FROM audit_events WHERE project_id = :projectId',
      )
      .pluck();
    this.saveWebhookRow = db.prepare<{ projectId: string; name: string; doc: string }>(
      `INSERT INTO audit_webhooks (project_id, name, doc) VALUES (:projectId, :name, :doc)
       ON CONFLICT (project_id, name) DO UPDATE SET doc = excluded.doc`,
    );
    this.webhookRows = db
      .prepare<{ projectId: string }, string>(
        'SELECT doc FROM audit_webhooks WHERE project_id = :projectId ORDER BY name',
      )
      .pluck();
  }

  /**
   * Keeps an event. Every call writes one, so a project keeps only its `keep` newest, trimmed in batches
   * (`trimEvery`) so that a call does not pay for the trim each time; `keep` 0 keeps none.
   */
  add(record: AuditRecord, keep: number): void {
    const { projectId } = record;
    if (keep <= 0) return;
    this.insertRow.run({ projectId, occurred: record.occurred, doc: JSON.stringify(record) });
    const added = (this.addedSinceTrim.get(projectId) ?? 0) + 1;
    const trim = added >= trimEvery(keep);
    if (trim) this.trimRows.run({ projectId, keep });
    this.addedSinceTrim.set(projectId, trim ? 0 : added);
  }

  /** The project's events that occurred in [from, to] (epoch ms), newest first. */
  inPeriod(projectId: string, from: number, to: number): AuditRecord[] {
    return this.inRange.all({ projectId, from, to }).map((doc) => JSON.parse(doc) as AuditRecord);
  }

  count(projectId: string): number {
    return this.countRows.get({ projectId }) ?? 0;
  }

  /** Keeps an audit webhook by its name (a second set of the same name replaces it). */
  saveWebhook(projectId: string, name: string, webhook: Record<string, unknown>): void {
    this.saveWebhookRow.run({ projectId, name, doc: JSON.stringify(webhook) });
  }

  webhooks(projectId: string): Record<string, unknown>[] {
    return this.webhookRows.all({ projectId }).map((doc) => JSON.parse(doc) as Record<string, unknown>);
  }
}
