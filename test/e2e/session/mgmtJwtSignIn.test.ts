import { beforeAll, describe, expect, it } from 'vitest';
import { MGMT_JWT_FIXTURE, mgmtJwtProject } from '../../helpers/mgmtJwt.js';
import { expectDescopeError, type Sdk, useMock } from '../../helpers/mock.js';
import { ADA_ID, decoded } from '../../helpers/session.js';

/** `management.jwt.signIn` (`POST /v1/mgmt/auth/signin`): the session, and what a sign-in leaves behind. */

const mock = useMock({ fixtures: 'none' });
let projectId: string;
let sdk: Sdk;
let auth: string;

beforeAll(async () => {
  ({ projectId, sdk, auth } = await mgmtJwtProject(mock));
});

const signIn = (body: Record<string, unknown>) => mock.http('POST', '/v1/mgmt/auth/signin', { auth, body });

describe('signIn', () => {
  it('answers a JWTResponse with both tokens, which validateSession and validateJwt accept', async () => {
    const { data, ok } = await sdk.management.jwt.signIn('ada@example.com', {
      customClaims: { plan: 'pro' },
    });
    expect(ok).toBe(true);
    expect(data?.refreshJwt).toEqual(expect.any(String));
    expect(data?.user?.loginIds).toEqual(['ada@example.com']);
    const session = await sdk.validateSession(data?.sessionJwt as string);
    expect(session.token).toMatchObject({
      sub: ADA_ID,
      iss: projectId,
      drn: 'DS',
      amr: ['email'],
      roles: ['Viewer', 'Auditor'],
      plan: 'pro',
    });
    const refresh = await sdk.validateJwt(data?.refreshJwt as string);
    expect(refresh.token).toMatchObject({ sub: ADA_ID, drn: 'DSR', plan: 'pro' });
  });

  it('records the sign-in in the history, firstSeen only the first time', async () => {
    const first = await sdk.management.jwt.signIn('carl@example.com');
    const second = await sdk.management.jwt.signIn('carl@example.com');
    expect(first.data?.firstSeen).toBe(true);
    expect(second.data?.firstSeen).toBe(false);
    const carlId = first.data?.user?.userId as string;
    const history = await sdk.management.user.history([carlId]);
    expect(history.data).toHaveLength(2);
    expect(history.data?.[0]).toMatchObject({ userId: carlId, ip: '', selectedTenant: '' });
    const { iat } = decoded(second.data?.sessionJwt as string).claims;
    expect(history.data?.[0]?.loginTime).toBe(iat);
  });

  it('enables an invited user on their first sign-in', async () => {
    expect((await sdk.management.user.load('bob@example.com')).data?.status).toBe('invited');
    const { data } = await sdk.management.jwt.signIn('bob@example.com');
    expect(data?.user?.status).toBe('enabled');
    expect((await sdk.management.user.load('bob@example.com')).data?.status).toBe('enabled');
  });

  it('selects a tenant of the user (Node tenantId, spec selectedTenantId), recorded in the history', async () => {
    const { data } = await sdk.management.jwt.signIn('ada@example.com', { tenantId: 'T2Acme' });
    expect(decoded(data?.sessionJwt as string).claims.dct).toBe('T2Acme');
    const spec = await signIn({ loginId: 'ada@example.com', selectedTenantId: 'T2Globex' });
    expect(decoded(spec.body.sessionJwt).claims.dct).toBe('T2Globex');
    // The Node SDK types no selectedTenant on a login; the wire has it (UsersAuthHistory).
    const history = await mock.http('POST', '/v1/mgmt/user/history', { auth, body: [ADA_ID] });
    expect(history.body.map((login: { selectedTenant: string }) => login.selectedTenant)).toContain('T2Acme');
  });

  it('lets refreshDuration set the refresh lifetime', async () => {
    const { data } = await sdk.management.jwt.signIn('ada@example.com', { refreshDuration: 3600 });
    const refresh = decoded(data?.refreshJwt as string).claims;
    expect(refresh.exp - refresh.iat).toBe(3600);
    expect(data?.cookieMaxAge).toBe(3600);
  });

  it('steps up (su) and adds mfa to amr, given a refresh token of the user', async () => {
    const first = await sdk.management.jwt.signIn('ada@example.com');
    const jwt = first.data?.refreshJwt as string;
    const stepped = await sdk.management.jwt.signIn('ada@example.com', { stepup: true, jwt });
    expect((await sdk.validateSession(stepped.data?.sessionJwt as string)).token).toMatchObject({
      su: true,
      amr: ['email'],
    });
    const mfa = await sdk.management.jwt.signIn('ada@example.com', { mfa: true, jwt });
    const claims = decoded(mfa.data?.sessionJwt as string).claims;
    expect(claims.amr).toEqual(['email', 'mfa']);
    expect(claims.su).toBeUndefined();
  });

  it("revokeOtherSessions revokes the user's earlier refresh tokens, not the new one", async () => {
    const earlier = await sdk.management.jwt.signIn('ada@example.com');
    const latest = await sdk.management.jwt.signIn('ada@example.com', { revokeOtherSessions: true });
    const withEarlier = await signIn({
      loginId: 'ada@example.com',
      stepup: true,
      jwt: earlier.data?.refreshJwt,
    });
    expect(withEarlier.status).toBe(401);
    expectDescopeError(withEarlier.body, 'E064001');
    const withLatest = await signIn({
      loginId: 'ada@example.com',
      stepup: true,
      jwt: latest.data?.refreshJwt,
    });
    expect(withLatest.status).toBe(200);
  });
});

