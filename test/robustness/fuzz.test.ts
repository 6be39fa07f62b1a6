import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OPERATIONS } from '../../src/routes/registry.js';
import { buildServer } from '../../src/server.js';
import { BASIC_FIXTURES, TEST_PROJECT } from '../helpers/mock.js';

/**
 * Property-based fuzzing of every emulated route's body and query: wrong types, missing keys, huge strings,
 * deep nesting, unicode, prototype keys, numbers past int32, int64 and doubles, lists and maps thousands long.
 * Whatever comes in, the answer is JSON, never a 5xx, and every failure is Descope's error body; the server
 * keeps answering.
 */
const AUTH = `Bearer ${TEST_PROJECT.projectId}:${TEST_PROJECT.managementKey}`;
const ERROR_KEYS = ['errorCode', 'errorDescription', 'errorMessage', 'message'];
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 50);

let app: FastifyInstance;
beforeAll(async () => {
  app = buildServer({ fixtures: BASIC_FIXTURES, logLevel: 'silent' });
  await app.ready();
});
afterAll(() => app.close());

/** The keys a route's schema knows, so the fuzzer hits real fields as well as unknown ones. */
function knownKeys(schema: unknown): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '💥',
    'a'.repeat(100_000),
    '+1-555-555-1234',
    'ada@example.com',
    'U2Ada0000000000000000000000',
  ),
);
/** Numbers a store may choke on: past int32, int64 and the safe integers, fractions, negatives, 1e308. */
const edgeNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, 1e300, 2 ** 63, 2 ** 53 + 2, 2 ** 31, 2 ** 31 - 1, -1, 0.5, -0),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
/** Lists long enough to outgrow a query built an item at a time. */
const longList = fc.integer({ min: 100, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => `v${i}`));
/**
 * Maps with up to thousands of keys (attribute filters, tenant-role entries), each value a string or a
 * Descope StringArray (`{values, and}`), on either side of the bounds a route may set.
 */
const wideMap = fc
  .tuple(fc.oneof(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 150, max: 2500 })), fc.boolean())
  .map(([n, roleLists]) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        `k${i}`,
        roleLists ? { values: [`r${i % 7}`, `r${i % 3}`], and: i % 2 === 0 } : `v${i}`,
      ]),
    ),
  );
const leaf = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('any'), { maxLength: 4 }),
  object: fc.dictionary(
    fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('constructor', 'toString')),
    tie('any'),
    { maxKeys: 4 },
  ),
})).any;

/** A value for a known field: mostly strings (most of Descope's fields are), else anything. */
const fieldValue = fc.oneof(
  { weight: 12, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: edgeNumber },
  { weight: 1, arbitrary: longList },
  { weight: 1, arbitrary: wideMap },
  { weight: 1, arbitrary: value },
);

/**
 * Bodies that get past validation often enough to reach the handlers: the route's own keys with plausible
 * values, half of them naming an existing user; besides, random keys and values of any shape.
 */
function bodyFor(keys: string[]) {
  const known = fc.record(Object.fromEntries(keys.map((key) => [key, fieldValue])), { requiredKeys: [] });
  const aimed = fc
    .tuple(known, fc.boolean())
    .map(([body, named]) => (named ? { ...body, loginId: 'ada@example.com' } : body));
  const key =
    keys.length > 0
      ? fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 }))
      : fc.string({ maxLength: 10 });
  // Every field a string and the user named: for the many string-only routes, this reaches the handler.
  const typed = fc
    .record(Object.fromEntries(keys.map((key) => [key, hostileString])), { requiredKeys: [] })
    .map((body) => ({ ...body, loginId: 'ada@example.com' }));
  return fc.oneof(
    { weight: 4, arbitrary: typed },
    { weight: 4, arbitrary: aimed },
    { weight: 2, arbitrary: fc.dictionary(key, value, { maxKeys: 8 }) },
    { weight: 1, arbitrary: value },
  );
}

/** JSON text that JSON.stringify cannot produce: prototype keys, deep nesting, broken syntax. */
const rawBodies = fc.constantFrom(
  '{"__proto__": {"admin": true}, "loginId": "ada@example.com"}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
  `{"loginId": ${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`,
  '{"loginId": "ada@example.com",',
  '',
  'null',
  '"just a string"',
  '\u00ff\u00fe',
);

async function expectDescopeAnswer(method: string, url: string, payload: string | undefined) {
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers: {
      authorization: AUTH,
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    },
    payload,
  });
  expect(response.statusCode, `${method} ${url} ${payload?.slice(0, 200)}`).toBeLessThan(500);
  const body = response.json();
  if (response.statusCode >= 400) expect(Object.keys(body).sort()).toEqual(ERROR_KEYS);
}

describe('fuzzing every emulated route', () => {
  for (const operation of OPERATIONS) {
    const { method, path } = operation;
    it(`${method} ${path} answers any input with JSON and no 5xx`, async () => {
      if (method === 'GET' || method === 'DELETE') {
        const keys = knownKeys(operation.query);
        const query = fc.dictionary(keys.length > 0 ? fc.constantFrom(...keys) : fc.string(), hostileString, {
          maxKeys: 4,
        });
        await fc.assert(
          fc.asyncProperty(query, (params) =>
            expectDescopeAnswer(method, `${path}?${new URLSearchParams(params)}`, undefined),
          ),
          { numRuns: RUNS_PER_ROUTE, seed: 7357 },
        );
        return;
      }
      await fc.assert(
        fc.asyncProperty(bodyFor(knownKeys(operation.body)), (body) =>
          expectDescopeAnswer(method, path, JSON.stringify(body)),
        ),
        { numRuns: RUNS_PER_ROUTE, seed: 7357 },
      );
      await fc.assert(
        fc.asyncProperty(rawBodies, (raw) => expectDescopeAnswer(method, path, raw)),
        { numRuns: 9, seed: 7357 },
      );
    });
  }

  /**
   * User search turns its body into SQL: paging numbers, list filters and maps of filters of every size,
   * mostly valid elsewhere so that the rest of the body reaches the query.
   */
  const paging = fc.oneof(
    { weight: 2, arbitrary: fc.nat({ max: 1000 }) },
    { weight: 1, arbitrary: edgeNumber },
  );
  const sortTerm = fc.record({
    field: fc.constantFrom('email', 'createdTime', 'displayName', 'tenant', 'status'),
    desc: fc.boolean(),
  });
  const searchBody = fc.record(
    {
      limit: paging,
      page: paging,
      offset: paging,
      customAttributes: wideMap,
      tenantRoleNames: wideMap,
      tenantRoleIds: wideMap,
      loginIds: longList,
      tenantIds: longList,
      roleNames: longList,
      ssoAppIds: longList,
      includeSubTenants: fc.boolean(),
      withTestUser: fc.boolean(),
      text: hostileString,
      sort: fc.array(sortTerm, { maxLength: 3000 }),
    },
    { requiredKeys: [] },
  );
  for (const path of ['/v1/mgmt/user/search', '/v2/mgmt/user/search', '/v2/mgmt/user/search/test']) {
    it(`POST ${path} answers edge numbers and filters of any size with no 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(searchBody, (body) => expectDescopeAnswer('POST', path, JSON.stringify(body))),
        { numRuns: RUNS_PER_ROUTE, seed: 7357 },
      );
    });
  }

  it('still answers after the fuzzing', async () => {
    const response = await app.inject({ method: 'GET', url: '/_mock/health' });
    expect(response.json()).toEqual({ status: 'ok' });
  });
});
