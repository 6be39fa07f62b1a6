import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';
import { writeInspector } from '../src/inspectorApp.js';

/**
 * `npm run build`, after `tsc -p tsconfig.build.json` (which writes the library, dist/index.js, module by
 * module): the CLI and its dependencies bundled into one file, dist/cli.mjs, and dist/cli.js (the `bin` and
 * the Docker image's command) a one-line entry that imports it.
 *
 * Why, for the cold start (docs/performance.md): Node resolves, reads and compiles one file instead of some
 * 300 (Fastify, pino, zod and their dependencies, and ours). The bundle's extension is .mjs because Node 20
 * reads a `.js` entry under `"type": "module"` three times (the CommonJS loader, format detection, the ESM
 * loader), which for a 2 MB file costs more than the rest of the start-up; a `.mjs` file is read once.
 *
 * Left out of the bundle, loaded from node_modules when needed:
 * - better-sqlite3: a native addon, found next to its own files.
 * - @fastify/swagger and @fastify/swagger-ui: loaded only for the first docs request (src/docsApp.ts), and
 *   swagger-ui serves its static assets from its own directory.
 * - light-my-request, @fastify/ajv-compiler and @fastify/fast-json-stringify-compiler: Fastify requires them
 *   only when first used, and the mock never uses the last two (src/http/compilers.ts) and the first only
 *   for the docs page.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The packages the bundle imports from node_modules (why each: above). */
export const OUTSIDE_THE_BUNDLE: readonly string[] = [
  'better-sqlite3',
  '@fastify/swagger',
  '@fastify/swagger-ui',
  'light-my-request',
  '@fastify/ajv-compiler',
  '@fastify/fast-json-stringify-compiler',
  // Only a server run from the sources bundles the inspector itself (src/inspectorApp.ts); dist/ has it built.
  'esbuild',
];

/**
 * zod's classic API re-exports every locale (`z.locales`, 400 KB of the bundle, a fifth of it), which
 * nothing here reads: error messages are zod's English ones (`en`, which zod itself imports directly) or
 * the mock's own. The namespace is kept with `en` alone.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir)
        ? { path: `${dirname(args.resolveDir)}/locales/en.js`, namespace: 'zod-locales' }
        : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: ROOT,
    }));
  },
};

/**
 * Writes `outDir`/cli.mjs (the bundle) and `outDir`/cli.js (the entry), and returns esbuild's account of the
 * bundle (what it imports from outside). test/cli/bundle.test.ts and test/docker/image.test.ts run them too.
 */
export async function bundleCli(outDir: string): Promise<Metafile> {
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli.ts'],
    outfile: join(outDir, 'cli.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: [...OUTSIDE_THE_BUNDLE],
    // The CommonJS packages inside (Fastify, pino) call require() for Node's built-ins, which an ES module
    // does not have.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [zodEnglishOnly],
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });

  writeFileSync(join(outDir, 'cli.js'), "#!/usr/bin/env node\nimport './cli.mjs';\n");
  // tsc's map of the module-by-module cli.js, which the entry above replaces.
  rmSync(join(outDir, 'cli.js.map'), { force: true });
  return metafile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await bundleCli(join(ROOT, 'dist'));
  await writeInspector(join(ROOT, 'dist'));
}
