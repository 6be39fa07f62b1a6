import { fileURLToPath } from 'node:url';
import { buildServer } from '../src/server.js';
import { openBrowser } from '../test/helpers/browser.js';

/**
 * Saves a screenshot of the mock's IdP page to docs/idp-page.png: `npx tsx scripts/idp-page-screenshot.ts`.
 * A mock on a free port with the demo fixtures, an OAuth start for its default project, chromium (Debian's,
 * test/helpers/browser.ts) on the page the start answers.
 */
const OUTPUT = fileURLToPath(new URL('../docs/idp-page.png', import.meta.url));

const app = buildServer({ logLevel: 'silent', port: 0 });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const { projectId } = app.services.config;
const browser = await openBrowser();
try {
  const started = await fetch(
    `${url}/v1/auth/oauth/authorize?provider=google&redirectURL=${encodeURIComponent('http://localhost:3000/callback')}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${projectId}`, 'content-type': 'application/json' },
      body: '{}',
    },
  );
  const { url: page } = (await started.json()) as { url: string };
  await browser.page.setViewportSize({ width: 800, height: 900 });
  await browser.page.goto(page);
  await browser.page.locator('#q').focus();
  await browser.page.screenshot({ path: OUTPUT, fullPage: true });
  console.log(`wrote ${OUTPUT}`);
} finally {
  await browser.close();
  await app.close();
}
