import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Operation } from '../src/app/operation.js';
import { OPERATIONS } from '../src/routes/registry.js';
import { DESCOPE_PATHS, type DescopePath, UNPUBLISHED_SDK_PATHS } from './descopePaths.js';

/**
 * `npm run docs:endpoints`: the emulated-endpoint table, generated from the registry (what is emulated) and
 * Descope's published paths (what is not yet). It goes between the markers below in the first of README.md
 * and docs/endpoints.md that has them (docs/endpoints.md does, with its prose around them), or makes up the whole
 * of docs/endpoints.md when neither has. A test fails when the committed table is stale.
 */

export const START_MARKER = '<!-- endpoints:start -->';
export const END_MARKER = '<!-- endpoints:end -->';
/** The README's one-line count, generated with the table (`npm run docs:endpoints`). */
export const COUNT_START_MARKER = '<!-- endpoint-count:start -->';
export const COUNT_END_MARKER = '<!-- endpoint-count:end -->';
export const README_FILE = new URL('../README.md', import.meta.url);
export const FALLBACK_FILE = new URL('../docs/endpoints.md', import.meta.url);

export interface EndpointRow {
  method: string;
  path: string;
  sdkMethods: string[];
  emulated: boolean;
  /** In Descope's published document (`DESCOPE_PATHS`), as against unpublished or an auth route. */
  published: boolean;
}

