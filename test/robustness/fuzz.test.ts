import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OPERATIONS } from '../../src/routes/registry.js';
import { buildServer } from '../../src/server.js';
import { BASIC_FIXTURES, TEST_PROJECT } from '../helpers/mock.js';

/**
 * Property-based fuzzing of every emulated route's body and query: wrong types, missing keys, huge strings,
 * deep nesting, unicode, prototype keys. Whatever comes in, the answer is JSON, never a 5xx, and every
 * failure is Descope's error body; the server keeps answering.
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

  it('still answers after the fuzzing', async () => {
    const response = await app.inject({ method: 'GET', url: '/_mock/health' });
    expect(response.json()).toEqual({ status: 'ok' });
  });
});
