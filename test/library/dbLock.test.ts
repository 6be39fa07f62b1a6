import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDescopeMock } from 'descope-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseInUseError } from '../../src/store/db.js';

const dir = mkdtempSync(join(tmpdir(), 'descope-mock-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one mock per database file', () => {
  it('refuses a second startDescopeMock on a file in use, and opens it again once the first is closed', async () => {
    const db = join(dir, 'shared.db');
    const first = await startDescopeMock({ db });
    try {
      await expect(startDescopeMock({ db })).rejects.toThrow(DatabaseInUseError);
      await expect(startDescopeMock({ db })).rejects.toThrow(`${db}: the database is in use`);
    } finally {
      await first.close();
    }
    const again = await startDescopeMock({ db });
    expect((await again.createProject()).projectId).toMatch(/^P2/);
    await again.close();
  });
});
