import DescopeClient from '@descope/node-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { ADA_ID, mint, SESSION_FIXTURE, sessionProject } from '../../helpers/session.js';

/** `logout`, `logoutall` and management `logoutUser` revoke refresh tokens; an expired one is refused too. */

/** A mock clock the tests move, starting an hour in the past (tokens are never issued ahead of real time). */
let clock = Date.now() - 3_600_000;
const mock = useMock({ fixtures: 'none' }, { now: () => clock });
let projectId: string;
let managementKey: string;
let sdk: ReturnType<typeof DescopeClient>;

beforeAll(async () => {
  ({ projectId, managementKey } = await sessionProject(mock));
  sdk = DescopeClient({ projectId, baseUrl: mock.url, managementKey });
});

const refreshOf = async (loginId: string, id = projectId): Promise<string> => {
  const response = await mint(mock, id, { loginId });
  expect(response.status).toBe(201);
  return response.body.refreshJwt;
};

describe('logout', () => {
  it('revokes that refresh token only: a later refresh with it is 401 E064001', async () => {
    const [first, second] = [await refreshOf('ada@example.com'), await refreshOf('ada@example.com')];
    const answer = await sdk.logout(first);
    expect(answer.ok).toBe(true);
    expectRefused(await sdk.refresh(first), 401, 'E064001');
    await expect(sdk.refreshSession(first)).rejects.toThrow(/revoked/);
    expect((await sdk.refresh(second)).ok).toBe(true);
  });

  it('answers {} (core-js reads every success as JSON), and refuses a token already revoked', async () => {
    const refreshJwt = await refreshOf('ada@example.com');
    const auth = `Bearer ${projectId}:${refreshJwt}`;
    expect(await mock.http('POST', '/v1/auth/logout', { auth, body: {} })).toMatchObject({
      status: 200,
      body: {},
    });
    expectRefused(await mock.http('POST', '/v1/auth/logout', { auth, body: {} }), 401, 'E064001');
  });
});

describe("logoutAll and management logoutUser revoke all the user's sessions", () => {
  it('logoutAll: every refresh token of the user issued before, not those after nor other users', async () => {
    const [ada1, ada2, bob] = [
      await refreshOf('ada@example.com'),
      await refreshOf('ada@example.com'),
      await refreshOf('bob@example.com'),
    ];
    expect((await sdk.logoutAll(ada1)).ok).toBe(true);
    expectRefused(await sdk.refresh(ada1), 401, 'E064001');
    expectRefused(await sdk.refresh(ada2), 401, 'E064001');
    expect((await sdk.refresh(bob)).ok).toBe(true);
    // A session issued after the logout, on the same (unmoved) clock, is not revoked.
    const later = await refreshOf('ada@example.com');
    expect((await sdk.refresh(later)).ok).toBe(true);
    // And a second logoutAll on that same clock revokes it.
    expect((await sdk.logoutAll(later)).ok).toBe(true);
    expectRefused(await sdk.refresh(later), 401, 'E064001');
  });

  it('management logoutUser', async () => {
    const refreshJwt = await refreshOf('bob@example.com');
    expect((await sdk.management.user.logoutUser('bob@example.com')).ok).toBe(true);
    expectRefused(await sdk.refresh(refreshJwt), 401, 'E064001');
    expectRefused(await sdk.me(refreshJwt), 401, 'E064001');
  });
});

describe('an expired refresh token', () => {
  it('is refused once the mock clock passes its expiry (refreshTokenTtl)', async () => {
    const { projectId: id } = await sessionProject(mock, { ...SESSION_FIXTURE, refreshTokenTtl: 120 });
    const client = DescopeClient({ projectId: id, baseUrl: mock.url });
    const refreshJwt = await refreshOf('ada@example.com', id);
    expect((await client.refresh(refreshJwt)).ok).toBe(true);
    clock += 121_000;
    expectRefused(await client.refresh(refreshJwt), 401, 'E011003');
    expectRefused(await client.me(refreshJwt), 401, 'E011003');
  });
});

describe('@descope/core-js-sdk from Node', () => {
  it('refresh, me and logout', async () => {
    const { default: createSdk } = await import('@descope/core-js-sdk');
    const core = createSdk({ projectId, baseUrl: mock.url });
    const refreshJwt = await refreshOf('ada@example.com');
    const refreshed = await core.refresh(refreshJwt);
    expect(refreshed.ok).toBe(true);
    expect(refreshed.data?.sessionJwt).toEqual(expect.any(String));
    const me = await core.me(refreshJwt);
    expect(me.data).toMatchObject({ userId: ADA_ID, loginIds: ['ada@example.com'] });
    expect((await core.logout(refreshJwt)).ok).toBe(true);
    const after = await core.refresh(refreshJwt);
    expect(after).toMatchObject({ ok: false, code: 401, error: { errorCode: 'E064001' } });
  });
});
