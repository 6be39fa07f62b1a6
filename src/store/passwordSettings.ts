import type { PasswordSettings } from '../domain/passwordSettings.js';
import type { Db } from './db.js';

/**
 * The password policies a project configured: its own (tenant_id '') and each tenant's. A policy never
 * configured has no row (its reader answers the default, or the project's for a tenant). Rows go with their
 * project (ON DELETE CASCADE) and their tenant (a trigger).
 */
export class PasswordSettingsStore {
  private readonly settingsOf;
  private readonly upsertSettings;
  private readonly allOf;

  constructor(db: Db) {
    this.settingsOf = db
      .prepare<{ projectId: string; tenantId: string }, string>(
        'SELECT doc FROM password_settings WHERE project_id = :projectId AND tenant_id = :tenantId',
      )
      .pluck();
    this.upsertSettings = db.prepare(
      `INSERT INTO password_settings (project_id, tenant_id, doc) VALUES (:projectId, :tenantId, :doc)
       ON CONFLICT (project_id, tenant_id) DO UPDATE SET doc = :doc`,
    );
    this.allOf = db.prepare<{ projectId: string }, { tenantId: string; doc: string }>(
      'SELECT tenant_id AS tenantId, doc FROM password_settings WHERE project_id = :projectId ORDER BY tenant_id',
    );
  }

  /** The policy configured for the project (`tenantId` '') or a tenant; undefined when never configured. */
  find(projectId: string, tenantId: string): PasswordSettings | undefined {
    const doc = this.settingsOf.get({ projectId, tenantId });
    return doc === undefined ? undefined : (JSON.parse(doc) as PasswordSettings);
  }

  save(projectId: string, tenantId: string, settings: PasswordSettings): void {
    this.upsertSettings.run({ projectId, tenantId, doc: JSON.stringify(settings) });
  }

  /** Every configured policy of the project, by tenant ID ('' for the project's own). */
  all(projectId: string): Map<string, PasswordSettings> {
    return new Map(
      this.allOf
        .all({ projectId })
        .map(({ tenantId, doc }) => [tenantId, JSON.parse(doc) as PasswordSettings]),
    );
  }
}
