import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectDescopeError, useMock } from '../../helpers/mock.js';
import { ADA_ID, decoded, sessionProject } from '../../helpers/session.js';

/** The OIDC provider endpoints with raw HTTP: discovery, PKCE enforcement, the grants' refusals, logout. */

const mock = useMock({ fixtures: 'none' });
let projectId: string;
const REDIRECT = 'http://app.test/cb';

beforeAll(async () => {
  ({ projectId } = await sessionProject(mock));
});

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${mock.url}${path}`, { redirect: 'manual', headers });

const form = (path: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${mock.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body).toString(),
  });

/** An authorization with a login hint: the code of the redirect. */
async function codeFor(challenge: string, extra: Record<string, string> = {}): Promise<string> {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: projectId,
    redirect_uri: REDIRECT,
    scope: 'openid email',
    state: 'st',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    login_hint: 'ada@example.com',
    ...extra,
  });
  const answer = await get(`/oauth2/v1/authorize?${query}`);
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.get('location') ?? '');
  expect(location.searchParams.get('state')).toBe('st');
  return location.searchParams.get('code') ?? '';
}

const tokenFor = (code: string, verifier: string, extra: Record<string, string> = {}) =>
  form('/oauth2/v1/token', {
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
    client_id: projectId,
    ...extra,
  });

describe('discovery', () => {
  it('answers the issuer and the endpoints on the mock origin, with CORS', async () => {
    const answer = await get(`/${projectId}/.well-known/openid-configuration`, { origin: 'http://app.test' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://app.test');
    const document = await answer.json();
    expect(document).toMatchObject({
      issuer: `${mock.url}/${projectId}`,
      authorization_endpoint: `${mock.url}/oauth2/v1/authorize`,
      token_endpoint: `${mock.url}/oauth2/v1/token`,
      userinfo_endpoint: `${mock.url}/oauth2/v1/userinfo`,
      end_session_endpoint: `${mock.url}/oauth2/v1/logout`,
      jwks_uri: `${mock.url}/${projectId}/.well-known/jwks.json`,
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
    });
    const preflight = await fetch(`${mock.url}/oauth2/v1/token`, {
      method: 'OPTIONS',
      headers: { origin: 'http://app.test', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    const unknown = await mock.http('GET', '/P2Nothing/.well-known/openid-configuration', { auth: null });
    expect(unknown.status).toBe(400);
  });
});

describe('authorize', () => {
  it('sends the browser to the IdP page without a hint', async () => {
    const { challenge } = pkce();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: projectId,
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const answer = await get(`/oauth2/v1/authorize?${query}`);
    expect(answer.status).toBe(302);
    expect(new URL(answer.headers.get('location') ?? '').pathname).toMatch(/^\/_mock\/idp\/IA/);
  });

  it('enforces PKCE S256, the openid scope, a known client and an http(s) redirect', async () => {
    const base = {
      response_type: 'code',
      client_id: projectId,
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
    };
    for (const change of [
      { code_challenge: '' },
      { code_challenge_method: 'plain' },
      { scope: 'email' },
      { client_id: 'P2Nothing' },
      { redirect_uri: 'javascript:alert(1)' },
      { response_type: 'token' },
    ]) {
      const answer = await mock.http(
        'GET',
        `/oauth2/v1/authorize?${new URLSearchParams({ ...base, ...change })}`,
        {
          auth: null,
        },
      );
      expect(answer.status, JSON.stringify(change)).toBe(400);
      expectDescopeError(answer.body, 'E011004');
    }
  });
});

describe('token', () => {
  it('exchanges a code once, for an ID token with the nonce and the scoped claims', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(challenge, { nonce: 'n-1' });
    const answer = await tokenFor(code, verifier);
    expect(answer.status).toBe(200);
    const tokens = await answer.json();
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      scope: 'openid email',
      expires_in: expect.any(Number),
    });
    expect(decoded(tokens.id_token).claims).toMatchObject({
      iss: `${mock.url}/${projectId}`,
      aud: projectId,
      sub: ADA_ID,
      nonce: 'n-1',
      email: 'ada@example.com',
    });
    expect(decoded(tokens.id_token).claims.name).toBeUndefined();
    const again = await tokenFor(code, verifier);
    expect(again.status).toBe(400);
    expect((await again.json()).error).toBe('invalid_grant');
    const info = await get('/oauth2/v1/userinfo', { authorization: `Bearer ${tokens.access_token}` });
    expect(await info.json()).toEqual({
      sub: ADA_ID,
      email: 'ada@example.com',
      email_verified: expect.any(Boolean),
    });
  });

  it('refuses a wrong verifier, another redirect_uri, an unknown client or grant type', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(challenge);
    const wrong = await tokenFor(code, pkce().verifier);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toBe('invalid_grant');
    const otherRedirect = await tokenFor(code, verifier, { redirect_uri: 'http://app.test/other' });
    expect((await otherRedirect.json()).error).toBe('invalid_grant');
    const client = await tokenFor(code, verifier, { client_id: 'P2Nothing' });
    expect(client.status).toBe(401);
    expect((await client.json()).error).toBe('invalid_client');
    const grant = await form('/oauth2/v1/token', { grant_type: 'password', client_id: projectId });
    expect((await grant.json()).error).toBe('unsupported_grant_type');
    // None of the refusals used the code up.
    expect((await tokenFor(code, verifier)).status).toBe(200);
  });

  it('refreshes until the refresh token is revoked; logout revokes every session and goes back', async () => {
    const { verifier, challenge } = pkce();
    const tokens = await (await tokenFor(await codeFor(challenge), verifier)).json();
    const refresh = () =>
      form('/oauth2/v1/token', {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: projectId,
      });
    const refreshed = await refresh();
    expect(refreshed.status).toBe(200);
    expect(decoded((await refreshed.json()).id_token).claims.sub).toBe(ADA_ID);
    expect((await form('/oauth2/v1/revoke', { token: tokens.refresh_token })).status).toBe(200);
    expect((await (await refresh()).json()).error).toBe('invalid_grant');

    const second = pkce();
    const fresh = await (await tokenFor(await codeFor(second.challenge), second.verifier)).json();
    const logout = await get(
      `/oauth2/v1/logout?${new URLSearchParams({
        id_token_hint: fresh.id_token,
        post_logout_redirect_uri: 'http://app.test/bye',
        state: 'z',
      })}`,
    );
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe('http://app.test/bye?state=z');
    const after = await form('/oauth2/v1/token', {
      grant_type: 'refresh_token',
      refresh_token: fresh.refresh_token,
      client_id: projectId,
    });
    expect((await after.json()).error).toBe('invalid_grant');
  });

  it('refuses userinfo without a valid access token', async () => {
    const none = await get('/oauth2/v1/userinfo');
    expect(none.status).toBe(401);
    expect((await none.json()).error).toBe('invalid_token');
    const bad = await get('/oauth2/v1/userinfo', { authorization: 'Bearer not.a.jwt' });
    expect(bad.status).toBe(401);
  });
});
