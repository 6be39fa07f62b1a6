import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import DescopeClient from '@descope/node-sdk';
import type { Operation } from '../src/app/operation.js';
import { OPERATIONS } from '../src/routes/registry.js';
import { formatMarkdown } from './endpoint-table.js';

/**
 * `npm run docs:coverage`: how much of the official Node SDK the mock emulates, counted function by function.
 * The functions are read off a real `@descope/node-sdk` client object (walked recursively, each named by its
 * path: `refreshSession`, `otp.signIn.email`, `management.user.create`); a function is emulated when an
 * operation of src/routes/registry.ts names it in `sdkMethods`. The summary goes between the markers below
 * in docs/sdk-coverage.md; the hand-audited sections after them are left alone. A test fails when the
 * committed summary is stale, and another when an operation names a function the client does not have.
 */

export const START_MARKER = '<!-- sdk-coverage:start -->';
export const END_MARKER = '<!-- sdk-coverage:end -->';
export const COVERAGE_FILE = new URL('../docs/sdk-coverage.md', import.meta.url);

export type Sdk = ReturnType<typeof DescopeClient>;

/**
 * A client to read the functions off. With a management key, as an application builds it, so `management`
 * is there; its fetch refuses at once, so building it (which sends the license handshake) touches no network.
 */
export function sdkClient(fetch: typeof globalThis.fetch = () => Promise.reject(new Error('offline'))): Sdk {
  return DescopeClient({ projectId: `P2${'0'.repeat(27)}`, managementKey: 'x', fetch });
}

