import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openApiDocument } from '../src/docsApp.js';
import { buildServer } from '../src/server.js';

/** Where `npm run openapi` writes the document; a test fails when it differs from a fresh one. */
export const OPENAPI_FILE = new URL('../openapi/descope-mock.json', import.meta.url);

/**
 * The OpenAPI document of the production server (buildServer with the CLI's defaults, no fixtures: routes
 * do not depend on them), as committed: no timestamps, no ports but the documented default.
 */
export async function renderOpenApi(): Promise<string> {
  const app = buildServer({ fixtures: 'none', logLevel: 'silent', db: ':memory:' });
  try {
    await app.ready();
    return `${JSON.stringify(await openApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(OPENAPI_FILE, await renderOpenApi());
  console.log(`wrote ${OPENAPI_FILE.pathname}`);
}
