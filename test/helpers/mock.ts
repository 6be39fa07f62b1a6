import DescopeClient from '@descope/node-sdk';
import type { FastifyInstance } from 'fastify';
import type { ConfigInput } from '../../src/config.js';
import { type BuildOptions, buildServer } from '../../src/server.js';

export const BASIC_FIXTURES = new URL('../fixtures/basic.json', import.meta.url).pathname;
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
    options?: { body?: unknown; rawBody?: string; auth?: string | null },
  ): Promise<RawResponse>;
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
  return {
    app,
    url,
    sdk: (credentials = TEST_PROJECT) => DescopeClient({ ...credentials, baseUrl: url }),
    async http(method, path, options = {}) {
      const headers: Record<string, string> = {};
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
    close: () => app.close(),
  };
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
