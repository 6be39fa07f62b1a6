import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DESCOPE_PATH_FAMILIES, DESCOPE_PATHS, UNPUBLISHED_SDK_PATHS } from '../../scripts/descopePaths.js';
import { OPERATIONS } from '../../src/routes/registry.js';

/**
 * The emulated paths against Descope's published OpenAPI document, which lives beside the project
 * (../shared/reference/descope-openapi.yml), not in it: without that file these checks are skipped.
 */

const SPEC_FILE = new URL('../../../shared/reference/descope-openapi.yml', import.meta.url);
const specPresent = existsSync(SPEC_FILE);
if (!specPresent) {
  console.warn(`skipped: Descope's published spec is not at ${SPEC_FILE.pathname}`);
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** `GET /v2/keys/{projectId}`: the spec's spelling of a path parameter, whichever spelling is given. */
const key = (method: string, path: string): string =>
  `${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`;

/** `METHOD path` → Descope's operationId. */
let published: Map<string, string>;

beforeAll(() => {
  if (!specPresent) return;
  const spec = parse(readFileSync(SPEC_FILE, 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  published = new Map();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (METHODS.includes(method)) published.set(key(method, path), operation.operationId ?? '');
    }
  }
});

describe.skipIf(!specPresent)("emulated paths against Descope's published spec", () => {
  it('emulates only paths and methods Descope publishes, or known unpublished ones the SDK calls', () => {
    const unpublished = new Set(UNPUBLISHED_SDK_PATHS.map(({ method, path }) => key(method, path)));
    const strays = OPERATIONS.map(({ method, path }) => key(method, path)).filter(
      (operation) => !published.has(operation) && !unpublished.has(operation),
    );
    expect(strays).toEqual([]);
  });

  it('lists as unpublished only paths the spec really lacks (/v1/mgmt/license among them)', () => {
    const listed = UNPUBLISHED_SDK_PATHS.map(({ method, path }) => key(method, path));
    expect(listed).toContain('GET /v1/mgmt/license');
    expect(listed.filter((operation) => published.has(operation))).toEqual([]);
  });

  it("keeps scripts/descopePaths.ts equal to the spec's management paths", () => {
    const fromSpec = [...published.keys()].filter((operation) =>
      DESCOPE_PATH_FAMILIES.test(operation.split(' ')[1] ?? ''),
    );
    const committed = DESCOPE_PATHS.map(({ method, path }) => key(method, path));
    expect(new Set(committed).size).toBe(committed.length);
    expect([...committed].sort()).toEqual(fromSpec.sort());
  });

  it("uses Descope's operationId, except where Descope reuses one across paths", () => {
    const uses = new Map<string, number>();
    for (const id of published.values()) uses.set(id, (uses.get(id) ?? 0) + 1);
    const differing = OPERATIONS.filter(({ method, path, operationId }) => {
      const theirs = published.get(key(method, path));
      return theirs && theirs !== operationId && uses.get(theirs) === 1;
    }).map(({ method, path, operationId }) => `${key(method, path)}: ${operationId}`);
    expect(differing).toEqual([]);
  });
});
