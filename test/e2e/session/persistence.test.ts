import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DescopeClient from '@descope/node-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { startMock, type TestMock, useMock } from '../../helpers/mock.js';
import { mint, sessionProject } from '../../helpers/session.js';

/** A project's signing key outlives what its tokens must survive: a restart, a reset, a restore. */

const dir = mkdtempSync(join(tmpdir(), 'descope-mock-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh SDK client: it fetches the keys anew, as a backend started after the mock would. */
const validate = (url: string, projectId: string, jwt: string) =>
  DescopeClient({ projectId, baseUrl: url }).validateSession(jwt);

const kidOf = async (mock: Pick<TestMock, 'http'>, projectId: string) =>
  (await mock.http('GET', `/v2/keys/${projectId}`, { auth: null })).body.keys[0].kid as string;

describe('restart with --db', () => {
  it('validates after the restart a session minted before it, with the same kid', async () => {
    const db = join(dir, 'keys.db');
    const first = await startMock({ db, fixtures: 'none' });
    const { projectId } = await sessionProject(first);
    const minted = await mint(first, projectId, { loginId: 'ada@example.com' });
    const kid = await kidOf(first, projectId);
    await first.close();

    const second = await startMock({ db, fixtures: 'none' });
    try {
      expect(await kidOf(second, projectId)).toBe(kid);
      await expect(validate(second.url, projectId, minted.body.sessionJwt)).resolves.toBeDefined();
    } finally {
      await second.close();
    }
  });
});

describe('revocations survive a restart with --db', () => {
  it('a token revoked by logout and the sessions revoked by logoutall stay refused, others still refresh', async () => {
    const db = join(dir, 'revocations.db');
    const first = await startMock({ db, fixtures: 'none' });
    const { projectId } = await sessionProject(first);
    const refreshOf = async (mock: TestMock, loginId: string) =>
      (await mint(mock, projectId, { loginId })).body.refreshJwt as string;
    const [loggedOut, kept, bob] = [
      await refreshOf(first, 'ada@example.com'),
      await refreshOf(first, 'ada@example.com'),
      await refreshOf(first, 'bob@example.com'),
    ];
    const sdk = DescopeClient({ projectId, baseUrl: first.url });
    expect((await sdk.logout(loggedOut)).ok).toBe(true);
    expect((await sdk.logoutAll(bob)).ok).toBe(true);
    await first.close();

    const second = await startMock({ db, fixtures: 'none' });
    try {
      const after = DescopeClient({ projectId, baseUrl: second.url });
      expect(await after.refresh(loggedOut)).toMatchObject({
        ok: false,
        code: 401,
        error: { errorCode: 'E064001' },
      });
      expect(await after.refresh(bob)).toMatchObject({
        ok: false,
        code: 401,
        error: { errorCode: 'E064001' },
      });
      expect((await after.refresh(kept)).ok).toBe(true);
    } finally {
      await second.close();
    }
  });
});

describe('reset and restore', () => {
  const mock = useMock({ fixtures: 'none' });

  it('a reset keeps the key: a session minted before it still validates', async () => {
    const { projectId } = await sessionProject(mock);
    const minted = await mint(mock, projectId, { loginId: 'ada@example.com' });
    const kid = await kidOf(mock, projectId);
    expect((await mock.control('POST', '/_mock/reset', { projectId })).status).toBe(200);
    expect(await kidOf(mock, projectId)).toBe(kid);
    await expect(validate(mock.url, projectId, minted.body.sessionJwt)).resolves.toBeDefined();
  });

  it("a restore of the project's own snapshot keeps the key", async () => {
    const { projectId } = await sessionProject(mock);
    const minted = await mint(mock, projectId, { loginId: 'ada@example.com' });
    const kid = await kidOf(mock, projectId);
    const snapshot = await mock.control('GET', `/_mock/projects/${projectId}/snapshot`);
    expect((await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot.body)).status).toBe(
      200,
    );
    expect(await kidOf(mock, projectId)).toBe(kid);
    await expect(validate(mock.url, projectId, minted.body.sessionJwt)).resolves.toBeDefined();
  });
});
