import { beforeAll, describe, expect, it } from 'vitest';
import { startAuthorization } from '../../../src/app/authorization.js';
import type { AuthorizationRequest } from '../../../src/domain/authorization.js';
import { expectDescopeError, startMock, type TestMock, useMock } from '../../helpers/mock.js';
import { sessionProject } from '../../helpers/session.js';

/** The mock's IdP page (`/_mock/idp/<id>`) with raw HTTP: the form, escaping, access, single use, expiry. */

const REQUEST: AuthorizationRequest = {
  kind: 'oauth',
  provider: 'google',
  tenantId: '',
  redirectUrl: 'http://app.test/callback?from=idp',
  state: '',
  codeChallenge: '',
  nonce: '',
  scope: '',
  clientId: '',
  loginOptions: {},
};

const HOSTILE_NAME = '<script>alert("x")</script> & \'Ada\'';

const mock = useMock({ fixtures: 'none' });
let projectId: string;

beforeAll(async () => {
  ({ projectId } = await sessionProject(mock, {
    name: 'IdP page',
    users: [
      { loginId: 'ada@example.com', email: 'ada@example.com', name: HOSTILE_NAME, status: 'enabled' },
      ...Array.from({ length: 59 }, (_, index) => ({
        loginId: `user${String(index).padStart(2, '0')}@example.com`,
        status: 'enabled' as const,
      })),
      { loginId: 'eve@example.com', status: 'disabled' },
    ],
  }));
});

/** A new pending authorization of the project: the page's path. */
function pagePath(target: TestMock = mock, request: AuthorizationRequest = REQUEST, pid = projectId): string {
  const url = startAuthorization(target.app.services, pid, request, target.url, undefined);
  return new URL(url).pathname;
}

/** Posts the page's form as a browser does: urlencoded, from the mock's own origin. */
const submit = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${mock.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: mock.url, ...headers },
    body: new URLSearchParams(form).toString(),
  });

const buttons = (html: string): string[] =>
  [...html.matchAll(/<button type="submit" name="loginId" value="([^"]*)"/g)].map((match) => match[1] ?? '');

describe('GET /_mock/idp/:authorizationId', () => {
  it('answers an HTML form of the first 50 users, with a search box and a typed login ID', async () => {
    const path = pagePath();
    expect(path).toMatch(/^\/_mock\/idp\/IA[A-Za-z0-9]{38}$/);
    const page = await mock.http('GET', path, { auth: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = page.body as string;
    expect(buttons(html)).toHaveLength(50);
    expect(html).toContain('the first 50 of 61');
    expect(html).toContain(`<form method="get" action="${path}" role="search">`);
    expect(html).toContain('<input id="loginId" name="loginId" type="text" required');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('OAuth provider &quot;google&quot;');
    expect(html).toContain('http://app.test');
  });

  it('escapes every value it shows', async () => {
    const page = await mock.http('GET', `${pagePath()}?q=${encodeURIComponent('ada"><b>')}`, { auth: null });
    const html = page.body as string;
    expect(html).toContain('value="ada&quot;&gt;&lt;b&gt;"');
    expect(html).not.toContain('ada"><b>');
    const named = await mock.http('GET', `${pagePath()}?q=ada`, { auth: null });
    expect(named.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ada&#39;');
    expect(named.body).not.toMatch(/<script/i);
  });

  it('narrows the list with the search box', async () => {
    const page = await mock.http('GET', `${pagePath()}?q=user0`, { auth: null });
    expect(buttons(page.body as string)).toEqual(
      Array.from({ length: 10 }, (_, index) => `user0${index}@example.com`),
    );
  });

  it('refuses an unknown authorization', async () => {
    const page = await mock.http('GET', '/_mock/idp/IAnothing', { auth: null });
    expect(page.status).toBe(400);
    expectDescopeError(page.body, 'E011004');
  });
});

describe('POST /_mock/idp/:authorizationId', () => {
  it('redirects (303) to the redirect URL with the code, once', async () => {
    const path = pagePath();
    const answer = await submit(path, { loginId: 'ada@example.com' });
    expect(answer.status).toBe(303);
    const location = new URL(answer.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('http://app.test/callback');
    expect(location.searchParams.get('from')).toBe('idp');
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9]{43}$/);
    const again = await submit(path, { loginId: 'ada@example.com' });
    expect(again.status).toBe(400);
    expectDescopeError(await again.json(), 'E011004');
    expect((await mock.http('GET', path, { auth: null })).status).toBe(400);
  });

  it('echoes an OIDC state on the redirect', async () => {
    const path = pagePath(mock, { ...REQUEST, kind: 'oidc', state: 's t&ate' });
    const answer = await submit(path, { loginId: 'user01@example.com' });
    expect(new URL(answer.headers.get('location') ?? '').searchParams.get('state')).toBe('s t&ate');
  });

  it('takes a new email (a sign-up at the exchange), refuses an unknown non-email and a disabled user', async () => {
    expect((await submit(pagePath(), { loginId: 'new@example.com' })).status).toBe(303);
    const unknown = await submit(pagePath(), { loginId: 'nobody' });
    expect(unknown.status).toBe(400);
    expectDescopeError(await unknown.json(), 'E062108');
    const disabled = await submit(pagePath(), { loginId: 'eve@example.com' });
    expect(disabled.status).toBeGreaterThanOrEqual(400);
    expect((await submit(pagePath(), {})).status).toBe(400);
  });

  it("refuses another site's post, a cross-site fetch and a body that is not the page's form", async () => {
    const path = pagePath();
    const foreign = await submit(path, { loginId: 'ada@example.com' }, { origin: 'http://evil.test' });
    expect(foreign.status).toBe(403);
    expectDescopeError(await foreign.json(), 'E000403');
    const crossSite = await submit(path, { loginId: 'ada@example.com' }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const json = await fetch(`${mock.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: 'ada@example.com' }),
    });
    expect(json.status).toBe(415);
    // None of them used the page up.
    expect((await submit(path, { loginId: 'ada@example.com' })).status).toBe(303);
  });

  it('refuses a redirect URL that is not absolute http(s) before any page exists', () => {
    for (const redirectUrl of ['javascript:alert(1)', '/relative', 'data:text/html,x', '']) {
      expect(() => pagePath(mock, { ...REQUEST, redirectUrl })).toThrow(/redirect URL/);
    }
  });
});

describe('an expired page', () => {
  it('is refused after ten minutes', async () => {
    let clock = Date.now();
    const pinned = await startMock({ fixtures: 'none' }, { now: () => clock });
    try {
      const { projectId: pid } = await sessionProject(pinned);
      const path = pagePath(pinned, REQUEST, pid);
      clock += 10 * 60 * 1000 - 1;
      expect((await pinned.http('GET', path, { auth: null })).status).toBe(200);
      clock += 1;
      const late = await pinned.http('GET', path, { auth: null });
      expect(late.status).toBe(400);
      expectDescopeError(late.body, 'E011004');
    } finally {
      await pinned.close();
    }
  });
});