const FAMILIES: readonly { title: string; pattern: RegExp }[] = [
  { title: 'Users', pattern: /^\/v\d\/mgmt\/(user|users)(\/|$)/ },
  { title: 'Test users', pattern: /^\/v\d\/mgmt\/tests\// },
  { title: 'Tenants', pattern: /^\/v\d\/mgmt\/tenant(\/|$)/ },
  { title: 'Roles', pattern: /^\/v\d\/mgmt\/role\// },
  { title: 'Permissions', pattern: /^\/v\d\/mgmt\/permission\// },
  { title: 'Access keys', pattern: /^\/v\d\/mgmt\/accesskey(\/|$)/ },
  { title: 'Password policy', pattern: /^\/v1\/mgmt\/password\// },
  { title: 'Token minting', pattern: /^\/v1\/mgmt\/(jwt\/update|impersonate|stop|auth\/|token\/)/ },
  { title: 'SSO configuration', pattern: /^\/v\d\/mgmt\/sso\/(?!idp\/)/ },
  { title: 'SSO applications', pattern: /^\/v1\/mgmt\/sso\/idp\// },
  { title: 'FGA and AuthZ', pattern: /^\/v1\/mgmt\/(fga|authz)\// },
  { title: 'Audit and analytics', pattern: /^\/v\d\/mgmt\/(audit|analytics|connector\/audit)\// },
  { title: 'Project', pattern: /^\/v\d\/mgmt\/projects?\// },
  { title: 'Outbound applications', pattern: /^\/v1\/mgmt\/outbound\// },
  { title: 'Inbound applications', pattern: /^\/v1\/mgmt\/(thirdparty|inboundapp)\// },
  { title: 'Flows and themes', pattern: /^\/v\d\/mgmt\/(flow|theme)s?\// },
  { title: 'Groups', pattern: /^\/v1\/mgmt\/group\// },
  { title: 'Lists', pattern: /^\/v1\/mgmt\/list(\/|$)/ },
  { title: 'JWT templates and scope claims', pattern: /^\/v1\/mgmt\/(jwt\/templates|scopeClaimMapping)\// },
  {
    title: 'Management keys, descopers and engines',
    pattern: /^\/v1\/mgmt\/(managementkey|descoper|engines?)(\/|$)/,
  },
  // The authentication API's public key routes: no credentials, the project in the path.
  { title: 'Session keys', pattern: /^\/v\d\/keys\/|\/\.well-known\/jwks\.json$/ },
  // The authentication API's routes, behind `Bearer <ProjectID>[:<Token>]`.
  { title: 'Authentication', pattern: /^\/v1\/auth\// },
];
const OTHER = 'Other';

/** One row per method and path: every emulated operation and every known Descope path of these families. */
export function endpointRows(
  operations: readonly Pick<Operation, 'method' | 'path' | 'sdkMethods'>[] = OPERATIONS,
  descopePaths: readonly DescopePath[] = [...DESCOPE_PATHS, ...UNPUBLISHED_SDK_PATHS],
): EndpointRow[] {
  const rows = new Map<string, EndpointRow>();
  const published = new Set(DESCOPE_PATHS.map(({ method, path }) => `${method} ${path}`));
  for (const { method, path, sdkMethods } of descopePaths) {
    const key = `${method} ${path}`;
    rows.set(key, { method, path, sdkMethods, emulated: false, published: published.has(key) });
  }
  for (const { method, path, sdkMethods } of operations) {
    // The registry is the source of truth for what an emulated path serves.
    const key = `${method} ${path}`;
    rows.set(key, { method, path, sdkMethods, emulated: true, published: published.has(key) });
  }
  return [...rows.values()].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

const familyOf = (path: string): string => FAMILIES.find(({ pattern }) => pattern.test(path))?.title ?? OTHER;
const sdkCell = (names: string[]): string =>
  names.length === 0 ? '—' : names.map((name) => `\`${name.replace(/^management\./, '')}\``).join(', ');

const isManagement = (row: EndpointRow): boolean => /^\/v\d\/mgmt\//.test(row.path);
const emulatedOf = (rows: readonly EndpointRow[]): string =>
  `${rows.filter((row) => row.emulated).length} of ${rows.length}`;

/**
 * The counts, against Descope's published document for the management API (every path of it, not only the
 * families the mock began with): the README's line and the table's first.
 */
export function renderEndpointCount(rows: readonly EndpointRow[]): string {
  const management = rows.filter(isManagement);
  const published = management.filter((row) => row.published);
  const unpublished = management.filter((row) => !row.published);
  const auth = rows.filter((row) => !isManagement(row));
  return (
    `Management API: **${emulatedOf(published)}** paths of Descope's published OpenAPI document are emulated, ` +
    `and ${emulatedOf(unpublished)} paths the Node SDK calls that the document lacks. ` +
    `Authentication API: ${auth.filter((row) => row.emulated).length} paths emulated.`
  );
}

/** The Markdown: the counts, then one table per family. */
export function renderEndpointTable(rows: readonly EndpointRow[]): string {
  const lines = [
    `${renderEndpointCount(rows)} A Descope path that is not ` +
      'emulated answers 501 with the error body. Generated by `npm run docs:endpoints` from ' +
      '`src/routes/registry.ts` and `scripts/descopePaths.ts`: do not edit by hand.',
  ];
  for (const title of [...FAMILIES.map((family) => family.title), OTHER]) {
    const group = rows.filter((row) => familyOf(row.path) === title);
    if (group.length === 0) continue;
    const count = group.filter((row) => row.emulated).length;
    lines.push('', `**${title}** (${count} of ${group.length} emulated)`, '');
    lines.push('| Method | Path | Node SDK (`management.…`) | Emulated |', '| --- | --- | --- | --- |');
    for (const row of group) {
      lines.push(
        `| ${row.method} | \`${row.path}\` | ${sdkCell(row.sdkMethods)} | ${row.emulated ? 'yes' : 'no (501)'} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Where the table goes in one file's text: between its markers, or a page of its own when it has none. */
export function placeEndpointTable(
  readme: string | undefined,
  table: string,
): { target: 'readme' | 'fallback'; content: string } {
  const start = readme?.indexOf(START_MARKER) ?? -1;
  const end = readme?.indexOf(END_MARKER) ?? -1;
  if (readme === undefined || start < 0 || end < start) {
    return { target: 'fallback', content: `# Emulated endpoints\n\n${table}` };
  }
  const before = readme.slice(0, start + START_MARKER.length);
  return { target: 'readme', content: `${before}\n${table}${readme.slice(end)}` };
}

/** The project's formatter over a Markdown file's text (it aligns table columns), as `npm run lint` wants it. */
export function formatMarkdown(content: string, file: URL): string {
  const biome = fileURLToPath(new URL('../node_modules/@biomejs/biome/bin/biome', import.meta.url));
  const formatted = spawnSync(
    process.execPath,
    [biome, 'format', `--stdin-file-path=${fileURLToPath(file)}`],
    {
      input: content,
      encoding: 'utf8',
    },
  );
  if (formatted.status !== 0) throw new Error(`biome format failed: ${formatted.stderr}`);
  return formatted.stdout;
}

/** The file the table belongs in and its whole expected content; the drift test compares it with the disk. */
export function endpointFile(): { file: URL; content: string } {
  const table = renderEndpointTable(endpointRows());
  for (const file of [README_FILE, FALLBACK_FILE]) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const placed = placeEndpointTable(text, table);
    // `readme` is placeEndpointTable's name for "between this file's markers".
    if (placed.target === 'readme') return { file, content: formatMarkdown(placed.content, file) };
  }
  return {
    file: FALLBACK_FILE,
    content: formatMarkdown(placeEndpointTable(undefined, table).content, FALLBACK_FILE),
  };
}

/** README.md with its count line brought up to date (unchanged when it has no count markers). */
export function readmeWithCount(readme: string, rows: readonly EndpointRow[] = endpointRows()): string {
  const start = readme.indexOf(COUNT_START_MARKER);
  const end = readme.indexOf(COUNT_END_MARKER);
  if (start < 0 || end < start) return readme;
  const before = readme.slice(0, start + COUNT_START_MARKER.length);
  return `${before}\n${renderEndpointCount(rows)}\n${readme.slice(end)}`;
}

export function writeEndpointTable(): URL {
  const { file, content } = endpointFile();
  mkdirSync(new URL('.', file), { recursive: true });
  writeFileSync(file, content);
  if (file.href !== README_FILE.href && existsSync(README_FILE)) {
    const readme = readFileSync(README_FILE, 'utf8');
    writeFileSync(README_FILE, readmeWithCount(readme));
  }
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`wrote ${writeEndpointTable().pathname}`);
}
