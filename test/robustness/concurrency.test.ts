import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../helpers/mock.js';

/**
 * Many mutations in flight at once on real HTTP connections: none is lost, and uniqueness holds. Each
 * request is one synchronous SQLite transaction, so this guards against anyone adding an await between a
 * load and its write.
 */
const PROJECT = { projectId: 'P2ConcurrencyProject000000000', managementKey: 'K2Concurrency' };
const ROLE_COUNT = 200;
const ROLES = Array.from({ length: ROLE_COUNT }, (_, i) => `role-${i}`);

let dir: string;
let mock: TestMock;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'descope-mock-concurrency-'));
  const fixtures = join(dir, 'fixtures.json');
  writeFileSync(
    fixtures,
    JSON.stringify({
      projects: [
        {
          ...{ projectId: PROJECT.projectId, managementKeys: [PROJECT.managementKey] },
          roles: ROLES.map((name) => ({ name })),
          tenants: [{ id: 'T2Busy', name: 'Busy' }],
          users: [{ loginId: 'busy@example.com' }],
        },
      ],
    }),
  );
  mock = await startMock({ fixtures, projectId: PROJECT.projectId, managementKey: PROJECT.managementKey });
});
afterAll(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('concurrent mutations', () => {
  it(`${ROLE_COUNT} parallel role additions to one user lose nothing`, async () => {
    const sdk = mock.sdk(PROJECT);
    const results = await Promise.all(
      ROLES.map((role) => sdk.management.user.addRoles('busy@example.com', [role])),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const loaded = await sdk.management.user.load('busy@example.com');
    expect([...(loaded.data?.roleNames ?? [])].sort()).toEqual([...ROLES].sort());
  });

  it(`${ROLE_COUNT} parallel tenant role additions keep one membership holding every role`, async () => {
    const sdk = mock.sdk(PROJECT);
    const results = await Promise.all(
      ROLES.map((role) => sdk.management.user.addTenantRoles('busy@example.com', 'T2Busy', [role])),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const loaded = await sdk.management.user.load('busy@example.com');
    expect(loaded.data?.userTenants).toHaveLength(1);
    expect([...(loaded.data?.userTenants?.[0]?.roleNames ?? [])].sort()).toEqual([...ROLES].sort());
  });

  it('50 parallel creates of one login ID yield exactly one user', async () => {
    const sdk = mock.sdk(PROJECT);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        sdk.management.user.create('race@example.com', { displayName: `racer ${i}` }),
      ),
    );
    const created = results.filter((result) => result.ok);
    expect(created).toHaveLength(1);
    for (const failed of results.filter((result) => !result.ok)) {
      expect(failed.code).toBe(400);
      expect(failed.error?.errorCode).toBe('E011004');
    }
    const loaded = await sdk.management.user.load('race@example.com');
    expect(loaded.data?.userId).toBe(created[0]?.data?.userId);
    expect(loaded.data?.name).toBe(created[0]?.data?.name);
  });
});
