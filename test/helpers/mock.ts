import DescopeClient from '@descope/node-sdk';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ConfigInput } from '../../src/config.js';
import { type BuildOptions, buildServer } from '../../src/server.js';

export const BASIC_FIXTURES = new URL('../fixtures/basic.json', import.meta.url).pathname;
/** Users with passwords, passkeys, trusted devices, provider tokens and sign-ins, for the credential tests. */
export const CREDENTIALS_FIXTURES = new URL('../fixtures/credentials.json', import.meta.url).pathname;
/** The projects of test/fixtures/basic.json. */
export const TEST_PROJECT = { projectId: 'P2TestProject0000000000000000', managementKey: 'K2TestKey' };
export const OTHER_PROJECT = { projectId: 'P2OtherProject000000000000000', managementKey: 'K2OtherKey' };

export type Sdk = ReturnType<typeof DescopeClient>;

export interface TestMock {
  app: FastifyInstance;
  url: string;
  /** The official SDK pointed at the mock, for the test project unless told otherwise. */
  sdk(credentials?: { projectId: string; managementKey: string }): Sdk;
  /** Raw HTTP to the running server, for what no SDK sends. */
  http(
    method: string,
    path: string,
    options?: { body?: unknown; rawBody?: string; auth?: string | null; headers?: Record<string, string> },
  ): Promise<RawResponse>;
  /** A control-plane call (`/_mock/…`): raw HTTP without the Descope bearer header. */
  control(method: string, path: string, body?: unknown): Promise<RawResponse>;
  close(): Promise<void>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * Starts a real server on a free port, built by the same buildServer as production, seeded with
 * test/fixtures/basic.json unless told otherwise.
 */
export async function startMock(config: ConfigInput = {}, options: BuildOptions = {}): Promise<TestMock> {
  const app = buildServer({ fixtures: BASIC_FIXTURES, logLevel: 'silent', ...config, port: 0 }, options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const defaultAuth = `Bearer ${TEST_PROJECT.projectId}:${TEST_PROJECT.managementKey}`;
  const mock: TestMock = {
    app,
    url,
    sdk: (credentials = TEST_PROJECT) => DescopeClient({ ...credentials, baseUrl: url }),
    async http(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const auth = options.auth === undefined ? defaultAuth : options.auth;
      if (auth !== null) headers.authorization = auth;
      let payload: string | undefined = options.rawBody;
      if (payload === undefined && options.body !== undefined) payload = JSON.stringify(options.body);
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${url}${path}`, { method, headers, body: payload });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the text: a test asserting JSON will fail on it
      }
      return { status: response.status, headers: response.headers, body };
    },
    control: (method, path, body) => mock.http(method, path, { body, auth: null }),
    close: () => app.close(),
  };
  return mock;
}

/**
 * One mock for the enclosing file or describe block: registers the beforeAll that starts it and the afterAll
 * that closes it, and returns a handle usable at once. The handle reaches the running mock when a test or
 * hook uses it; `sdk()` returns a client that is made on its first use, so `const sdk = mock.sdk()` can sit
 * beside `useMock()` and serve the whole file.
 */
export function useMock(config: ConfigInput = {}, options: BuildOptions = {}): TestMock {
  let started: TestMock | undefined;
  beforeAll(async () => {
    started = await startMock(config, options);
  });
  afterAll(() => started?.close());
  const running = (): TestMock => {
    if (!started) throw new Error('useMock: the mock starts in beforeAll; use it inside a test or a hook');
    return started;
  };
  return {
    get app() {
      return running().app;
    },
    get url() {
      return running().url;
    },
    sdk: (credentials) => madeOnFirstUse(() => running().sdk(credentials)),
    http: (method, path, options) => running().http(method, path, options),
    control: (method, path, body) => running().control(method, path, body),
    close: () => running().close(),
  };
}

/** An object that stands for `make()`'s result, made on the first property read and kept. */
function madeOnFirstUse<T extends object>(make: () => T): T {
  let made: T | undefined;
  return new Proxy({} as T, {
    get: (_target, key) => {
      made ??= make();
      return Reflect.get(made, key);
    },
  });
}

/** Asserts the shape of Descope's error body and returns it. */
export function expectDescopeError(body: any, errorCode: string): { errorMessage: string } {
  if (typeof body !== 'object' || body === null) throw new Error(`not an error body: ${String(body)}`);
  const keys = Object.keys(body).sort();
  if (keys.join(',') !== 'errorCode,errorDescription,errorMessage,message') {
    throw new Error(`unexpected error body keys: ${keys.join(',')}`);
  }
  if (body.errorCode !== errorCode) throw new Error(`expected ${errorCode}, got ${JSON.stringify(body)}`);
  if (body.message !== body.errorMessage) throw new Error('message and errorMessage differ');
  return body;
}

/**
 * Asserts a refused call, an SDK result (`code`, `error`) or a raw response (`status`, `body`): its HTTP status
 * and Descope's error body with `errorCode`. Returns the body.
 */
export function expectRefused(
  result: { code?: number; error?: unknown } | Pick<RawResponse, 'status' | 'body'>,
  status: number,
  errorCode: string,
): { errorMessage: string } {
  const [actual, body] = 'body' in result ? [result.status, result.body] : [result.code, result.error];
  expect(actual).toBe(status);
  return expectDescopeError(body, errorCode);
}
