import type { SsoConfig } from '../domain/sso.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';

type TenantKey = { projectId: string; tenantId: string };

/** How many unexpired SSO configuration links a project keeps; the oldest go first past it. */
const MAX_LINKS_PER_PROJECT = 1000;

/**
 * A tenant's SSO configurations (src/domain/sso.ts) as JSON documents, oldest first, and the SSO
 * configuration links. Both go with their project (ON DELETE CASCADE) and their tenant (a trigger).
 */
export class SsoSettingsStore {
  private readonly byId;
  private readonly ofTenant;
  private readonly ofProject;
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteRow;
  private readonly allWithRole;
  private readonly insertLink;
  private readonly dropExpiredLinks;
  private readonly trimLinks;
  private readonly revokeAll;
  private readonly revokeOne;
  private readonly linkByToken;

  constructor(db: Db) {
    this.byId = db
      .prepare<TenantKey & { ssoId: string }, string>(
        'SELECT doc FROM sso_settings WHERE project_id = :projectId AND tenant_id = :tenantId AND sso_id = :ssoId',
      )
      .pluck();
    this.ofTenant = db
      .prepare<TenantKey, string>(
        // The default configuration first, however late it was first configured; then oldest first.
        "SELECT doc FROM sso_settings WHERE project_id = :projectId AND tenant_id = :tenantId ORDER BY sso_id <> '', rowid",
      )
      .pluck();
    this.ofProject = db.prepare<{ projectId: string }, { tenantId: string; doc: string }>(
      "SELECT tenant_id AS tenantId, doc FROM sso_settings WHERE project_id = :projectId ORDER BY sso_id <> '', rowid",
    );
    this.insertRow = db.prepare(
      `INSERT INTO sso_settings (project_id, tenant_id, sso_id, doc)
       VALUES (:projectId, :tenantId, :ssoId, :doc)`,
    );
    this.updateRow = db.prepare(
      `INSERT INTO sso_settings (project_id, tenant_id, sso_id, doc) VALUES (:projectId, :tenantId, :ssoId, :doc)
       ON CONFLICT (project_id, tenant_id, sso_id) DO UPDATE SET doc = :doc`,
    );
    this.deleteRow = db.prepare(
      'DELETE FROM sso_settings WHERE project_id = :projectId AND tenant_id = :tenantId AND sso_id = :ssoId',
    );
    // A role ID is a JSON string in the document exactly as written: instr() finds the few that name it.
    this.allWithRole = db.prepare<{ projectId: string; quoted: string }, { tenantId: string; doc: string }>(
      `SELECT tenant_id AS tenantId, doc FROM sso_settings
       WHERE project_id = :projectId AND instr(doc, :quoted) > 0 ORDER BY rowid`,
    );
    this.insertLink = db.prepare(
      `INSERT INTO sso_links (token, project_id, tenant_id, sso_id, email, expires_ms)
       VALUES (:token, :projectId, :tenantId, :ssoId, :email, :expiresMs)`,
    );
    this.dropExpiredLinks = db.prepare(
      'DELETE FROM sso_links WHERE project_id = :projectId AND expires_ms <= :nowMs',
    );
    this.trimLinks = db.prepare(
      `DELETE FROM sso_links WHERE project_id = :projectId AND rowid NOT IN
         (SELECT rowid FROM sso_links WHERE project_id = :projectId ORDER BY rowid DESC LIMIT ${MAX_LINKS_PER_PROJECT})`,
    );
    this.revokeAll = db.prepare(
      'DELETE FROM sso_links WHERE project_id = :projectId AND tenant_id = :tenantId',
    );
    this.revokeOne = db.prepare(
      'DELETE FROM sso_links WHERE project_id = :projectId AND tenant_id = :tenantId AND sso_id = :ssoId',
    );
    this.linkByToken = db.prepare<
      { projectId: string; token: string; nowMs: number },
      { tenantId: string; ssoId: string; email: string; expiresMs: number }
    >(
      `SELECT tenant_id AS tenantId, sso_id AS ssoId, email, expires_ms AS expiresMs FROM sso_links
       WHERE project_id = :projectId AND token = :token AND expires_ms > :nowMs`,
    );
  }

  find(projectId: string, tenantId: string, ssoId: string): SsoConfig | undefined {
    const doc = this.byId.get({ projectId, tenantId, ssoId });
    return doc === undefined ? undefined : (JSON.parse(doc) as SsoConfig);
  }

  /** The tenant's stored configurations: the default one first, then oldest first. */
  list(projectId: string, tenantId: string): SsoConfig[] {
    return this.ofTenant.all({ projectId, tenantId }).map((doc) => JSON.parse(doc) as SsoConfig);
  }

  /** Every stored configuration of the project by tenant ID, in the order of `list`. */
  all(projectId: string): Map<string, SsoConfig[]> {
    const byTenant = new Map<string, SsoConfig[]>();
    for (const { tenantId, doc } of this.ofProject.all({ projectId })) {
      const configs = byTenant.get(tenantId);
      if (configs) configs.push(JSON.parse(doc) as SsoConfig);
      else byTenant.set(tenantId, [JSON.parse(doc) as SsoConfig]);
    }
    return byTenant;
  }

  /** A new configuration; one the tenant already has is refused (E011004). */
  insert(projectId: string, tenantId: string, config: SsoConfig): void {
    mapConstraint(
      () => `SSO configuration "${config.ssoId}" already exists in tenant "${tenantId}"`,
      () => this.insertRow.run(this.rowOf(projectId, tenantId, config)),
    );
  }

  /** Writes the configuration, adding it when it was not stored yet (the default one, on first configure). */
  save(projectId: string, tenantId: string, config: SsoConfig): void {
    this.updateRow.run(this.rowOf(projectId, tenantId, config));
  }

  delete(projectId: string, tenantId: string, ssoId: string): boolean {
    return this.deleteRow.run({ projectId, tenantId, ssoId }).changes > 0;
  }

  /** The configurations whose document names the role ID (a role delete follows through). */
  namingRole(projectId: string, roleId: string): { tenantId: string; config: SsoConfig }[] {
    return this.allWithRole
      .all({ projectId, quoted: JSON.stringify(roleId) })
      .map(({ tenantId, doc }) => ({ tenantId, config: JSON.parse(doc) as SsoConfig }));
  }

  /** Records a link; expired links of the project go, and the oldest past the project's bound. */
  addLink(
    link: TenantKey & { token: string; ssoId: string; email: string; expiresMs: number },
    nowMs: number,
  ) {
    this.dropExpiredLinks.run({ projectId: link.projectId, nowMs });
    this.insertLink.run(link);
    this.trimLinks.run({ projectId: link.projectId });
  }

  /** A link still valid at `nowMs`, or undefined (unknown, revoked or expired). */
  findLink(projectId: string, token: string, nowMs: number) {
    return this.linkByToken.get({ projectId, token, nowMs });
  }

  /** Revokes the tenant's links: all of them, or those of one configuration. */
  revokeLinks(projectId: string, tenantId: string, ssoId?: string): number {
    const run =
      ssoId === undefined
        ? this.revokeAll.run({ projectId, tenantId })
        : this.revokeOne.run({ projectId, tenantId, ssoId });
    return run.changes;
  }

  private rowOf(projectId: string, tenantId: string, config: SsoConfig) {
    return { projectId, tenantId, ssoId: config.ssoId, doc: JSON.stringify(config) };
  }
}
