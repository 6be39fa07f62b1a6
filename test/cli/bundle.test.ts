import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, OUTSIDE_THE_BUNDLE } from '../../scripts/build.js';
import { DEFAULT_MANAGEMENT_KEY, DEFAULT_PROJECT_ID } from '../../src/config.js';
import { INSPECTOR_PATH, writeInspector } from '../../src/inspectorApp.js';
import { bannerUrl, type CliRun, stop } from '../helpers/cli.js';

/**
 * The CLI as `npm run build` writes it (scripts/build.ts): one bundle holding the mock and its dependencies,
 * for the cold start, and a one-line entry. Built here into a `dist/` under the repository's scratch
 * directory, beside a copy of package.json (which the OpenAPI document reads), so that the packages left
 * outside resolve from node_modules as they do from the real dist/.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let scratch: string;
let out: string;
let metafile: Metafile;

beforeAll(async () => {
  mkdirSync(join(ROOT, '.vitest-tmp'), { recursive: true });
  scratch = mkdtempSync(join(ROOT, '.vitest-tmp', 'bundle-'));
  copyFileSync(join(ROOT, 'package.json'), join(scratch, 'package.json'));
  out = join(scratch, 'dist');
  metafile = await bundleCli(out);
  await writeInspector(out);
}, 60_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The bundle run as `node dist/cli.js`. */
function runBundle(args: string[]): CliRun {
  const child = spawn(process.execPath, [join(out, 'cli.js'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

describe('the CLI bundle', () => {
  it('holds every dependency but the few left out on purpose', () => {
    const [bundle] = Object.values(metafile.outputs).filter((output) => output.entryPoint === 'src/cli.ts');
    const outside = new Set(
      (bundle?.imports ?? [])
        .filter((entry) => entry.external && !isBuiltin(entry.path))
        .map((entry) => entry.path),
    );
    expect([...outside].sort()).toEqual([...OUTSIDE_THE_BUNDLE].sort());
    // Fastify, pino and zod are inside, from their files in node_modules.
    const inputs = Object.keys(bundle?.inputs ?? {});
    for (const name of ['fastify', 'pino', 'zod']) {
      expect(inputs.some((path) => path.includes(`node_modules/${name}/`))).toBe(true);
    }
    expect(readFileSync(join(out, 'cli.js'), 'utf8')).toBe("#!/usr/bin/env node\nimport './cli.mjs';\n");
  });

  it('starts, serves the API with zod messages in English, the docs page from node_modules and the built inspector', async () => {
    const run = runBundle(['--port', '0', '--fixtures', 'none', '--log-level', 'silent']);
    try {
      const url = await bannerUrl(run);
      const create = (body: unknown) =>
        fetch(`${url}/v1/mgmt/user/create`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${DEFAULT_PROJECT_ID}:${DEFAULT_MANAGEMENT_KEY}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(body),
        });
      expect((await create({ loginId: 'bundle@example.com' })).status).toBe(200);
      const refused = await create({ loginId: 5 });
      expect(refused.status).toBe(400);
      expect((await refused.json()).errorMessage).toContain('expected string, received number');
      expect((await fetch(`${url}/_mock/docs`)).status).toBe(200);
      expect((await fetch(`${url}/_mock/openapi.json`)).status).toBe(200);
      // The inspector from dist/ui, as built, not bundled again from ui/.
      const page = await (await fetch(`${url}${INSPECTOR_PATH}`)).text();
      const script = /src="([^"]+)"/.exec(page)?.[1] ?? '';
      expect(await (await fetch(`${url}${script}`)).text()).toBe(
        readFileSync(join(out, 'ui/app.js'), 'utf8'),
      );
    } finally {
      expect(await stop(run)).toBe(0);
    }
  });
});
