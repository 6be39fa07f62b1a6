import { beforeAll, describe, expect, it } from 'vitest';
import { mgmtJwtProject } from '../../helpers/mgmtJwt.js';
import { expectDescopeError, type Sdk, startMock, useMock } from '../../helpers/mock.js';
import { ADA_ID, decoded, sessionProject } from '../../helpers/session.js';

/** `management.jwt.update` (`POST /v1/mgmt/jwt/update`) and `management.jwt.anonymous`. */

const mock = useMock({ fixtures: 'none' });
let projectId: string;
let sdk: Sdk;
let auth: string;

beforeAll(async () => {
  ({ projectId, sdk, auth } = await mgmtJwtProject(mock));
});

const signedIn = async () => {
  const { data } = await sdk.management.jwt.signIn('ada@example.com', { customClaims: { plan: 'free' } });
  return { sessionJwt: data?.sessionJwt as string, refreshJwt: data?.refreshJwt as string };
};

describe('update', () => {
  it('re-signs a session token with the custom claims merged at the top level, the rest kept', async () => {
    const { sessionJwt } = await signedIn();
    const { data, ok } = await sdk.management.jwt.update(sessionJwt, { plan: 'pro', seats: 5 });
    expect(ok).toBe(true);
    const { token } = await sdk.validateSession(data?.jwt as string);
    const { plan: _, ...before } = decoded(sessionJwt).claims;
    expect(token).toEqual({ ...before, plan: 'pro', seats: 5 });
  });

  it('re-signs a refresh token, refreshDuration setting its expiry from now; its ID kept', async () => {
    const { refreshJwt } = await signedIn();
    // The expiry counts from the update call, not from the token's iat: bracket the call by the clock (a
    // second may tick between sign-in and update, so `exp - iat` alone would be flaky).
    const startedS = Math.floor(Date.now() / 1000);
    const { data } = await sdk.management.jwt.update(refreshJwt, { tier: 2 }, 60);
    const endedS = Math.floor(Date.now() / 1000);
    const { token } = await sdk.validateJwt(data?.jwt as string);
    const before = decoded(refreshJwt).claims;
    expect(token).toMatchObject({ sub: ADA_ID, drn: 'DSR', jti: before.jti, tier: 2, plan: 'free' });
    expect(token.exp as number).toBeGreaterThanOrEqual(startedS + 60);
    expect(token.exp as number).toBeLessThanOrEqual(endedS + 60);
  });

  it("leaves a session token's expiry alone whatever refreshDuration says", async () => {
    const { sessionJwt } = await signedIn();
    const { data } = await sdk.management.jwt.update(sessionJwt, {}, 60);
    expect(decoded(data?.jwt as string).claims.exp).toBe(decoded(sessionJwt).claims.exp);
  });

  it('refuses a reserved claim: 400 E011004', async () => {
    const { sessionJwt } = await signedIn();
    for (const name of ['sub', 'tenants', 'exp', 'danu']) {
      const response = await mock.http('POST', '/v1/mgmt/jwt/update', {
        auth,
        body: { jwt: sessionJwt, customClaims: { [name]: 'x' } },
      });
      expect(response.status, name).toBe(400);
      expect(expectDescopeError(response.body, 'E011004').errorMessage).toContain(`"${name}"`);
    }
  });

  it("refuses a bad, tampered or other project's token (400 E011004) and none (400 E011002)", async () => {
    const { sessionJwt } = await signedIn();
    const other = await sessionProject(mock);
    const foreign = await mock.sdk(other).management.jwt.signIn('ada@example.com');
    const [header, payload, signature] = sessionJwt.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...decoded(sessionJwt).claims, roles: ['Admin'] })).toString('base64url')}.${signature}`;
    expect(payload).not.toBe(tampered.split('.')[1]);
    for (const jwt of ['not-a-jwt', tampered, foreign.data?.sessionJwt]) {
      const response = await mock.http('POST', '/v1/mgmt/jwt/update', {
        auth,
        body: { jwt, customClaims: {} },
      });
      expect(response.status).toBe(400);
      expectDescopeError(response.body, 'E011004');
    }
    const none = await mock.http('POST', '/v1/mgmt/jwt/update', { auth, body: { customClaims: { a: 1 } } });
    expect(none.status).toBe(400);
    expectDescopeError(none.body, 'E011002');
  });

  it('refuses a token expired by the server clock: 400 E011004', async () => {
    let clockMs = Date.UTC(2025, 0, 15, 12, 0, 0);
    const clocked = await startMock({ fixtures: 'none' }, { now: () => clockMs });
    try {
      const credentials = await sessionProject(clocked);
      const { data } = await clocked.sdk(credentials).management.jwt.signIn('ada@example.com');
      const body = { jwt: data?.sessionJwt, customClaims: { a: 1 } };
      const bearer = `Bearer ${credentials.projectId}:${credentials.managementKey}`;
      const fresh = await clocked.http('POST', '/v1/mgmt/jwt/update', { auth: bearer, body });
      expect(fresh.status).toBe(200);
      clockMs += 601_000;
      const expired = await clocked.http('POST', '/v1/mgmt/jwt/update', { auth: bearer, body });
      expect(expired.status).toBe(400);
      expect(expectDescopeError(expired.body, 'E011004').errorMessage).toContain('expired');
    } finally {
      await clocked.close();
    }
  });
});

describe('anonymous', () => {
  it('answers both tokens and the cookie fields, for a subject no stored user has: danu, no amr', async () => {
    const { data, ok } = await sdk.management.jwt.anonymous({ cart: 'c-1' }, 'T2Acme', 3600);
    expect(ok).toBe(true);
    expect(Object.keys(data ?? {}).sort()).toEqual(
      ['cookieDomain', 'cookieExpiration', 'cookieMaxAge', 'cookiePath', 'refreshJwt', 'sessionJwt'].sort(),
    );
    expect(data).toMatchObject({ cookieDomain: '', cookiePath: '/', cookieMaxAge: 3600 });
    const { token } = await sdk.validateSession(data?.sessionJwt as string);
    expect(token).toMatchObject({ iss: projectId, drn: 'DS', danu: true, cart: 'c-1', dct: 'T2Acme' });
    expect(token.sub).toMatch(/^U2[A-Za-z0-9]{26}$/);
    expect(token.amr).toBeUndefined();
    expect(token.roles).toBeUndefined();
    const refresh = await sdk.validateJwt(data?.refreshJwt as string);
    expect(refresh.token).toMatchObject({ sub: token.sub, drn: 'DSR', danu: true });
    expect(data?.cookieExpiration).toBe(refresh.token.exp);
    expect((await sdk.management.user.load(token.sub as string)).ok).toBe(false);
  });

  it('refreshes like any session (no user in the answer), and logs out', async () => {
    const { data } = await sdk.management.jwt.anonymous({ cart: 'c-2' }, 'T2Acme');
    const refreshJwt = data?.refreshJwt as string;
    const subject = decoded(refreshJwt).claims.sub;
    const refreshed = await sdk.refreshSession(refreshJwt);
    expect(refreshed.token).toMatchObject({
      sub: subject,
      drn: 'DS',
      danu: true,
      cart: 'c-2',
      dct: 'T2Acme',
    });
    const bearer = `Bearer ${projectId}:${refreshJwt}`;
    const raw = await mock.http('POST', '/v1/auth/refresh', { auth: bearer, body: {} });
    expect(raw.status).toBe(200);
    expect(raw.body.user).toBeUndefined();
    expect(raw.body).toMatchObject({ refreshJwt, firstSeen: false });
    // `me` has no user to answer for an anonymous session.
    expectDescopeError((await mock.http('GET', '/v1/auth/me', { auth: bearer })).body, 'E011003');
    expect((await mock.http('POST', '/v1/auth/logout', { auth: bearer, body: {} })).status).toBe(200);
    const after = await mock.http('POST', '/v1/auth/refresh', { auth: bearer, body: {} });
    expect(after.status).toBe(401);
    expectDescopeError(after.body, 'E064001');
  });

  it('gives each anonymous session a new subject', async () => {
    const first = await sdk.management.jwt.anonymous();
    const second = await sdk.management.jwt.anonymous();
    expect(decoded(first.data?.sessionJwt as string).claims.sub).not.toBe(
      decoded(second.data?.sessionJwt as string).claims.sub,
    );
  });

  it('refuses a reserved claim or an unknown tenant: 400 E011004', async () => {
    for (const body of [{ customClaims: { danu: false } }, { selectedTenant: 'T2Nowhere' }]) {
      const response = await mock.http('POST', '/v1/mgmt/auth/anonymous', { auth, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expectDescopeError(response.body, 'E011004');
    }
  });
});
