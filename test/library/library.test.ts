import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DescopeClient from '@descope/node-sdk';
import { ControlClient, DescopeMockError, startDescopeMock } from 'descope-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestProject } from 'vitest/node';
import setup from './descopeMock.setup.js';

/**
 * The package used the way the README's "A complete vitest setup" shows: imported by its name, started by a
 * globalSetup that hands the URL to the test workers, which drive it with ControlClient and the official SDK.
 */
const provided = new Map<string, string>();
let teardown: () => Promise<void>;
beforeAll(async () => {
  // What vitest does with a globalSetup: call it with the project, hand what it provides to the workers.
  const project = { provide: (key: string, value: string) => provided.set(key, value) };
  teardown = await setup(project as unknown as TestProject);
});
afterAll(() => teardown());

const control = () => new ControlClient(provided.get('descopeMockUrl') as string);

describe('a globalSetup mock shared by parallel workers', () => {
  it('gives each of eight concurrent workers its own project: none sees the users of another', async () => {
    const workers = Array.from({ length: 8 }, (_, n) => n);
    const results = await Promise.all(
      workers.map(async (n) => {
        const mock = control();
        const project = await mock.createProject();
        const descope = DescopeClient({ ...project, baseUrl: mock.url });
        for (const i of [1, 2, 3]) {
          const created = await descope.management.user.create(`w${n}-u${i}@example.com`, {
            displayName: `Worker ${n} user ${i}`,
          });
          expect(created.ok).toBe(true);
        }
        // The same login ID in every project: each worker's copy is its own.
        await descope.management.user.create('shared@example.com', { displayName: `Worker ${n}` });
        return { n, project, descope };
      }),
    );
    for (const { n, descope } of results) {
      const all = await descope.management.user.searchAll();
      expect(all.ok).toBe(true);
      const loginIds = (all.data ?? []).flatMap((user) => user.loginIds).sort();
      expect(loginIds).toEqual([
        'shared@example.com',
        `w${n}-u1@example.com`,
        `w${n}-u2@example.com`,
        `w${n}-u3@example.com`,
      ]);
      expect((await descope.management.user.load('shared@example.com')).data?.name).toBe(`Worker ${n}`);
      const neighbour = (n + 1) % 8;
      expect((await descope.management.user.load(`w${neighbour}-u1@example.com`)).code).toBe(404);
    }
    const projectIds = new Set(results.map(({ project }) => project.projectId));
    expect(projectIds.size).toBe(8);
  });

  it('reaches faults and the journal through the client', async () => {
    const mock = control();
    const project = await mock.createProject({ users: [{ loginId: 'ada@example.com' }] });
    const descope = DescopeClient({ ...project, baseUrl: mock.url });
    await mock.addFault({
      path: '/v1/mgmt/user',
      projectId: project.projectId,
      status: 429,
      retryAfter: 3,
      times: 1,
    });
    const limited = await descope.management.user.load('ada@example.com');
    expect(limited).toMatchObject({ ok: false, code: 429, error: { retryAfter: 3 } });
    expect((await descope.management.user.load('ada@example.com')).ok).toBe(true);
    const calls = await mock.requests({ projectId: project.projectId, path: '/v1/mgmt/user' });
    expect(calls.map((call) => call.status)).toEqual([429, 200]);
  });

  it('throws DescopeMockError with the error body when the control plane refuses', async () => {
    const failure = await control()
      .snapshot('P2NoSuchProject')
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DescopeMockError);
    expect(failure).toMatchObject({ status: 404, body: { errorCode: 'E000404' } });
  });
});

describe('startDescopeMock in plain Node', () => {
  it('starts on a free port with its own credentials, and reset() puts the fixtures back', async () => {
    const mock = await startDescopeMock({
      fixtures: {
        projects: [{ projectId: 'P2LibraryProject00000000000', managementKeys: ['K2Lib'], users: [] }],
      },
      projectId: 'P2LibraryProject00000000000',
    });
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const descope = DescopeClient({
        projectId: mock.projectId,
        managementKey: mock.managementKey,
        baseUrl: mock.url,
      });
      expect((await descope.management.user.create('temp@example.com')).ok).toBe(true);
      expect(await mock.snapshot()).toMatchObject({
        projectId: mock.projectId,
        users: [{ loginId: 'temp@example.com' }],
      });
      await mock.reset();
      expect((await descope.management.user.load('temp@example.com')).code).toBe(404);
      const other = await mock.createProject();
      expect(other.projectId).not.toBe(mock.projectId);
    } finally {
      await mock.close();
    }
  });

  it('closes its database when it cannot listen, rather than leave it open in the caller', async () => {
    const first = await startDescopeMock();
    const dir = mkdtempSync(join(tmpdir(), 'descope-mock-listen-'));
    const db = join(dir, 'mock.db');
    try {
      const port = Number(new URL(first.url).port);
      await expect(startDescopeMock({ port, db })).rejects.toThrow(/EADDRINUSE/);
      // SQLite removes the WAL file when the last connection to the database closes.
      expect(existsSync(db)).toBe(true);
      expect(existsSync(`${db}-wal`)).toBe(false);
    } finally {
      await first.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
