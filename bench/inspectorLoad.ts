import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { median, spawnServer } from './lib.js';

/**
 * The inspector's load (issue 15, "fast to load"): the bundle `npm run build` wrote to dist/ui, raw and
 * gzipped, and the time a fresh chromium profile takes from navigation to the users page's first row, on
 * the demo fixtures, served by dist/cli.js as a user runs it. Each load is a new browser context: nothing
 * cached, the bundle fetched and parsed every time.
 */

const LOADS = 10;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DEMO_PROJECT = 'P2MockProject000000000000000';

type Report = (figure: string, value: string, target?: string, verdict?: string) => void;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export async function inspectorLoad(report: Report): Promise<void> {
  const js = readFileSync('dist/ui/app.js');
  const css = readFileSync('dist/ui/app.css');
  report(
    'inspector bundle (dist/ui: app.js + app.css)',
    `${kib(js.length + css.length)} raw, ${kib(gzipSync(js).length + gzipSync(css).length)} gzipped`,
  );
  if (!existsSync(CHROMIUM)) {
    console.warn(`inspector load skipped: no chromium at ${CHROMIUM}`);
    return;
  }
  const child = await spawnServer(process.execPath, ['dist/cli.js', '--port', '0']);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${child.url}/_mock/ui#/${DEMO_PROJECT}/users`);
      await page.getByRole('table', { name: 'Users' }).getByRole('row').nth(1).waitFor();
      times.push(performance.now() - started);
      await context.close();
    }
    const p50 = median(times);
    report(
      'inspector load: navigation to the users page first row, fresh profile, median of 10',
      `${p50.toFixed(0)} ms`,
      '< 1 s',
      p50 < 1000 ? 'met' : 'missed',
    );
  } finally {
    await browser.close();
    await child.stop();
  }
}
