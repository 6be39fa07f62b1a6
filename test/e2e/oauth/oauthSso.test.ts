import DescopeClient from '@descope/node-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectDescopeError, startMock, useMock } from '../../helpers/mock.js';
import { decoded, sessionProject } from '../../helpers/session.js';

/**
 * OAuth (`oauth.start`, `oauth.exchange`) and SSO (`saml.start`, `sso.start`, `saml.exchange`) through the Node
 * SDK, with the non-interactive path (`loginHint`), then `validateSession`; the failures with raw HTTP.
 */

const FIXTURE = {
  name: 'OAuth and SSO',
  tenants: [
    { id: 'T2Saml', name: 'Saml Inc', authType: 'saml', domains: ['saml.test'] },
    { id: 'T2Oidc', name: 'Oidc Inc', authType: 'oidc' },
    { id: 'T2Plain', name: 'No SSO' },
  ],
  users: [
    { loginId: 'ada@example.com', email: 'ada@example.com', status: 'enabled' as const },
    { loginId: 'bob@saml.test', email: 'bob@saml.test', status: 'invited' as const },
    { loginId: 'eve@example.com', status: 'disabled' as const },
  ],
};

const REDIRECT = 'http://app.test/callback';

const mock = useMock({ fixtures: 'none' });
let projectId: string;
let managementKey: string;
let sdk: ReturnType<typeof DescopeClient>;

beforeAll(async () => {
  ({ projectId, managementKey } = await sessionProject(mock, FIXTURE));
  sdk = DescopeClient({ projectId, baseUrl: mock.url });
});

const codeOf = (url: string | undefined): string => new URL(url ?? '').searchParams.get('code') ?? '';
const bearer = () => `Bearer ${projectId}`;

