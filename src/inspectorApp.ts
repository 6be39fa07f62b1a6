import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DescopeError } from './errors.js';

/**
 * The inspector (issue 15): a single-page app at `/_mock/ui` that shows and changes every project through the
 * control plane and the Descope API, never the store, so it shows what clients see. Its sources are `ui/`
 * (Preact, bundled by esbuild): `npm run build` writes the bundle to `dist/ui/`, next to the compiled server;
 * a server run from the sources (the tests, `npm run dev`) bundles `ui/` in memory on the first request, so
 * no build step stands between an edit and a reload.
 */
export const INSPECTOR_PATH = '/_mock/ui';

/** The bundle as served: the script, the style sheet and a short hash of both, for the HTML's URLs. */
export interface InspectorAssets {
  js: string;
  css: string;
  version: string;
}

const SOURCES = fileURLToPath(new URL('../ui/', import.meta.url));
/** `dist/ui/` when this module runs from `dist/` (both the CLI bundle and the library sit there). */
const PREBUILT = fileURLToPath(new URL('./ui/', import.meta.url));

/** Bundles `ui/main.tsx` and its style sheet, minified; esbuild is a dev dependency, so it is loaded here only. */
export async function bundleInspector(): Promise<InspectorAssets> {
  const { build } = await import('esbuild');
  const { outputFiles } = await build({
    entryPoints: { app: join(SOURCES, 'main.tsx') },
    bundle: true,
    write: false,
    outdir: 'ui',
    format: 'esm',
    target: 'chrome110',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    // Preact's files carry no license comment of their own; the bundle names the licence it ships under.
    banner: {
      js: '/*! descope-mock inspector. Includes Preact: MIT License, Copyright (c) 2015-present Jason Miller */',
    },
    legalComments: 'none',
    logLevel: 'silent',
  });
  const text = (extension: string) => outputFiles.find((file) => file.path.endsWith(extension))?.text ?? '';
  return withVersion(text('.js'), text('.css'));
}

/** Writes the bundle where a server run from `outDir` looks for it (`npm run build`). */
export async function writeInspector(outDir: string): Promise<void> {
  const { js, css } = await bundleInspector();
  mkdirSync(join(outDir, 'ui'), { recursive: true });
  writeFileSync(join(outDir, 'ui', 'app.js'), js);
  writeFileSync(join(outDir, 'ui', 'app.css'), css);
}

function withVersion(js: string, css: string): InspectorAssets {
  const version = createHash('sha256').update(js).update(css).digest('hex').slice(0, 12);
  return { js, css, version };
}

/** The bundle next to this module when there is one, else one made from the sources (once a process). */
let loading: Promise<InspectorAssets> | undefined;
function loadAssets(): Promise<InspectorAssets> {
  loading ??= (async () => {
    if (existsSync(join(PREBUILT, 'app.js'))) {
      return withVersion(
        readFileSync(join(PREBUILT, 'app.js'), 'utf8'),
        readFileSync(join(PREBUILT, 'app.css'), 'utf8'),
      );
    }
    if (!existsSync(join(SOURCES, 'main.tsx'))) {
      throw new DescopeError('ROUTE_NOT_FOUND', 'The inspector is not built: run `npm run build`');
    }
    return bundleInspector();
  })().catch((error: unknown) => {
    // A failed load is tried again on the next request rather than remembered.
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * What the page may do: its own script and style, calls to its own origin, and nothing else (no inline
 * script, no frames around it: a page that can wipe every project must not be clickjacked).
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function page(version: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>descope-mock inspector</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${INSPECTOR_PATH}/app.css?v=${version}">
<script type="module" src="${INSPECTOR_PATH}/app.js?v=${version}"></script>
</head>
<body><div id="app"></div></body>
</html>
`;
}

function send(reply: FastifyReply, type: string, body: string, etag: string): FastifyReply | string {
  reply.headers(PAGE_HEADERS).header('content-type', type).header('cache-control', 'no-cache');
  reply.header('etag', `"${etag}"`);
  if (reply.request.headers['if-none-match'] === `"${etag}"`) return reply.code(304).send();
  return body;
}

/**
 * Registers the page and its two assets. They are not operations and stay out of the OpenAPI document; who
 * may load them is decided with every other access, from the route's area (src/http/area.ts `inspector`).
 */
export function registerInspector(app: FastifyInstance): void {
  const serve = (kind: 'page' | 'js' | 'css') => async (_request: unknown, reply: FastifyReply) => {
    const assets = await loadAssets();
    if (kind === 'js') return send(reply, 'text/javascript; charset=utf-8', assets.js, `${assets.version}js`);
    if (kind === 'css') return send(reply, 'text/css; charset=utf-8', assets.css, `${assets.version}css`);
    return send(reply, 'text/html; charset=utf-8', page(assets.version), assets.version);
  };
  app.get(INSPECTOR_PATH, serve('page'));
  app.get(`${INSPECTOR_PATH}/`, serve('page'));
  app.get(`${INSPECTOR_PATH}/app.js`, serve('js'));
  app.get(`${INSPECTOR_PATH}/app.css`, serve('css'));
}
