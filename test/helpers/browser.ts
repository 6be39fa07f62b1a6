import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Debian's chromium driven by playwright-core, for the tests that need a real browser (the docs page, CORS).
 * A machine without it skips those tests with a warning: `apt-get install -y chromium`, or CHROMIUM_PATH.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumPresent = existsSync(CHROMIUM);
if (!chromiumPresent) {
  console.warn(`skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
}

export interface Browser {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless chromium with a throwaway profile and one page, quiet on the network beyond what a test asks. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'descope-mock-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Site {
  /** `http://127.0.0.1:<port>`: another origin than the mock's (another port). */
  url: string;
  close(): Promise<void>;
}

/** A static site of its own origin: each path answers its given body, `/` an empty page. */
export async function startSite(files: Record<string, { type: string; body: string }> = {}): Promise<Site> {
  const server = createServer((request, response) => {
    const file = files[request.url ?? '/'] ?? {
      type: 'text/html',
      body: '<!doctype html><title>app</title>',
    };
    response.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface SitePage {
  site: Site;
  browser: Browser;
  close(): Promise<void>;
}

/** A site of another origin than the mock's (startSite), and a browser already on its page `/`. */
export async function openSitePage(
  files: Record<string, { type: string; body: string }> = {},
): Promise<SitePage> {
  const site = await startSite(files);
  const browser = await openBrowser();
  await browser.page.goto(`${site.url}/`);
  return {
    site,
    browser,
    close: async () => {
      await browser.close();
      await site.close();
    },
  };
}
