import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DescopeClient from '@descope/node-sdk';
import { describe, expect, it } from 'vitest';
import { bannerUrl, runCli, stop } from '../helpers/cli.js';

const DEFAULT_PROJECT = 'P2MockProject000000000000000';
const PUBLIC_KEY = 'K2MockManagementKey000000000';

/** Whether `key` opens the default project of the mock at `url` (a user load answers, or is refused with 401). */
async function accepts(url: string, key: string): Promise<boolean> {
  const sdk = DescopeClient({ projectId: DEFAULT_PROJECT, managementKey: key, baseUrl: url });
  const loaded = await sdk.management.user.load('maya.patel@northwind.example');
  if (!loaded.ok) expect(loaded.code).toBe(401);
  return loaded.ok;
}

describe('--management-key with the demo fixtures', () => {
  it("replaces the default project's key, across restarts of one --db file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'descope-mock-key-')), 'mock.db');
    const base = ['--port', '0', '--db', file, '--log-level', 'silent'];

    const custom = runCli([...base, '--management-key', 'K2CustomKey']);
    const first = await bannerUrl(custom);
    expect(await accepts(first, 'K2CustomKey')).toBe(true);
    // The published default key (which the demo fixture lists for this project) no longer opens it.
    expect(await accepts(first, PUBLIC_KEY)).toBe(false);
    // A reset seeds the project again from its fixture: the configured key still replaces the listed one.
    const reset = await fetch(`${first}/_mock/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(await accepts(first, PUBLIC_KEY)).toBe(false);
    expect(await accepts(first, 'K2CustomKey')).toBe(true);
    expect(await stop(custom)).toBe(0);

    // A new key, from the environment this time: the earlier run's key does not linger in the file.
    const rotated = runCli(base, { DESCOPE_MANAGEMENT_KEY: 'K2RotatedKey' });
    const second = await bannerUrl(rotated);
    expect(await accepts(second, 'K2RotatedKey')).toBe(true);
    expect(await accepts(second, 'K2CustomKey')).toBe(false);
    expect(await accepts(second, PUBLIC_KEY)).toBe(false);
    expect(await stop(rotated)).toBe(0);

    // No key configured: the default key (and the fixture's) again, and none of the custom ones.
    const plain = runCli(base);
    const third = await bannerUrl(plain);
    expect(await accepts(third, PUBLIC_KEY)).toBe(true);
    expect(await accepts(third, 'K2RotatedKey')).toBe(false);
    expect(await stop(plain)).toBe(0);
  });
});
