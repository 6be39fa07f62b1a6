import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_PATH } from '../../src/openapi.js';
import { type Browser, chromiumPresent, openBrowser } from '../helpers/browser.js';
import { startMock, TEST_PROJECT, type TestMock } from '../helpers/mock.js';

/**
 * The docs page in a real browser (Debian's chromium, driven by playwright-core): it renders the
 * operations from the served document, and "try it" calls the running mock. Skipped when no chromium
 * is installed (.ci/run installs it).
 */

describe.skipIf(!chromiumPresent)('the docs page in chromium', () => {
  let mock: TestMock;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mock = await startMock();
    browser = await openBrowser();
    page = browser.page;
    // Past a size of document (about 280 kB, 140 operations), Swagger UI in headless chromium stops
    // rendering the operations below a 720 px viewport (7 of 141 rendered) until the page is interacted
    // with; a viewport as tall as the whole list renders them all.
    await page.setViewportSize({ width: 1280, height: 30_000 });
    await page.goto(`${mock.url}${DOCS_PATH}`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  it('lists every operation of the served document', async () => {
    const document = (await mock.http('GET', '/_mock/openapi.json', { auth: null })).body;
    const expected = Object.values(document.paths).reduce<number>(
      (count, item) => count + Object.keys(item as object).length,
      0,
    );
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.opblock').count()).toBe(expected);
    await expect
      .poll(() => page.locator('[data-path="/v1/mgmt/user/update/name"]').count())
      .toBeGreaterThan(0);
  }, 60_000);

  it('"try it" creates a user in the running mock, with the key given to Authorize', async () => {
    await page.locator('.auth-wrapper .authorize').click();
    const form = page.locator('.auth-container').filter({ hasText: 'ManagementKey' });
    await form.locator('input').first().fill(`${TEST_PROJECT.projectId}:${TEST_PROJECT.managementKey}`);
    await form.locator('.auth-btn-wrapper .authorize').click();
    await form.locator('.auth-btn-wrapper .btn-done').click();

    const operation = page.locator('.opblock-post').filter({
      has: page.locator('[data-path="/v1/mgmt/user/create"]'),
    });
    await operation.locator('.opblock-summary').click();
    const body = JSON.stringify({ loginId: 'docs-page@example.com', name: 'From the docs page' });
    await operation.locator('textarea.body-param__text').fill(body);
    const answered = page.waitForResponse((response) => response.url() === `${mock.url}/v1/mgmt/user/create`);
    await operation.locator('.execute').click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect((await response.json()).user.loginIds).toEqual(['docs-page@example.com']);
    // The page shows the live answer too.
    const shown = operation.locator('.live-responses-table tbody .response-col_status');
    await expect.poll(() => shown.textContent()).toContain('200');

    const loaded = await mock.sdk().management.user.load('docs-page@example.com');
    expect(loaded.ok).toBe(true);
    expect(loaded.data?.name).toBe('From the docs page');
  }, 60_000);
});
