import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DescopeClient from '@descope/node-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MANAGEMENT_KEY, DEFAULT_PROJECT_ID } from '../../../src/config.js';
import { bannerUrl, runCli, stop } from '../../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'descope-mock-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the real CLI, as a user would, and waits for the banner's URL. */
async function startCli(args: string[]): Promise<{ url: string; stop(): Promise<number | string> }> {
  const run = runCli(['--port', '0', ...args]);
  return { url: await bannerUrl(run), stop: () => stop(run) };
}

const control = async (url: string, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
};

describe('--db FILE', () => {
  it('keeps users, projects made on demand and their seeds across a restart of the CLI', async () => {
    const db = join(dir, 'state.db');
    const args = ['--db', db, '--fixtures', 'none', '--log-level', 'silent'];

    const first = await startCli(args);
    const created = await control(first.url, 'POST', '/_mock/projects', {
      users: [{ loginId: 'seed@example.com' }],
    });
    expect(created.status).toBe(201);
    const mainSdk = DescopeClient({
      projectId: DEFAULT_PROJECT_ID,
      managementKey: DEFAULT_MANAGEMENT_KEY,
      baseUrl: first.url,
    });
    expect((await mainSdk.management.user.create('kept@example.com', { displayName: 'Kept' })).ok).toBe(true);
    const extraSdk = DescopeClient({ ...created.body, baseUrl: first.url });
    expect((await extraSdk.management.user.create('later@example.com')).ok).toBe(true);
    expect(await first.stop()).toBe(0);

    const second = await startCli(args);
    try {
      const main = DescopeClient({
        projectId: DEFAULT_PROJECT_ID,
        managementKey: DEFAULT_MANAGEMENT_KEY,
        baseUrl: second.url,
      });
      expect((await main.management.user.load('kept@example.com')).data?.name).toBe('Kept');
      const extra = DescopeClient({ ...created.body, baseUrl: second.url });
      expect((await extra.management.user.load('later@example.com')).ok).toBe(true);

      // The seed survived too: a reset after the restart goes back to it.
      await control(second.url, 'POST', '/_mock/reset', { projectId: created.body.projectId });
      expect((await extra.management.user.load('later@example.com')).code).toBe(404);
      expect((await extra.management.user.load('seed@example.com')).ok).toBe(true);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });
});
