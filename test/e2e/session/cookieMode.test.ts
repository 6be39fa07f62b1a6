import DescopeClient from '@descope/node-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { ControlClient } from '../../../src/harness/client.js';
import { useMock } from '../../helpers/mock.js';
import { ADA_ID, decoded, mint, SESSION_FIXTURE, sessionProject } from '../../helpers/session.js';

/**
 * Cookie mode (descope-auth-api.md §4.2): a project with `refreshTokenInCookie` (`sessionTokenInCookie`)
 * answers the DSR (DS) token in `Set-Cookie`, not in the JWTResponse body.
 */

const mock = useMock({ fixtures: 'none' });
let refreshOnly: string;
let both: string;

beforeAll(async () => {
  refreshOnly = (await sessionProject(mock, { ...SESSION_FIXTURE, refreshTokenInCookie: true })).projectId;
  both = (
    await sessionProject(mock, { ...SESSION_FIXTURE, refreshTokenInCookie: true, sessionTokenInCookie: true })
  ).projectId;
});

/** The value of cookie `name` among the response's Set-Cookie lines, and its line. */
const cookieOf = (headers: Headers, name: string) => {
  const line = headers.getSetCookie().find((candidate) => candidate.startsWith(`${name}=`));
  return { line, value: line ? line.slice(name.length + 1).split(';')[0] : undefined };
};

describe('refreshTokenInCookie', () => {
  it('the minter sets DSR (HttpOnly, Secure, SameSite=None, Max-Age) and leaves refreshJwt out of the body', async () => {
    const minted = await mint(mock, refreshOnly, { loginId: 'ada@example.com' });
    expect(minted.status).toBe(201);
    expect(minted.body).not.toHaveProperty('refreshJwt');
    expect(minted.body.sessionJwt).toEqual(expect.any(String));
    const { line, value } = cookieOf(minted.headers, 'DSR');
    expect(line).toMatch(
      new RegExp(
        `^DSR=[^;]+; Path=/; Max-Age=${minted.body.cookieMaxAge}; Expires=[^;]+ GMT; HttpOnly; Secure; SameSite=None$`,
      ),
    );
    expect(decoded(value as string).claims).toMatchObject({ drn: 'DSR', sub: ADA_ID });
    expect(cookieOf(minted.headers, 'DS').line).toBeUndefined();
  });

  it('refresh reads the DSR cookie alone, and answers the refresh token as a cookie again', async () => {
    const minted = await mint(mock, refreshOnly, { loginId: 'ada@example.com' });
    const dsr = cookieOf(minted.headers, 'DSR').value as string;
    const refreshed = await mock.http('POST', '/v1/auth/refresh', {
      auth: `Bearer ${refreshOnly}`,
      headers: { cookie: `other=1; DSR=${dsr}` },
      body: {},
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).not.toHaveProperty('refreshJwt');
    expect(decoded(refreshed.body.sessionJwt).claims.sub).toBe(ADA_ID);
    expect(cookieOf(refreshed.headers, 'DSR').value).toBe(dsr);
  });

  it("the Node SDK's refreshSession still works: it takes DSR from Set-Cookie", async () => {
    const minted = await mint(mock, refreshOnly, { loginId: 'ada@example.com' });
    const dsr = cookieOf(minted.headers, 'DSR').value as string;
    const sdk = DescopeClient({ projectId: refreshOnly, baseUrl: mock.url });
    const info = await sdk.refreshSession(dsr);
    expect(info.token.sub).toBe(ADA_ID);
    expect(info.refreshJwt).toBe(dsr);
    expect(info.cookies?.join(', ')).toContain(`DSR=${dsr};`);
    expect(sdk.validateTenantRoles(info, 'T2Acme', ['Approver'])).toBe(true);
  });

  it('tenant/select sets the new refresh token as DSR', async () => {
    const dsr = cookieOf(
      (await mint(mock, refreshOnly, { loginId: 'ada@example.com' })).headers,
      'DSR',
    ).value;
    const selected = await mock.http('POST', '/v1/auth/tenant/select', {
      auth: `Bearer ${refreshOnly}:${dsr}`,
      body: { tenant: 'T2Acme' },
    });
    expect(selected.status).toBe(200);
    expect(selected.body).not.toHaveProperty('refreshJwt');
    expect(decoded(cookieOf(selected.headers, 'DSR').value as string).claims.dct).toBe('T2Acme');
  });
});

describe('sessionTokenInCookie too', () => {
  it('sets DS (readable by the page: not HttpOnly) and leaves both tokens out of the body', async () => {
    const minted = await mint(mock, both, { loginId: 'ada@example.com' });
    expect(minted.body).not.toHaveProperty('sessionJwt');
    expect(minted.body).not.toHaveProperty('refreshJwt');
    const { line, value } = cookieOf(minted.headers, 'DS');
    expect(line).toMatch(/^DS=[^;]+; Path=\/; Max-Age=600; Expires=[^;]+ GMT; Secure; SameSite=None$/);
    expect(decoded(value as string).claims.drn).toBe('DS');
  });

  it("the Node SDK's refreshSession reads the new session from the DS cookie", async () => {
    const dsr = cookieOf((await mint(mock, both, { loginId: 'ada@example.com' })).headers, 'DSR')
      .value as string;
    const info = await DescopeClient({ projectId: both, baseUrl: mock.url }).refreshSession(dsr);
    expect(info.token).toMatchObject({ sub: ADA_ID, drn: 'DS' });
  });

  it('logout sends both cookies expired', async () => {
    const dsr = cookieOf((await mint(mock, both, { loginId: 'ada@example.com' })).headers, 'DSR').value;
    const answer = await mock.http('POST', '/v1/auth/logout', {
      auth: `Bearer ${both}`,
      headers: { cookie: `DSR=${dsr}` },
      body: {},
    });
    expect(answer).toMatchObject({ status: 200, body: {} });
    expect(answer.headers.getSetCookie()).toEqual([
      'DSR=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=None',
      'DS=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; SameSite=None',
    ]);
  });

  it("the harness's mintSession hands both tokens back, from the cookies", async () => {
    const minted = await new ControlClient(mock.url).mintSession('ada@example.com', { projectId: both });
    expect(decoded(minted.sessionJwt).claims.drn).toBe('DS');
    expect(decoded(minted.refreshJwt).claims.drn).toBe('DSR');
  });
});

describe('body mode (the default)', () => {
  it('sets no cookie, on a sign-in answer or a logout', async () => {
    const { projectId } = await sessionProject(mock);
    const minted = await mint(mock, projectId, { loginId: 'ada@example.com' });
    expect(minted.headers.getSetCookie()).toEqual([]);
    const answer = await mock.http('POST', '/v1/auth/logout', {
      auth: `Bearer ${projectId}:${minted.body.refreshJwt}`,
      body: {},
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.getSetCookie()).toEqual([]);
  });
});

describe('the settings', () => {
  it('are kept by a snapshot and a reset', async () => {
    const snapshot = (await mock.control('GET', `/_mock/projects/${both}/snapshot`)).body;
    expect(snapshot).toMatchObject({ refreshTokenInCookie: true, sessionTokenInCookie: true });
    const { projectId } = await sessionProject(mock);
    expect((await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body).not.toHaveProperty(
      'refreshTokenInCookie',
    );
    expect((await mock.control('POST', '/_mock/reset', { projectId: refreshOnly })).status).toBe(200);
    const minted = await mint(mock, refreshOnly, { loginId: 'ada@example.com' });
    expect(minted.body).not.toHaveProperty('refreshJwt');
  });
});
