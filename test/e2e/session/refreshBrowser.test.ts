import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent, openSitePage, type SitePage } from '../../helpers/browser.js';
import { startMock, type TestMock } from '../../helpers/mock.js';
import { ADA_ID, decoded, mint, sessionProject } from '../../helpers/session.js';

/**
 * `@descope/core-js-sdk` (the base of every browser SDK), bundled for the browser, on a page of another
 * origin: it refreshes a session and reads `me` from the mock with its own fetch (credentials included,
 * SDK headers), so chromium preflights each call and enforces the CORS answer. Skipped without chromium.
 */
describe.skipIf(!chromiumPresent)('core-js-sdk in chromium, from another origin', () => {
  let mock: TestMock;
  let narrowed: TestMock;
  let opened: SitePage;

  beforeAll(async () => {
    mock = await startMock();
    narrowed = await startMock({ corsOrigins: 'https://elsewhere.example.test' });
    const bundle = await build({
      stdin: {
        contents: "import createSdk from '@descope/core-js-sdk'; window.createSdk = createSdk;",
        resolveDir: process.cwd(),
      },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    opened = await openSitePage({
      '/': {
        type: 'text/html',
        body: '<!doctype html><title>app</title><script src="/sdk.js"></script>',
      },
      '/sdk.js': { type: 'text/javascript', body: bundle.outputFiles[0]?.text ?? '' },
    });
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    await mock?.close();
    await narrowed?.close();
  });

  /** Runs the SDK's refresh then me in the page, against `baseUrl`. */
  const refreshInPage = (baseUrl: string, projectId: string, refreshJwt: string) =>
    opened.browser.page.evaluate(
      async ({ baseUrl, projectId, refreshJwt }) => {
        const sdk = (window as unknown as { createSdk: (config: object) => any }).createSdk({
          projectId,
          baseUrl,
        });
        const refreshed = await sdk.refresh(refreshJwt);
        const me = await sdk.me(refreshJwt);
        return {
          refreshed: { ok: refreshed.ok, sessionJwt: refreshed.data?.sessionJwt, error: refreshed.error },
          me: { ok: me.ok, userId: me.data?.userId, error: me.error },
        };
      },
      { baseUrl, projectId, refreshJwt },
    );

  it('refreshes the session and reads the user across origins', async () => {
    expect(new URL(opened.site.url).origin).not.toBe(new URL(mock.url).origin);
    const { projectId } = await sessionProject(mock);
    const minted = await mint(mock, projectId, { loginId: 'ada@example.com' });
    const result = await refreshInPage(mock.url, projectId, minted.body.refreshJwt);
    expect(result.refreshed.ok).toBe(true);
    expect(decoded(result.refreshed.sessionJwt).claims).toMatchObject({ sub: ADA_ID, drn: 'DS' });
    expect(result.me).toMatchObject({ ok: true, userId: ADA_ID });
  });

  it('is refused by the browser itself when the origin is not in --cors-origins', async () => {
    const { projectId } = await sessionProject(narrowed);
    const minted = await mint(narrowed, projectId, { loginId: 'ada@example.com' });
    await expect(refreshInPage(narrowed.url, projectId, minted.body.refreshJwt)).rejects.toThrow(
      /Failed to fetch/,
    );
  });
});
