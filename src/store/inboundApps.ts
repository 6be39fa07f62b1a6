import type { ConsentRecord, InboundAppRecord } from '../domain/inboundApplication.js';
import type { Db } from './db.js';

type Key = { projectId: string };
const parseApp = (doc: string) => JSON.parse(doc) as InboundAppRecord;
const parseConsent = (doc: string) => JSON.parse(doc) as ConsentRecord;

/**
 * Inbound (third-party) applications, with their secret in clear (thirdparty/app/secret answers it), and the
 * consents given to them. A consent goes with its app, its user and its tenant (foreign keys and a trigger).
 */
export class InboundAppStore {
  private readonly insertAppRow;
  private readonly updateAppRow;
  private readonly updateSecret;
  private readonly deleteAppRow;
  private readonly appById;
  private readonly appByClientId;
  private readonly appSecret;
  private readonly allApps;
  private readonly allAppsWithSecrets;
  private readonly insertConsentRow;
  private readonly deleteConsentRow;
  private readonly allConsents;

  constructor(db: Db) {
    this.insertAppRow = db.prepare(
      `INSERT INTO inbound_apps (project_id, app_id, client_id, created_time, secret, doc)
       VALUES (:projectId, :appId, :clientId, :createdTime, :secret, :doc)`,
    );
    this.updateAppRow = db.prepare(
      'UPDATE inbound_apps SET doc = :doc WHERE project_id = :projectId AND app_id = :appId',
    );
    this.updateSecret = db.prepare(
      'UPDATE inbound_apps SET secret = :secret WHERE project_id = :projectId AND app_id = :appId',
    );
    this.deleteAppRow = db.prepare(
      'DELETE FROM inbound_apps WHERE project_id = :projectId AND app_id = :appId',
    );
    this.appById = db
      .prepare<Key & { appId: string }, string>(
        'SELECT doc FROM inbound_apps WHERE project_id = :projectId AND app_id = :appId',
      )
      .pluck();
    this.appByClientId = db
      .prepare<Key & { clientId: string }, string>(
        'SELECT doc FROM inbound_apps WHERE project_id = :projectId AND client_id = :clientId',
      )
      .pluck();
    this.appSecret = db
      .prepare<Key & { appId: string }, string>(
        'SELECT secret FROM inbound_apps WHERE project_id = :projectId AND app_id = :appId',
      )
      .pluck();
    this.allApps = db
      .prepare<Key, string>(
        'SELECT doc FROM inbound_apps WHERE project_id = :projectId ORDER BY created_time, rowid',
      )
      .pluck();
    this.allAppsWithSecrets = db.prepare<Key, { doc: string; secret: string }>(
      'SELECT doc, secret FROM inbound_apps WHERE project_id = :projectId ORDER BY created_time, rowid',
    );
    this.insertConsentRow = db.prepare(
      `INSERT INTO inbound_consents (project_id, consent_id, app_id, user_id, tenant_id, created_time, doc)
       VALUES (:projectId, :consentId, :appId, :userId, :tenantId, :createdTime, :doc)`,
    );
    this.deleteConsentRow = db.prepare(
      'DELETE FROM inbound_consents WHERE project_id = :projectId AND consent_id = :consentId',
    );
    this.allConsents = db
      .prepare<Key, string>(
        'SELECT doc FROM inbound_consents WHERE project_id = :projectId ORDER BY created_time, rowid',
      )
      .pluck();
  }

  insertApp(projectId: string, app: InboundAppRecord, secret: string): void {
    this.insertAppRow.run({
      projectId,
      appId: app.id,
      clientId: app.clientId,
      createdTime: app.createdTime,
      secret,
      doc: JSON.stringify(app),
    });
  }

  /** Rewrites the app's document (its IDs never change). */
  updateApp(projectId: string, app: InboundAppRecord): void {
    this.updateAppRow.run({ projectId, appId: app.id, doc: JSON.stringify(app) });
  }

  /** Replaces the secret (rotate): the old one stops being the app's. */
  replaceSecret(projectId: string, appId: string, secret: string): void {
    this.updateSecret.run({ projectId, appId, secret });
  }

  /** Deletes the app and, by the foreign key, its consents. */
  deleteApp(projectId: string, appId: string): boolean {
    return this.deleteAppRow.run({ projectId, appId }).changes > 0;
  }

  findApp(projectId: string, appId: string): InboundAppRecord | undefined {
    const doc = this.appById.get({ projectId, appId });
    return doc === undefined ? undefined : parseApp(doc);
  }

  findAppByClientId(projectId: string, clientId: string): InboundAppRecord | undefined {
    const doc = this.appByClientId.get({ projectId, clientId });
    return doc === undefined ? undefined : parseApp(doc);
  }

  secret(projectId: string, appId: string): string | undefined {
    return this.appSecret.get({ projectId, appId });
  }

  /** Every app of the project, oldest first. */
  listApps(projectId: string): InboundAppRecord[] {
    return this.allApps.all({ projectId }).map(parseApp);
  }

  /** Every app with its secret, oldest first (a snapshot). */
  listAppsWithSecrets(projectId: string): { app: InboundAppRecord; secret: string }[] {
    return this.allAppsWithSecrets
      .all({ projectId })
      .map((row) => ({ app: parseApp(row.doc), secret: row.secret }));
  }

  insertConsent(projectId: string, consent: ConsentRecord): void {
    this.insertConsentRow.run({
      projectId,
      consentId: consent.id,
      appId: consent.appId,
      // NULL, not '', for a tenant's consent: the foreign key to users ignores NULL.
      userId: consent.userId === '' ? null : consent.userId,
      tenantId: consent.tenantId,
      createdTime: consent.createdTime,
      doc: JSON.stringify(consent),
    });
  }

  deleteConsent(projectId: string, consentId: string): boolean {
    return this.deleteConsentRow.run({ projectId, consentId }).changes > 0;
  }

  /** Every consent of the project, oldest first. */
  listConsents(projectId: string): ConsentRecord[] {
    return this.allConsents.all({ projectId }).map(parseConsent);
  }
}
