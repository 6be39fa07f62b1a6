import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Crash safety: a server on a file database under write load is killed with SIGKILL mid-flight. After a
 * restart the database passes `PRAGMA integrity_check`, and every write that was answered 200 is there.
 */
const AUTH = 'Bearer P2MockProject000000000000000:K2MockManagementKey000000000';
const dir = mkdtempSync(join(tmpdir(), 'descope-mock-crash-'));
const dbPath = join(dir, 'state.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startCli(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli.ts',
      '--port',
      '0',
      '--db',
      dbPath,
      '--fixtures',
      'none',
      '--log-level',
      'warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) resolve({ child, url: match[1] as string });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

const create = (url: string, loginId: string) =>
  fetch(`${url}/v1/mgmt/user/create`, {
    method: 'POST',
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, displayName: loginId }),
  });

describe('crash safety', () => {
  it('keeps every answered write across a SIGKILL under load', async () => {
    const first = await startCli();
    const answered: string[] = [];
    let next = 0;
    let killed = false;
    // Eight writers in a loop until the kill; each remembers the login IDs answered 200.
    const writer = async () => {
      while (!killed) {
        const loginId = `crash${next++}@example.com`;
        try {
          const response = await create(first.url, loginId);
          if (response.ok) answered.push(loginId);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (answered.length < 300) await new Promise((resolve) => setTimeout(resolve, 20));
    killed = true;
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await Promise.all([exited, ...writers]);

    const check = new Database(dbPath);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    const second = await startCli();
    try {
      const missing: string[] = [];
      for (const loginId of answered) {
        const response = await fetch(`${second.url}/v1/mgmt/user?loginId=${encodeURIComponent(loginId)}`, {
          headers: { authorization: AUTH },
        });
        if (response.status !== 200) missing.push(loginId);
      }
      expect(answered.length).toBeGreaterThanOrEqual(300);
      expect(missing).toEqual([]);
    } finally {
      const exited = new Promise((resolve) => second.child.once('exit', resolve));
      second.child.kill('SIGTERM');
      await exited;
    }
  });
});