/** Every function of the client, by its path, in the order the client declares them. */
export function clientFunctions(client: object): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const walk = (value: object, prefix: string) => {
    if (seen.has(value)) return;
    seen.add(value);
    for (const [name, member] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${name}` : name;
      if (typeof member === 'function') found.push(path);
      else if (member !== null && typeof member === 'object') walk(member, path);
    }
  };
  walk(client, '');
  return found;
}

/**
 * The client's pure helpers over a session token or its validated `AuthenticationInfo`: they read claims and
 * never call Descope, so there is nothing to emulate. Counted on a line of their own.
 * test/docs/sdkCoverage.test.ts calls each and checks that none fetches anything.
 */
export const LOCAL_HELPERS: readonly string[] = [
  // core-js: decode a JWT without verifying it.
  'isJwtExpired',
  'getTenants',
  'getJwtPermissions',
  'getJwtRoles',
  'getCurrentTenant',
  // node-sdk: read the roles and permissions of a validated session.
  'validatePermissions',
  'getMatchedPermissions',
  'validateTenantPermissions',
  'getMatchedTenantPermissions',
  'validateRoles',
  'getMatchedRoles',
  'validateTenantRoles',
  'getMatchedTenantRoles',
];

/** The raw HTTP client the SDK exposes (`httpClient.get`, its hooks, …): it sends whatever path it is given. */
const isTransport = (path: string): boolean => path.startsWith('httpClient.');

export type Api = 'auth' | 'management';

export interface FamilyCoverage {
  api: Api;
  /** `(top level)`, an auth sub-module (`otp`), or a management module (`management.user`). */
  family: string;
  functions: string[];
  emulated: string[];
}

export interface Coverage {
  sdkVersion: string;
  families: FamilyCoverage[];
  local: string[];
  transport: string[];
}

export const TOP_LEVEL = '(top level)';

function familyOf(path: string): { api: Api; family: string } {
  const parts = path.split('.');
  if (parts[0] === 'management') return { api: 'management', family: parts.slice(0, 2).join('.') };
  return { api: 'auth', family: parts.length > 1 ? (parts[0] as string) : TOP_LEVEL };
}

/** The functions the registry's operations name: what counts as emulated. */
export const emulatedFunctions = (
  operations: readonly Pick<Operation, 'sdkMethods'>[] = OPERATIONS,
): Set<string> => new Set(operations.flatMap((operation) => operation.sdkMethods));

/** Each family's functions and how many of them are emulated; the local helpers and transport apart. */
export function coverageOf(
  functions: readonly string[],
  emulated: ReadonlySet<string>,
  sdkVersion: string,
): Coverage {
  const local = new Set(LOCAL_HELPERS);
  const families = new Map<string, FamilyCoverage>();
  for (const path of functions) {
    if (local.has(path) || isTransport(path)) continue;
    const { api, family } = familyOf(path);
    const entry = families.get(family) ?? { api, family, functions: [], emulated: [] };
    families.set(family, entry);
    entry.functions.push(path);
    if (emulated.has(path)) entry.emulated.push(path);
  }
  const ordered = [...families.values()];
  return {
    sdkVersion,
    // The client's top level, its auth sub-modules, then management, each in the client's own order.
    families: [
      ...ordered.filter((entry) => entry.family === TOP_LEVEL),
      ...ordered.filter((entry) => entry.api === 'auth' && entry.family !== TOP_LEVEL),
      ...ordered.filter((entry) => entry.api === 'management'),
    ],
    local: functions.filter((path) => local.has(path)),
    transport: functions.filter(isTransport),
  };
}

const code = (names: readonly string[]): string => names.map((name) => `\`${name}\``).join(', ');
/** A function's name within its family: `otp.signIn.email` in `otp` is `signIn.email`. */
const within = (family: string, path: string): string =>
  family === TOP_LEVEL ? path : path.slice(family.length + 1);

function totals(families: readonly FamilyCoverage[]) {
  const functions = families.reduce((sum, entry) => sum + entry.functions.length, 0);
  const emulated = families.reduce((sum, entry) => sum + entry.emulated.length, 0);
  return { functions, emulated, missing: functions - emulated };
}

/** The Markdown between the markers: a sentence of totals, the table, then what is left out and why. */
export function renderCoverage(coverage: Coverage): string {
  const byApi = (api: Api) => coverage.families.filter((entry) => entry.api === api);
  const auth = totals(byApi('auth'));
  const management = totals(byApi('management'));
  const lines = [
    `Functions of the \`@descope/node-sdk\` ${coverage.sdkVersion} client object that call Descope: ` +
      `**authentication API ${auth.emulated} of ${auth.functions} emulated, management API ` +
      `${management.emulated} of ${management.functions}**. A function is emulated when an operation of ` +
      '`src/routes/registry.ts` names it in `sdkMethods`; a Descope path the mock does not emulate answers ' +
      '501 with the error body. Generated by `npm run docs:coverage` from the client object and the ' +
      'registry: do not edit by hand.',
    '',
    '| API | family | functions | emulated | not emulated (501) |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const api of ['auth', 'management'] as const) {
    for (const entry of byApi(api)) {
      const { functions, emulated } = entry;
      lines.push(
        `| ${api} | \`${entry.family}\` | ${functions.length} | ${emulated.length} | ${functions.length - emulated.length} |`,
      );
    }
    const sum = api === 'auth' ? auth : management;
    lines.push(
      `| **${api}** | **total** | **${sum.functions}** | **${sum.emulated}** | **${sum.missing}** |`,
    );
  }
  lines.push(
    '',
    `Not counted above: ${coverage.local.length} local helpers, which read a token or a validated session and ` +
      `make no HTTP call (${code(coverage.local)}); and the raw HTTP client the SDK exposes, ` +
      `${coverage.transport.length} members that send whatever path they are given (${code(coverage.transport)}).`,
  );
  const partial = coverage.families.filter(
    (entry) => entry.emulated.length > 0 && entry.emulated.length < entry.functions.length,
  );
  if (partial.length > 0) {
    lines.push('', 'Not emulated yet in the families emulated in part:', '');
    for (const entry of partial) {
      const missing = entry.functions.filter((path) => !entry.emulated.includes(path));
      lines.push(`- \`${entry.family}\`: ${code(missing.map((path) => within(entry.family, path)))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The document with `block` between its markers; the rest kept as it is. */
export function placeCoverage(document: string, block: string): string {
  const start = document.indexOf(START_MARKER);
  const end = document.indexOf(END_MARKER);
  if (start < 0 || end < start) {
    throw new Error(`${COVERAGE_FILE.pathname} lacks the markers ${START_MARKER} … ${END_MARKER}`);
  }
  return `${document.slice(0, start + START_MARKER.length)}\n${block}${document.slice(end)}`;
}

export function installedSdkVersion(): string {
  const manifest = new URL('../node_modules/@descope/node-sdk/package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The coverage of the installed SDK by the registry as it stands. */
export const currentCoverage = (): Coverage =>
  coverageOf(clientFunctions(sdkClient()), emulatedFunctions(), installedSdkVersion());

/** docs/sdk-coverage.md as the generator would write it now; the drift test compares it with the disk. */
export function coverageFile(): { file: URL; content: string } {
  const placed = placeCoverage(readFileSync(COVERAGE_FILE, 'utf8'), renderCoverage(currentCoverage()));
  return { file: COVERAGE_FILE, content: formatMarkdown(placed, COVERAGE_FILE) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { file, content } = coverageFile();
  writeFileSync(file, content);
  console.log(`wrote ${file.pathname}`);
}