describe('signIn refuses', () => {
  it('an unknown login ID: 400 E062108, the SDK reading the error', async () => {
    const response = await signIn({ loginId: 'nobody@example.com' });
    expect(response.status).toBe(400);
    expect(expectDescopeError(response.body, 'E062108').errorMessage).toBe('Cannot find user');
    const { ok, error } = await sdk.management.jwt.signIn('nobody@example.com');
    expect(ok).toBe(false);
    expect(error?.errorCode).toBe('E062108');
  });

  it('a disabled user, writing nothing: 400 E011004', async () => {
    const eve = MGMT_JWT_FIXTURE.users.find((user) => user.loginId === 'eve@example.com');
    expect(eve?.status).toBe('disabled');
    const response = await signIn({ loginId: 'eve@example.com' });
    expect(response.status).toBe(400);
    expect(expectDescopeError(response.body, 'E011004').errorMessage).toContain('disabled');
    const userId = (await sdk.management.user.load('eve@example.com')).data?.userId as string;
    expect((await sdk.management.user.history([userId])).data).toEqual([]);
  });

  it('stepup or mfa without a jwt (400 E011002), with a bad one or a session token (400 E011004)', async () => {
    const none = await signIn({ loginId: 'ada@example.com', stepup: true });
    expect(none.status).toBe(400);
    expectDescopeError(none.body, 'E011002');
    const session = (await sdk.management.jwt.signIn('ada@example.com')).data?.sessionJwt;
    for (const jwt of ['not-a-jwt', session]) {
      const response = await signIn({ loginId: 'ada@example.com', mfa: true, jwt });
      expect(response.status).toBe(400);
      expectDescopeError(response.body, 'E011004');
    }
  });

  it("another user's refresh token for stepup: 400 E011004", async () => {
    const carl = (await sdk.management.jwt.signIn('carl@example.com')).data?.refreshJwt;
    const response = await signIn({ loginId: 'ada@example.com', stepup: true, jwt: carl });
    expect(response.status).toBe(400);
    expect(expectDescopeError(response.body, 'E011004').errorMessage).toContain('another user');
  });

  it('a reserved custom claim, a tenant the user is not in, a negative refreshDuration: 400 E011004', async () => {
    for (const body of [
      { loginId: 'carl@example.com', customClaims: { roles: ['Admin'] } },
      { loginId: 'carl@example.com', tenantId: 'T2Acme' },
      { loginId: 'carl@example.com', refreshDuration: -1 },
    ]) {
      const response = await signIn(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expectDescopeError(response.body, 'E011004');
    }
  });

  it('without the management key: 401', async () => {
    const response = await mock.http('POST', '/v1/mgmt/auth/signin', {
      auth: `Bearer ${projectId}`,
      body: { loginId: 'ada@example.com' },
    });
    expect(response.status).toBe(401);
  });
});
