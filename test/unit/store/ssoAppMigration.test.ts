import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.js';
import { MIGRATIONS } from '../../../src/store/migrations.js';

/**
 * A file database written before SSO applications kept their records: its `sso_apps` rows (the default app
 * of each project, a name only) become whole OIDC app records with a client secret.
 */
const dir = mkdtempSync(join(tmpdir(), 'descope-mock-sso-apps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the SSO application records migration', () => {
  it('gives every older row the record of the default OIDC application, with a secret', () => {
    const path = join(dir, 'old.db');
    const before = MIGRATIONS.findIndex((sql) => sql.includes('ALTER TABLE sso_apps ADD COLUMN doc'));
    expect(before).toBeGreaterThan(0);
    const old = new Database(path);
    MIGRATIONS.slice(0, before).forEach((sql, index) => {
      old.exec(sql);
      old.pragma(`user_version = ${index + 1}`);
    });
    old.prepare("INSERT INTO projects (project_id, created_time) VALUES ('P2Old', 1)").run();
    old
      .prepare(
        "INSERT INTO sso_apps (project_id, app_id, name) VALUES ('P2Old', 'descope-default-oidc', 'Default')",
      )
      .run();
    old.close();

    const store = openStore(path);
    const [app, ...rest] = store.ssoApplications.list('P2Old');
    expect(rest).toEqual([]);
    expect(app).toEqual({
      id: 'descope-default-oidc',
      appType: 'oidc',
      name: 'Default',
      description: '',
      enabled: true,
      logo: '',
      loginPageUrl: '',
      forceAuthentication: false,
      claims: [],
      backChannelLogoutUrl: '',
      customIdpInitiatedLoginPageUrl: '',
      secret: expect.stringMatching(/^[0-9a-f]{48}$/),
    });
    expect(store.catalog.forProject('P2Old').ssoApp('descope-default-oidc')).toBe(true);
    store.close();
  });
});
