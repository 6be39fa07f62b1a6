/**
 * `node --import tsx bench/profile.ts [scenario] [seconds]`: a CPU profile of the mock (its CLI, built by
 * `npm run build`) under autocannon, summarised as the functions and the packages that take the most self
 * time. Scenarios: update (update/name), load (GET user), search (filtered search), cold (start-up only).
 * `PROFILE_OUT=file.cpuprofile` keeps the profile (for Chrome's DevTools, or a closer look).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_AUTH, BENCH_REQUESTS, writeScaleFixture } from './fixtures.js';
import { load, spawnServer } from './lib.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const scenario = (process.argv[2] ?? 'update') as keyof typeof BENCH_REQUESTS | 'cold';
const seconds = Number(process.argv[3] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'descope-mock-profile-'));
try {
  const fixtures = writeScaleFixture(join(dir, 'fixtures.json'), 1000);
  const child = await spawnServer(process.execPath, [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    '--cpu-prof-interval=250',
    'dist/cli.js',
    '--port',
    '0',
    ...(scenario === 'cold' ? [] : ['--fixtures', fixtures]),
  ]);
  if (scenario !== 'cold') {
    const result = await load(child.url, { ...BENCH_REQUESTS[scenario], auth: BENCH_AUTH }, seconds);
    console.log(`${scenario}: ${result.rps.toFixed(0)} req/s, ${result.errors} errors`);
  }
  await child.stop();
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('no profile written');
  if (process.env.PROFILE_OUT) copyFileSync(join(dir, file), process.env.PROFILE_OUT);
  summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function summarise(profile: { nodes: ProfileNode[]; samples: number[] }): void {
  const total = profile.samples.length;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const short = url.replace(/^.*\/(node_modules\/(@[^/]+\/)?[^/]+|dist)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    const pkg =
      /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.includes('/dist/') ? 'mock' : url ? 'node' : functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, hits]) => `${((100 * hits) / total).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  console.log(`\nself time by package (${total} samples)\n${top(byPackage, 15)}`);
  console.log(`\nself time by function\n${top(byFunction, 30)}`);
}
