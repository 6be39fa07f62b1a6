import { beforeEach, describe, expect, it } from 'vitest';
import { expectRefused, OTHER_PROJECT, startMock, TEST_PROJECT, useMock } from '../../helpers/mock.js';

const mock = useMock();
beforeEach(async () => {
  // Let the SDK's background license handshake of earlier clients land before the journal is cleared.
  await mock.control('DELETE', '/_mock/requests');
});

const journal = async (query = '') => (await mock.control('GET', `/_mock/requests${query}`)).body.requests;
/** The journal without the license handshakes that every new SDK client fires in the background. */
const calls = async (query = '') =>
  (await journal(query)).filter((entry: { path: string }) => entry.path !== '/v1/mgmt/license');

describe('GET /_mock/requests', () => {
  it('records each Descope API call with its project, status, duration and both bodies', async () => {
    const sdk = mock.sdk();
    await sdk.management.user.updateDisplayName('ada@example.com', 'Ada King');
    await sdk.management.user.load('nobody@example.com');
    await mock.control('GET', '/_mock/projects');

    const entries = await calls();
    expect(entries).toHaveLength(2);
    const [update, load] = entries;
    expect(update).toEqual({
      id: expect.any(Number),
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      method: 'POST',
      path: '/v1/mgmt/user/update/name',
      query: {},
      projectId: TEST_PROJECT.projectId,
      status: 200,
      durationMs: expect.any(Number),
      requestBody: { loginId: 'ada@example.com', displayName: 'Ada King' },
      responseBody: expect.objectContaining({ user: expect.objectContaining({ name: 'Ada King' }) }),
    });
    expect(load).toMatchObject({
      method: 'GET',
      path: '/v1/mgmt/user',
      query: { loginId: 'nobody@example.com' },
      status: 404,
      responseBody: { errorCode: 'E112102' },
    });
    expect(load.id).toBeGreaterThan(update.id);
  });

  it('shows the body as it was sent, nulls included, and null for a call without one', async () => {
    await mock.http('POST', '/v1/mgmt/user/update/name', {
      body: { loginId: 'ada@example.com', displayName: 'Ada', unknownKey: null },
    });
    await mock.http('GET', '/v1/mgmt/user?loginId=ada%40example.com');
    const [update, load] = await calls();
    expect(update.requestBody).toEqual({ loginId: 'ada@example.com', displayName: 'Ada', unknownKey: null });
    expect(load.requestBody).toBeNull();
  });

  it('records a refused call (401) without a project', async () => {
    await mock.http('GET', '/v1/mgmt/user?loginId=ada@example.com', { auth: 'Bearer P2Nope:K2Nope' });
    const [entry] = await calls();
    expect(entry).toMatchObject({ status: 401, projectId: '', responseBody: { errorCode: 'E011003' } });
  });

  it('masks passwords, codes and keys in both bodies', async () => {
    const sdk = mock.sdk();
    await sdk.management.user.setActivePassword('ada@example.com', 'Secret-Passw0rd!');
    await sdk.management.user.createTestUser('tester@example.com');
    const otp = await sdk.management.user.generateOTPForTestUser('email', 'tester@example.com');
    expect(otp.data?.code).toMatch(/^\d{6}$/);

    const text = JSON.stringify(await journal());
    expect(text).not.toContain('Secret-Passw0rd!');
    expect(text).not.toContain(otp.data?.code);
    const [password] = await calls('?path=/v1/mgmt/user/password/*');
    expect(password.requestBody).toMatchObject({ loginId: 'ada@example.com', password: '***' });
    const [generated] = await calls('?path=/v1/mgmt/tests/generate/otp');
    expect(generated.responseBody).toEqual({ loginId: 'tester@example.com', code: '***' });
  });

  it('filters by project, method, path pattern, status, time and limit', async () => {
    const startedAt = Date.now();
    const sdk = mock.sdk();
    await sdk.management.user.load('ada@example.com');
    await sdk.management.user.updateDisplayName('ada@example.com', 'A');
    await sdk.management.user.load('missing@example.com');
    await mock.sdk(OTHER_PROJECT).management.user.load('other@example.com');

    const mine = await calls(`?projectId=${TEST_PROJECT.projectId}`);
    expect(mine).toHaveLength(3);
    expect((await calls('?method=post')).map((e: { path: string }) => e.path)).toEqual([
      '/v1/mgmt/user/update/name',
    ]);
    expect(await calls('?path=/v1/mgmt/user/update/*')).toHaveLength(1);
    expect(await calls('?path=/v1/mgmt/user')).toHaveLength(3);
    expect((await calls('?status=404')).map((e: { query: unknown }) => e.query)).toEqual([
      { loginId: 'missing@example.com' },
    ]);
    expect(await calls(`?since=${startedAt}&projectId=${OTHER_PROJECT.projectId}`)).toHaveLength(1);
    expect(await calls(`?since=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    const lastTwo = await journal(`?projectId=${TEST_PROJECT.projectId}&limit=2`);
    expect(lastTwo.map((e: { id: number }) => e.id)).toEqual(mine.slice(1).map((e: { id: number }) => e.id));
  });

  it('answers a bad filter with the Descope error body', async () => {
    const refused = await mock.control('GET', '/_mock/requests?status=abc');
    expectRefused(refused, 400, 'E011001');
  });
});

describe('DELETE /_mock/requests', () => {
  it('clears the journal; later calls are recorded again with higher IDs', async () => {
    const sdk = mock.sdk();
    await sdk.management.user.load('ada@example.com');
    const [before] = await calls();
    expect(await mock.control('DELETE', '/_mock/requests')).toMatchObject({ status: 200, body: {} });
    expect(await journal()).toEqual([]);
    await sdk.management.user.load('ada@example.com');
    const [after] = await calls();
    expect(after.id).toBeGreaterThan(before.id);
  });
});

describe('the journal is bounded', () => {
  it('keeps only the newest --journal-size calls, oldest out first', async () => {
    const small = await startMock({ journalSize: 3 });
    try {
      for (let i = 0; i < 5; i += 1) {
        await small.http('GET', `/v1/mgmt/user?loginId=user${i}@example.com`);
      }
      const { body } = await small.control('GET', '/_mock/requests');
      const loginIds = body.requests.map((e: { query: { loginId: string } }) => e.query.loginId);
      expect(loginIds).toEqual(['user2@example.com', 'user3@example.com', 'user4@example.com']);
      expect(body.journal).toMatchObject({ entries: 3, maxEntries: 3, maxBytes: 32 * 1024 * 1024 });
    } finally {
      await small.close();
    }
  });

  it('keeps bodies within --journal-bytes: a large body shows as truncated, the oldest calls go first', async () => {
    // 64 KiB: a body over 2 KiB is replaced by its size.
    const small = await startMock({ journalBytes: 64 * 1024 });
    try {
      const users = Array.from({ length: 100 }, (_, i) => ({ loginId: `bulk${i}@example.com` }));
      expect((await small.http('POST', '/v1/mgmt/user/create/batch', { body: { users } })).status).toBe(200);
      const [batch] = (await small.control('GET', '/_mock/requests?path=*/batch')).body.requests;
      expect(batch.requestBody).toEqual({ truncated: true, bytes: JSON.stringify({ users }).length });
      expect(batch.responseBody).toEqual({ truncated: true, bytes: expect.any(Number) });

      // 80 request bodies of ~1 KB each: more than 64 KiB, so the first ones have to go.
      const padding = 'n'.repeat(1000);
      for (let i = 0; i < 80; i += 1) {
        const body = { loginId: 'ada@example.com', displayName: `${i} ${padding}` };
        expect((await small.http('POST', '/v1/mgmt/user/update/name', { body })).status).toBe(200);
      }
      const { body } = await small.control('GET', '/_mock/requests');
      expect(body.journal).toEqual({
        entries: body.requests.length,
        bytes: expect.any(Number),
        maxEntries: 1000,
        maxBytes: 64 * 1024,
        maxBodyBytes: 2048,
      });
      expect(body.journal.bytes).toBeLessThanOrEqual(64 * 1024);
      const names = body.requests.map(
        (e: { requestBody: { displayName?: string } }) => e.requestBody.displayName,
      );
      expect(names).not.toContain(`0 ${padding}`);
      expect(names.at(-1)).toBe(`79 ${padding}`);
    } finally {
      await small.close();
    }
  });
});
