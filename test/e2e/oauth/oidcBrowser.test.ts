import DescopeClient from '@descope/node-sdk';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, chromiumPresent, openBrowser, type Site, startSite } from '../../helpers/browser.js';
import { startMock, type TestMock } from '../../helpers/mock.js';
import { ADA_ID, sessionProject } from '../../helpers/session.js';

/**
 * Descope as an OIDC provider, driven by `openid-client` 6 with a real chromium: discovery, an authorization
 * URL with a PKCE S256 challenge, the browser on the mock's IdP page picking a user, back on a local redirect
 * URL with the code, the code grant, the ID token checked against the jwks, userinfo and a refresh.
 * openid-client refuses http:// issuers unless told: `allowInsecureRequests` (the mock serves plain HTTP).
 */
describe.skipIf(!chromiumPresent)('the OIDC authorization-code flow with PKCE in chromium', () => {
  let mock: TestMock;
  let site: Site;
  let browser: Browser;
  let projectId: string;

  beforeAll(async () => {
    mock = await startMock({ fixtures: 'none' });
    ({ projectId } = await sessionProject(mock));
    site = await startSite();
    browser = await openBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await mock?.close();
  });

  it('signs a user in through the IdP page and validates the ID token against the jwks', async () => {
    const issuer = new URL(`${mock.url}/${projectId}`);
    const config = await client.discovery(issuer, projectId, undefined, undefined, {
      execute: [client.allowInsecureRequests],
    });
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(issuer.href);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);

    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const redirectUri = `${site.url}/callback`;
    const authorizationUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile roles offline_access',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });

    const { page } = browser;
    await page.goto(authorizationUrl.href);
    expect(new URL(page.url()).pathname).toMatch(/^\/_mock\/idp\/IA/);
    await page.getByRole('button', { name: /ada@example\.com/ }).click();
    await page.waitForURL((url) => url.href.startsWith(redirectUri));
    const callback = new URL(page.url());
    expect(callback.searchParams.get('state')).toBe(state);

    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    const claims = tokens.claims();
    expect(claims).toMatchObject({ sub: ADA_ID, aud: projectId, nonce, email: 'ada@example.com' });

    const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri as string));
    const verified = await jwtVerify(tokens.id_token as string, jwks, {
      issuer: issuer.href,
      audience: projectId,
    });
    expect(verified.payload).toMatchObject({
      sub: ADA_ID,
      email_verified: expect.any(Boolean),
      roles: ['Viewer', 'Auditor'],
    });
    expect(verified.protectedHeader.alg).toBe('RS256');

    const info = await client.fetchUserInfo(config, tokens.access_token, ADA_ID);
    expect(info).toMatchObject({ sub: ADA_ID, email: 'ada@example.com' });

    // The access token is a Descope session token: the Node SDK validates it.
    const sdk = DescopeClient({ projectId, baseUrl: mock.url });
    const session = await sdk.validateSession(tokens.access_token);
    expect(session.token).toMatchObject({ sub: ADA_ID, drn: 'DS' });
    // Its own iss is the issuer URL (§8.2); the SDK takes the project ID from its last segment.
    expect(decodeJwt(tokens.access_token).iss).toBe(issuer.href);

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token as string);
    expect(decodeJwt(refreshed.access_token)).toMatchObject({ sub: ADA_ID, drn: 'DS' });
    expect(refreshed.claims()?.sub).toBe(ADA_ID);
  }, 60_000);
});