describe('OAuth', () => {
  it('oauth.start with a login hint redirects straight back with a code; oauth.exchange signs in', async () => {
    const started = await sdk.oauth.start('google', REDIRECT, undefined, undefined, 'ada@example.com');
    expect(started.ok).toBe(true);
    const url = new URL((started.data as { url: string }).url);
    expect(`${url.origin}${url.pathname}`).toBe(REDIRECT);
    const exchanged = await sdk.oauth.exchange(codeOf(url.href));
    expect(exchanged.ok).toBe(true);
    expect(exchanged.data?.user?.loginIds).toEqual(['ada@example.com']);
    expect(exchanged.data?.user?.OAuth).toEqual({ google: true });
    expect(exchanged.data?.firstSeen).toBe(true);
    const session = await sdk.validateSession(exchanged.data?.sessionJwt as string);
    expect(session.token).toMatchObject({ iss: projectId, drn: 'DS', amr: ['oauth'] });
    expect(decoded(exchanged.data?.refreshJwt as string).claims.drn).toBe('DSR');
  });

  it('oauth.start without a hint answers the IdP page, whose choice gives the code', async () => {
    const started = await sdk.oauth.start('github', REDIRECT);
    const page = new URL((started.data as { url: string }).url);
    expect(page.origin).toBe(mock.url);
    expect(page.pathname).toMatch(/^\/_mock\/idp\/IA/);
    const answer = await fetch(page.href, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'loginId=ada%40example.com',
    });
    expect(answer.status).toBe(303);
    const exchanged = await sdk.oauth.exchange(codeOf(answer.headers.get('location') ?? ''));
    expect(exchanged.data?.user?.OAuth).toEqual({ google: true, github: true });
    expect(exchanged.data?.firstSeen).toBe(false);
  });

  it('signs up a new email, verified, and puts client custom claims under nsec', async () => {
    const started = await sdk.oauth.start(
      'google',
      REDIRECT,
      { customClaims: { plan: 'pro' } },
      undefined,
      'newcomer@example.com',
    );
    const exchanged = await sdk.oauth.exchange(codeOf((started.data as { url: string }).url));
    expect(exchanged.ok).toBe(true);
    expect(exchanged.data?.user).toMatchObject({
      loginIds: ['newcomer@example.com'],
      email: 'newcomer@example.com',
      verifiedEmail: true,
      status: 'enabled',
    });
    expect(exchanged.data?.firstSeen).toBe(true);
    const { claims } = decoded(exchanged.data?.sessionJwt as string);
    expect(claims.nsec).toEqual({ plan: 'pro' });
    expect(claims.plan).toBeUndefined();
    // A management key appended (the bearer's third part): the claims are trusted, top level (§12).
    const trusted = await mock.http(
      'POST',
      `/v1/auth/oauth/authorize?provider=google&redirectURL=${REDIRECT}&loginHint=ada@example.com`,
      { auth: `Bearer ${projectId}::${managementKey}`, body: { customClaims: { plan: 'pro' } } },
    );
    const session = await sdk.oauth.exchange(codeOf(trusted.body.url));
    expect(decoded(session.data?.sessionJwt as string).claims.plan).toBe('pro');
    // The Node SDK's authManagementKey on a call without a token: `Bearer <projectId>:<managementKey>`.
    const backend = DescopeClient({ projectId, baseUrl: mock.url, authManagementKey: managementKey });
    const hinted = await backend.oauth.start(
      'google',
      REDIRECT,
      { customClaims: { plan: 'team' } },
      undefined,
      'ada@example.com',
    );
    expect(hinted.ok).toBe(true);
    const fromBackend = await sdk.oauth.exchange(codeOf(hinted.data?.url as string));
    const backendClaims = decoded(fromBackend.data?.sessionJwt as string).claims;
    expect(backendClaims.plan).toBe('team');
    expect(backendClaims.nsec).toBeUndefined();
  });

  it('accepts the spec spelling redirectUrl', async () => {
    const started = await mock.http(
      'POST',
      `/v1/auth/oauth/authorize?provider=google&redirectUrl=${encodeURIComponent(REDIRECT)}&loginHint=ada@example.com`,
      { auth: bearer(), body: {} },
    );
    expect(started.status).toBe(200);
    expect(started.body.url).toMatch(/^http:\/\/app\.test\/callback\?code=/);
  });

  it('refuses a missing provider or redirect, a bad redirect, an unknown hint and a disabled user', async () => {
    const start = (query: string) =>
      mock.http('POST', `/v1/auth/oauth/authorize?${query}`, { auth: bearer(), body: {} });
    expectDescopeError((await start(`redirectURL=${REDIRECT}`)).body, 'E011002');
    expectDescopeError((await start('provider=google')).body, 'E011002');
    const bad = await start('provider=google&redirectURL=javascript:alert(1)');
    expect(bad.status).toBe(400);
    expectDescopeError(bad.body, 'E011004');
    const unknown = await start(`provider=google&redirectURL=${REDIRECT}&loginHint=nobody`);
    expect(unknown.status).toBe(400);
    expectDescopeError(unknown.body, 'E062108');
    const disabled = await start(`provider=google&redirectURL=${REDIRECT}&loginHint=eve@example.com`);
    expect(disabled.status).toBe(400);
    const stepup = await mock.http(
      'POST',
      `/v1/auth/oauth/authorize?provider=google&redirectURL=${REDIRECT}`,
      {
        auth: bearer(),
        body: { stepup: true },
      },
    );
    expect(stepup.status).toBe(501);
  });

  it('uses a code once, and refuses an unknown code or one of another flow', async () => {
    const started = await sdk.oauth.start('google', REDIRECT, undefined, undefined, 'ada@example.com');
    const code = codeOf((started.data as { url: string }).url);
    expect((await sdk.oauth.exchange(code)).ok).toBe(true);
    const again = await mock.http('POST', '/v1/auth/oauth/exchange', { auth: bearer(), body: { code } });
    expect(again.status).toBe(401);
    expectDescopeError(again.body, 'E011003');
    const unknown = await mock.http('POST', '/v1/auth/oauth/exchange', {
      auth: bearer(),
      body: { code: 'nope' },
    });
    expect(unknown.status).toBe(401);
    const missing = await mock.http('POST', '/v1/auth/oauth/exchange', { auth: bearer(), body: {} });
    expectDescopeError(missing.body, 'E011002');
    const sso = await sdk.saml.start(
      'T2Saml',
      REDIRECT,
      undefined,
      undefined,
      undefined,
      false,
      'ada@example.com',
    );
    const ssoCode = codeOf((sso.data as { url: string }).url);
    const crossed = await mock.http('POST', '/v1/auth/oauth/exchange', {
      auth: bearer(),
      body: { code: ssoCode },
    });
    expect(crossed.status).toBe(401);
    // Refused, not used up: the SSO exchange still takes it.
    expect((await sdk.saml.exchange(ssoCode)).ok).toBe(true);
  });

  it('refuses a code past its five minutes', async () => {
    let clock = Date.now();
    const pinned = await startMock({ fixtures: 'none' }, { now: () => clock });
    try {
      const { projectId: pid } = await sessionProject(pinned, FIXTURE);
      const client = DescopeClient({ projectId: pid, baseUrl: pinned.url });
      const started = await client.oauth.start('google', REDIRECT, undefined, undefined, 'ada@example.com');
      clock += 5 * 60 * 1000;
      const late = await pinned.http('POST', '/v1/auth/oauth/exchange', {
        auth: `Bearer ${pid}`,
        body: { code: codeOf((started.data as { url: string }).url) },
      });
      expect(late.status).toBe(401);
      expect(late.body.errorMessage).toContain('expired');
    } finally {
      await pinned.close();
    }
  });
});

