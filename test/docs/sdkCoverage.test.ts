import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  clientFunctions,
  coverageFile,
  coverageOf,
  END_MARKER,
  emulatedFunctions,
  LOCAL_HELPERS,
  placeCoverage,
  renderCoverage,
  START_MARKER,
  sdkClient,
  TOP_LEVEL,
} from '../../scripts/sdk-coverage.js';
import { OPERATIONS } from '../../src/routes/registry.js';

/** docs/sdk-coverage.md's summary: generated from the SDK client object and the registry, kept current. */

const functions = clientFunctions(sdkClient());

describe('the committed SDK coverage', () => {
  it('is what `npm run docs:coverage` writes now (run it after adding an operation)', () => {
    const { file, content } = coverageFile();
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});

describe("the registry's sdkMethods", () => {
  it('name functions of the SDK client by their path, so no typo can count or hide', () => {
    const known = new Set(functions);
    const unknown = OPERATIONS.flatMap((operation) =>
      operation.sdkMethods
        // A parenthesised entry is a note for the endpoint table (the license call of the client's
        // construction), not a function: the count never sees it.
        .filter((name) => !/^\(.*\)$/.test(name) && !known.has(name))
        .map((name) => `${operation.method} ${operation.path}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('clientFunctions', () => {
  it('walks the client object to every function, named by its path', () => {
    expect(functions).toEqual(
      expect.arrayContaining([
        'refreshSession',
        'exchangeAccessKey',
        'accessKey.exchange',
        'otp.signIn.email',
        'otp.update.phone.sms',
        'management.user.create',
        'management.jwt.update',
      ]),
    );
    expect(new Set(functions).size).toBe(functions.length);
    expect(functions).not.toContain('management');
  });
});

describe('the local helpers', () => {
  it('are functions of the client that answer at once and call nothing', async () => {
    const fetched: string[] = [];
    const client = sdkClient(async (input) => {
      fetched.push(String(input));
      return new Response('{}');
    }) as unknown as Record<string, (...args: unknown[]) => unknown>;
    const jwt = `e30.${Buffer.from(JSON.stringify({ roles: ['r'], tenants: { T: {} } })).toString('base64url')}.x`;
    const info = { jwt, token: { roles: ['r'], permissions: [], tenants: { T: { roles: ['r'] } } } };
    for (const name of LOCAL_HELPERS) {
      expect(functions, name).toContain(name);
      const onSession = /^(validate|getMatched)/.test(name);
      const tenant = name.includes('Tenant') ? ['T'] : [];
      const args = onSession ? [info, ...tenant, ['r']] : [jwt, 'T'];
      const result = client[name]?.(...args);
      expect(result instanceof Promise, name).toBe(false);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The client's construction sends the license handshake (it has a management key); nothing else.
    expect(fetched.filter((url) => !url.endsWith('/v1/mgmt/license'))).toEqual([]);
  });
});

describe('coverageOf and renderCoverage', () => {
  const sample = [
    'refreshSession',
    'validateRoles',
    'otp.signIn.email',
    'otp.signIn.sms',
    'httpClient.get',
    'management.user.create',
    'management.user.load',
  ];

  it('counts per family the functions some operation names, local helpers and transport apart', () => {
    const coverage = coverageOf(
      sample,
      emulatedFunctions([{ sdkMethods: ['otp.signIn.email', 'no.such'] }]),
      '9',
    );
    expect(coverage.families).toEqual([
      { api: 'auth', family: TOP_LEVEL, functions: ['refreshSession'], emulated: [] },
      {
        api: 'auth',
        family: 'otp',
        functions: ['otp.signIn.email', 'otp.signIn.sms'],
        emulated: ['otp.signIn.email'],
      },
      {
        api: 'management',
        family: 'management.user',
        functions: ['management.user.create', 'management.user.load'],
        emulated: [],
      },
    ]);
    expect(coverage.local).toEqual(['validateRoles']);
    expect(coverage.transport).toEqual(['httpClient.get']);
    const text = renderCoverage(coverage);
    expect(text).toContain('**authentication API 1 of 3 emulated, management API 0 of 2**');
    expect(text).toContain('| auth | `otp` | 2 | 1 | 1 |');
    expect(text).toContain('| **auth** | **total** | **3** | **1** | **2** |');
    expect(text).toContain('- `otp`: `signIn.sms`');
  });

  it('replaces only what lies between the markers, and refuses a document without them', () => {
    const document = `# Title\n\n${START_MARKER}\nold\n${END_MARKER}\n\n## Audited\n\nkept\n`;
    const placed = placeCoverage(document, 'new\n');
    expect(placed).toBe(`# Title\n\n${START_MARKER}\nnew\n${END_MARKER}\n\n## Audited\n\nkept\n`);
    expect(placeCoverage(placed, 'new\n')).toBe(placed);
    expect(() => placeCoverage('# no markers\n', 'new\n')).toThrow(/markers/);
  });
});
