import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent, openSitePage, type SitePage } from '../../helpers/browser.js';
import { startMock, TEST_PROJECT, type TestMock } from '../../helpers/mock.js';

/**
 * A page of another origin (a tiny server on another port) calls the key route as web-js does, with
 * credentials and an SDK header, so chromium sends a preflight and enforces the answer. Skipped when no
 * chromium is installed (test/helpers/browser.ts).
 */
describe.skipIf(!chromiumPresent)('CORS in chromium', () => {
  let mock: TestMock;
  let narrowed: TestMock;
  let opened: SitePage;

  beforeAll(async () => {
    mock = await startMock();
    narrowed = await startMock({ corsOrigins: 'https://elsewhere.example.test' });
    opened = await openSitePage();
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    await mock?.close();
    await narrowed?.close();
  });

  const fetchKeys = (base: string) =>
    opened.browser.page.evaluate(async (url) => {
      try {
        const response = await fetch(url, {
          credentials: 'include',
          headers: { 'x-descope-sdk-name': 'web-js' },
        });
        return {
          status: response.status,
          keys: ((await response.json()) as { keys: unknown[] }).keys.length,
        };
      } catch (error) {
        return { failed: String(error) };
      }
    }, `${base}/v2/keys/${TEST_PROJECT.projectId}`);

  it('lets a page of another origin read the keys with credentials and an SDK header', async () => {
    expect(new URL(opened.site.url).origin).not.toBe(new URL(mock.url).origin);
    const result = await fetchKeys(mock.url);
    expect(result).toMatchObject({ status: 200 });
    expect((result as { keys: number }).keys).toBeGreaterThan(0);
  });

  it('is refused by the browser when the origin is not in --cors-origins', async () => {
    const result = await fetchKeys(narrowed.url);
    expect(result).toMatchObject({ failed: expect.stringContaining('Failed to fetch') });
  });
});
