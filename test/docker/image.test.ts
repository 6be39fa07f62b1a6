import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../../scripts/build.js';
import { DEFAULT_MANAGEMENT_KEY, DEFAULT_PROJECT_ID } from '../../src/config.js';
import { writeInspector } from '../../src/inspectorApp.js';
import { envOf, execFormOf, readDockerfile, type Stage } from './dockerfile.js';

/**
 * The image's start command, run as the image runs it: from a copy of the project holding only dist/, the
 * fixtures, the package files and the production dependencies (the packages `npm ls --omit=dev` names,
 * copied from the installed tree rather than compiled again), with the Dockerfile's own ENV and CMD. No
 * Docker engine runs here; this is the part of the image that can be proven without one.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const runtime = readDockerfile().at(-1) as Stage;
const AUTH = { authorization: `Bearer ${DEFAULT_PROJECT_ID}:${DEFAULT_MANAGEMENT_KEY}` };

let app: string;
let dataDir: string;

/** Copies the production packages of the installed tree: the same set `npm ci --omit=dev` installs. */
function copyProductionModules(target: string): number {
  const listed = spawnSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const packages = listed.stdout
    .split('\n')
    .filter((line) => line.includes(`${sep}node_modules${sep}`))
    .sort();
  const copied: string[] = [];
  for (const path of packages) {
    // A package copied whole brings its nested node_modules along.
    if (copied.some((parent) => path.startsWith(`${parent}${sep}`))) continue;
    // From the first node_modules segment on: npm prints real paths, which may not start with ROOT.
    const inTree = path.slice(path.indexOf(`${sep}node_modules${sep}`) + 1);
    cpSync(path, join(target, inTree), { recursive: true });
    copied.push(path);
  }
  return copied.length;
}

/**
 * dist/ as `npm run build` writes it. First what `tsc -p tsconfig.build.json` writes (the library), file by
 * file with TypeScript's transpiler: the same modules under isolatedModules, in a second instead of a minute
 * of type checking on a busy machine (typecheck is its own CI step). Then the CLI as the image runs it:
 * bundled with its dependencies by scripts/build.ts, whose packages left out of the bundle must come from the
 * production install.
 */
async function buildDist(outDir: string): Promise<void> {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.build.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('cannot read tsconfig.build.json');
  const rootDir = config.options.rootDir ?? join(ROOT, 'src');
  for (const fileName of config.fileNames) {
    const { outputText } = ts.transpileModule(readFileSync(fileName, 'utf8'), {
      // The package is "type": "module", which NodeNext reads from package.json; a lone file needs telling.
      compilerOptions: {
        ...config.options,
        module: ts.ModuleKind.ESNext,
        sourceMap: false,
        declaration: false,
      },
      fileName,
    });
    const target = join(outDir, relative(rootDir, fileName)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  await bundleCli(outDir);
  await writeInspector(outDir);
}

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'descope-mock-image-'));
  dataDir = join(app, 'data');
  // The image's `RUN mkdir -p /data`: the volume's mount point exists.
  mkdirSync(dataDir);
  await buildDist(join(app, 'dist'));
  for (const file of ['package.json', 'package-lock.json', 'fixtures']) {
    cpSync(join(ROOT, file), join(app, file), { recursive: true });
  }
  expect(copyProductionModules(app)).toBeGreaterThan(10);
}, 60_000);

afterAll(() => {
  if (app) rmSync(app, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** The Dockerfile's CMD with its ENV, on a free port (7357 may be taken on a shared machine). */
async function startLikeTheImage(extraEnv: Record<string, string>): Promise<Started> {
  const [command, ...args] = execFormOf(runtime, 'CMD');
  expect(command).toBe('node');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('DESCOPE_')),
  );
  const child = spawn(process.execPath, args, {
    cwd: app,
    env: { ...env, ...envOf(runtime), DESCOPE_MOCK_PORT: '0', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 20 s:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
  });
  return { child, url, exited };
}

describe('the image start command from a production-only install', () => {
  it('has no dev dependency to lean on', () => {
    expect(existsSync(join(app, 'node_modules/fastify'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/@fastify/swagger-ui'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/vitest'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/@descope/node-sdk'))).toBe(false);
  });

  it('serves, passes its HEALTHCHECK, keeps state in /data, and stops cleanly on SIGTERM', async () => {
    const db = join(dataDir, 'descope-mock.db');
    const first = await startLikeTheImage({ DESCOPE_MOCK_DB: db });
    try {
      const port = new URL(first.url).port;
      const [command, ...args] = execFormOf(runtime, 'HEALTHCHECK');
      expect(command).toBe('node');
      const health = spawnSync(process.execPath, args, {
        env: { ...process.env, DESCOPE_MOCK_PORT: port },
        encoding: 'utf8',
      });
      expect(health.status).toBe(0);
      expect(await (await fetch(`${first.url}/_mock/health`)).json()).toEqual({ status: 'ok' });

      const docs = await fetch(`${first.url}/_mock/docs`);
      expect(docs.status).toBe(200);
      // The inspector comes built in dist/ui: no esbuild in a production install.
      expect(existsSync(join(app, 'node_modules/esbuild'))).toBe(false);
      const inspector = await fetch(`${first.url}/_mock/ui`);
      expect(inspector.status).toBe(200);
      const script = await fetch(`${first.url}/_mock/ui/app.js`);
      expect(await script.text()).toBe(readFileSync(join(app, 'dist/ui/app.js'), 'utf8'));
      const created = await fetch(`${first.url}/v1/mgmt/user/create`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ loginId: 'image@example.com' }),
      });
      expect(created.status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
    expect(existsSync(db)).toBe(true);

    // The same volume on the next start: the user is still there.
    const second = await startLikeTheImage({ DESCOPE_MOCK_DB: db });
    try {
      const loaded = await fetch(`${second.url}/v1/mgmt/user?loginId=image%40example.com`, { headers: AUTH });
      expect(loaded.status).toBe(200);
      expect((await loaded.json()).user.loginIds).toEqual(['image@example.com']);
    } finally {
      second.child.kill('SIGTERM');
    }
    expect(await second.exited).toBe(0);
  }, 60_000);
});
