import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { INSPECTOR_PATH } from '../../src/inspectorApp.js';
import { type Browser, chromiumPresent, openBrowser } from './browser.js';
import type { TestMock } from './mock.js';

/**
 * The inspector (`/_mock/ui`) in Debian's chromium, for the tests of its pages. Callers guard their describe
 * with `chromiumPresent` (test/helpers/browser.ts). Confirmation prompts (deletes, resets) are accepted, as a
 * user clicking OK would; the page's own script errors fail the test that caused them (`errors`).
 */
export interface Inspector {
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page's script, oldest first. */
  errors: string[];
  /** Goes to a fragment of the inspector (`#/<projectId>/users`) and waits for its page's heading. */
  open(fragment: string): Promise<void>;
  close(): Promise<void>;
}

export async function openInspector(mock: Pick<TestMock, 'url'>): Promise<Inspector> {
  const browser = await openBrowser();
  const { page } = browser;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  return {
    browser,
    page,
    errors,
    async open(fragment) {
      // A fresh load each time, even of the page already shown (a fragment change alone loads nothing).
      await page.goto('about:blank');
      await page.goto(`${mock.url}${INSPECTOR_PATH}${fragment}`);
      await page.locator('main h1').first().waitFor();
    },
    close: () => browser.close(),
  };
}

/** How long opening the browser may take (its first page load also bundles the UI). */
const OPEN_MS = 60_000;

/**
 * The inspector for the tests of a file or describe: opened in a beforeAll (call it after `useMock()`, whose
 * mock starts first) and closed in an afterAll; its members are read inside tests and hooks. Without
 * chromium it opens nothing (the callers' describes are skipped then).
 */
export function useInspector(mock: Pick<TestMock, 'url'>): Inspector {
  let opened: Inspector | undefined;
  beforeAll(async () => {
    if (chromiumPresent) opened = await openInspector(mock);
  }, OPEN_MS);
  afterAll(() => opened?.close());
  const running = (): Inspector => {
    if (!opened)
      throw new Error('useInspector: the inspector opens in beforeAll; use it inside a test or a hook');
    return opened;
  };
  return {
    get browser() {
      return running().browser;
    },
    get page() {
      return running().page;
    },
    get errors() {
      return running().errors;
    },
    open: (fragment) => running().open(fragment),
    close: () => running().close(),
  };
}

/** The page IDs the inspector's navigation lists (ui/pages/index.ts), read as text: the UI is not Node code. */
export function inspectorPageIds(): string[] {
  const registry = readFileSync(new URL('../../ui/pages/index.ts', import.meta.url), 'utf8');
  return [...registry.matchAll(/\{ id: '([^']+)'/g)].map((match) => match[1] as string);
}
