import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent, openSitePage, type SitePage } from '../../helpers/browser.js';
import { startMock, type TestMock } from '../../helpers/mock.js';
import { sessionProject } from '../../helpers/session.js';
import { lastSent } from '../../helpers/signIn.js';

/**
 * `@descope/web-js-sdk` (its published browser build, as a page loads it from a CDN) on a page of another
 * origin signs a user in with an email OTP against the mock, the code read from the control plane's outbox
 * as a test would, then shows the user from `me` on the page. Skipped without chromium.
 */
// The package's browser build, which its `exports` map does not name: found beside its entry point.
const entry = createRequire(import.meta.url).resolve('@descope/web-js-sdk');
const WEB_JS = readFileSync(join(entry.slice(0, entry.indexOf('/dist/') + 6), 'index.umd.js'), 'utf8');

const PAGE = `<!doctype html><title>app</title><script src="/web-js.js"></script>
<main><p id="who">signed out</p></main>`;

describe.skipIf(!chromiumPresent)('web-js-sdk in chromium: OTP sign-in, then me', () => {
  let mock: TestMock;
  let opened: SitePage;

  beforeAll(async () => {
    mock = await startMock();
    opened = await openSitePage({
      '/': { type: 'text/html', body: PAGE },
      '/web-js.js': { type: 'text/javascript', body: WEB_JS },
    });
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    await mock?.close();
  });

  it('signs in with the code from the outbox and shows the user', async () => {
    const { projectId } = await sessionProject(mock);
    const loginId = 'ada@example.com';
    const started = await opened.browser.page.evaluate(
      async ({ projectId, baseUrl, loginId }) => {
        const make = (window as unknown as { Descope: (config: object) => any }).Descope;
        const sdk = make({ projectId, baseUrl, persistTokens: true, autoRefresh: false });
        (window as unknown as { sdk: unknown }).sdk = sdk;
        const answer = await sdk.otp.signIn.email(loginId);
        return { ok: answer.ok, error: answer.error };
      },
      { projectId, baseUrl: mock.url, loginId },
    );
    expect(started).toMatchObject({ ok: true });
    const code = (await lastSent(mock, projectId, 'otp', loginId)).token;
    expect(code).toMatch(/^\d{6}$/);
    const shown = await opened.browser.page.evaluate(
      async ({ loginId, code }) => {
        const sdk = (window as unknown as { sdk: any }).sdk;
        const verified = await sdk.otp.verify.email(loginId, code);
        if (!verified.ok) return { verified: verified.error };
        const me = await sdk.me();
        const who = document.getElementById('who') as HTMLElement;
        who.textContent = `${me.data?.name ?? ''} <${me.data?.email ?? ''}>`;
        return { stored: Boolean(localStorage.getItem('DSR')), session: sdk.getSessionToken() };
      },
      { loginId, code },
    );
    expect(shown).toMatchObject({ stored: true });
    expect((shown as { session: string }).session.split('.')).toHaveLength(3);
    expect(await opened.browser.page.locator('#who').textContent()).toContain('<ada@example.com>');
  });
});
