import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, TEST_PROJECT, type TestMock } from '../../helpers/mock.js';

/**
 * A page of another origin (a tiny server on another port) calls the key route as web-js does, with
 * credentials and an SDK header, so chromium sends a preflight and enforces the answer. Skipped when no
 * chromium is installed (as test/openapi/docsPage.test.ts).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumPresent = existsSync(CHROMIUM);
if (!chromiumPresent) {
  console.warn(`skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
}

describe.skipIf(!chromiumPresent)('CORS in chromium', () => {
  let mock: TestMock;
  let narrowed: TestMock;
  let site: Server;
  let siteUrl: string;
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mock = await startMock();
    narrowed = await startMock({ corsOrigins: 'https://elsewhere.example.test' });
    site = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'descope-mock-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${siteUrl}/`);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await new Promise((resolve) => site?.close(resolve));
    await mock?.close();
    await narrowed?.close();
  });

  const fetchKeys = (base: string) =>
    page.evaluate(async (url) => {
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
    expect(new URL(siteUrl).origin).not.toBe(new URL(mock.url).origin);
    const result = await fetchKeys(mock.url);
    expect(result).toMatchObject({ status: 200 });
    expect((result as { keys: number }).keys).toBeGreaterThan(0);
  });

  it('is refused by the browser when the origin is not in --cors-origins', async () => {
    const result = await fetchKeys(narrowed.url);
    expect(result).toMatchObject({ failed: expect.stringContaining('Failed to fetch') });
  });
});
