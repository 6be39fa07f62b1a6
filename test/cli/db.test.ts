import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DescopeClient from '@descope/node-sdk';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { bannerUrl, type CliRun, runCli, stop } from '../helpers/cli.js';

const credentials = {
  projectId: 'P2MockProject000000000000000',
  managementKey: 'K2MockManagementKey000000000',
};

describe('--db FILE', () => {
  it('keeps state in a WAL database across a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'descope-mock-db-')), 'mock.db');
    const args = ['--port', '0', '--db', file, '--log-level', 'silent'];

    const first = runCli(args);
    const sdk = DescopeClient({ ...credentials, baseUrl: await bannerUrl(first) });
    const created = await sdk.management.user.create('kept@example.com', { displayName: 'Kept' });
    expect(created.ok).toBe(true);
    const renamed = await sdk.management.user.updateDisplayName('maya.patel@northwind.example', 'Maya P.');
    expect(renamed.ok).toBe(true);
    expect(await stop(first)).toBe(0);

    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();

    const second = runCli(args);
    const again = DescopeClient({ ...credentials, baseUrl: await bannerUrl(second) });
    const kept = await again.management.user.load('kept@example.com');
    expect(kept.data?.name).toBe('Kept');
    expect(kept.data?.userId).toBe(created.data?.userId);
    // The fixtures did not re-seed over the stored state.
    expect((await again.management.user.load('maya.patel@northwind.example')).data?.name).toBe('Maya P.');
    expect(await stop(second)).toBe(0);
  });

  it('refuses a second process on the same file (exit 2, nothing listens), and a restart still works', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'descope-mock-db-')), 'mock.db');
    const args = ['--port', '0', '--db', file, '--log-level', 'silent'];
    const runs: CliRun[] = [];
    const start = () => runs[runs.push(runCli(args)) - 1] as CliRun;
    // A failure here must not leave servers behind.
    onTestFinished(() => {
      for (const run of runs)
        if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill();
    });
    const first = start();
    const sdk = DescopeClient({ ...credentials, baseUrl: await bannerUrl(first) });

    // Each process caches keys: a second one would go on accepting a project deleted through the first.
    const second = start();
    expect(await second.exited).toBe(2);
    expect(second.stderr()).toBe(
      `descope-mock: --db "${file}": the database is in use by another descope-mock process (one mock per database file)\n`,
    );
    expect(second.stdout()).toBe('');
    // The first is unharmed.
    expect((await sdk.management.user.create('first@example.com')).ok).toBe(true);
    expect(await stop(first)).toBe(0);

    const restarted = start();
    const again = DescopeClient({ ...credentials, baseUrl: await bannerUrl(restarted) });
    expect((await again.management.user.load('first@example.com')).ok).toBe(true);
    expect(await stop(restarted)).toBe(0);
  });
});