describe('SSO', () => {
  it('saml.start by tenant ID, then saml.exchange: amr fed, the user joins the tenant and is enabled', async () => {
    const started = await sdk.saml.start(
      'T2Saml',
      REDIRECT,
      undefined,
      undefined,
      undefined,
      false,
      'bob@saml.test',
    );
    expect(started.ok).toBe(true);
    const exchanged = await sdk.saml.exchange(codeOf((started.data as { url: string }).url));
    expect(exchanged.ok).toBe(true);
    expect(exchanged.data?.user).toMatchObject({ status: 'enabled', SAML: true });
    expect(exchanged.data?.user?.userTenants).toEqual([
      expect.objectContaining({ tenantId: 'T2Saml', roleNames: [] }),
    ]);
    const session = await sdk.validateSession(exchanged.data?.sessionJwt as string);
    expect(session.token).toMatchObject({ amr: ['fed'], tenants: { T2Saml: expect.any(Object) } });
  });

  it('sso.start by an email of the tenant domain; sso/authorize and sso/exchange serve Python and Go', async () => {
    const started = await sdk.sso.start(
      'someone@saml.test',
      REDIRECT,
      undefined,
      undefined,
      undefined,
      false,
      'ada@example.com',
    );
    expect(started.ok).toBe(true);
    const viaSso = await mock.http(
      'POST',
      `/v1/auth/sso/authorize?tenant=T2Oidc&redirectURL=${REDIRECT}&loginHint=ada@example.com`,
      { auth: bearer(), body: {} },
    );
    expect(viaSso.status).toBe(200);
    const exchanged = await mock.http('POST', '/v1/auth/sso/exchange', {
      auth: bearer(),
      body: { code: codeOf(viaSso.body.url) },
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.user.OIDC).toBe(true);
    expect((await sdk.validateSession(exchanged.body.sessionJwt)).token.amr).toEqual(['fed']);
  });

  it('without a hint answers the IdP page', async () => {
    const started = await sdk.sso.start('T2Saml', REDIRECT);
    expect(new URL((started.data as { url: string }).url).pathname).toMatch(/^\/_mock\/idp\//);
  });

  it('refuses an unknown tenant and one without SSO (400 E011004), and a missing tenant (E011002)', async () => {
    for (const tenant of ['T2Nothing', 'T2Plain', 'x@nowhere.test']) {
      const answer = await mock.http(
        'POST',
        `/v1/auth/saml/authorize?tenant=${tenant}&redirectURL=${REDIRECT}`,
        {
          auth: bearer(),
          body: {},
        },
      );
      expect(answer.status).toBe(400);
      expectDescopeError(answer.body, 'E011004');
    }
    const missing = await mock.http('POST', `/v1/auth/saml/authorize?redirectURL=${REDIRECT}`, {
      auth: bearer(),
      body: {},
    });
    expectDescopeError(missing.body, 'E011002');
  });
});
