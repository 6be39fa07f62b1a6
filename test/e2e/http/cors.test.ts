import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';

/**
 * CORS for the routes a browser SDK calls from a page of another origin (descope-auth-api.md §9), over a
 * real socket so `Origin` and the preflight headers reach the mock as a browser sends them.
 */

interface Sent {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Sent> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = request({ hostname, port, method, path, headers }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    sent.on('error', reject);
    sent.end();
  });
}

/** Bytes as written, for headers node:http would refuse to send. */
function sendRaw(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

const PAGE = 'http://localhost:5173';
const KEYS = `/v2/keys/${TEST_PROJECT.projectId}`;
const CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-expose-headers',
];

describe('CORS on the browser SDK routes, any origin (the default)', () => {
  const mock = useMock();

  it('echoes the origin with credentials, Vary and the exposed headers on every key route', async () => {
    for (const path of [
      KEYS,
      `/v1/keys/${TEST_PROJECT.projectId}`,
      `/${TEST_PROJECT.projectId}/.well-known/jwks.json`,
    ]) {
      const answer = await send(mock.url, 'GET', path, { origin: PAGE });
      expect(answer.status, path).toBe(200);
      expect(answer.headers['access-control-allow-origin'], path).toBe(PAGE);
      expect(answer.headers['access-control-allow-credentials']).toBe('true');
      expect(answer.headers.vary).toMatch(/\bOrigin\b/);
      expect(answer.headers['access-control-expose-headers']).toBe(
        'X-Descope-Flow-Nonce, Retry-After, x-geo',
      );
    }
  });

  it('puts them on error answers too', async () => {
    const answer = await send(mock.url, 'GET', '/v2/keys/P2NoSuchProject00000000000000', { origin: PAGE });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.headers['access-control-allow-origin']).toBe(PAGE);
    expect(answer.headers['access-control-allow-credentials']).toBe('true');
  });

  it('answers a preflight 204 with the methods, the echoed request headers and a max age', async () => {
    const answer = await send(mock.url, 'OPTIONS', KEYS, {
      origin: PAGE,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'x-descope-sdk-name, X-Descope-SDK-Version,authorization',
    });
    expect(answer.status).toBe(204);
    expect(answer.body).toBe('');
    expect(answer.headers['access-control-allow-origin']).toBe(PAGE);
    expect(answer.headers['access-control-allow-credentials']).toBe('true');
    expect(answer.headers['access-control-allow-methods']).toBe('GET, POST, PUT, PATCH, DELETE, OPTIONS');
    expect(answer.headers['access-control-allow-headers']).toBe(
      'x-descope-sdk-name, x-descope-sdk-version, authorization',
    );
    expect(answer.headers['access-control-max-age']).toBe('600');
    expect(answer.headers.vary).toMatch(/\bOrigin\b/);
  });

  it('answers the default header list when the preflight names none, and keeps preflights out of the journal', async () => {
    await mock.control('DELETE', '/_mock/requests');
    await send(mock.url, 'GET', KEYS, { origin: PAGE });
    const answer = await send(mock.url, 'OPTIONS', KEYS, {
      origin: PAGE,
      'access-control-request-method': 'GET',
    });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-headers']).toContain('x-descope-sdk-name');
    expect(answer.headers['access-control-allow-headers']).toContain('x-descope-flow-nonce');
    const journal = await mock.control('GET', '/_mock/requests');
    expect(JSON.stringify(journal.body)).toContain(`"GET"`);
    expect(JSON.stringify(journal.body)).not.toContain('OPTIONS');
  });

  it('lets a page read the 501 of an authentication path not emulated yet, preflight and all', async () => {
    const path = '/v1/auth/security-questions/verify';
    const preflight = await send(mock.url, 'OPTIONS', path, {
      origin: PAGE,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(PAGE);
    await mock.control('DELETE', '/_mock/requests');
    const answer = await send(mock.url, 'POST', path, {
      origin: PAGE,
      authorization: `Bearer ${TEST_PROJECT.projectId}`,
    });
    expect(answer.status).toBe(501);
    expect(JSON.parse(answer.body)).toMatchObject({ errorCode: 'E000501' });
    expect(answer.headers['access-control-allow-origin']).toBe(PAGE);
    expect(answer.headers['access-control-allow-credentials']).toBe('true');
    // Journaled under the path called, not the catch-all's pattern.
    const journal = await mock.control('GET', '/_mock/requests');
    expect(JSON.stringify(journal.body)).toContain(`"path":"${path}"`);
    // Credentials first, as on a management path: an unknown project is refused before "not emulated".
    const stranger = await send(mock.url, 'POST', path, {
      origin: PAGE,
      authorization: 'Bearer P2NoSuchProject00000000000000',
    });
    expect(stranger.status).toBe(401);
    expect(stranger.headers['access-control-allow-origin']).toBe(PAGE);
  });

  it('sanitises a hostile Access-Control-Request-Headers: names only, capped', async () => {
    const huge = Array.from({ length: 200 }, (_, i) => `x-h${i}`).join(',');
    const many = await send(mock.url, 'OPTIONS', KEYS, {
      origin: PAGE,
      'access-control-request-headers': huge,
    });
    expect(many.status).toBe(204);
    expect(String(many.headers['access-control-allow-headers']).split(', ')).toHaveLength(32);
    const junk = await send(mock.url, 'OPTIONS', KEYS, {
      origin: PAGE,
      'access-control-request-headers': 'x-ok, bad header, "quoted", x:y, ;',
    });
    expect(junk.headers['access-control-allow-headers']).toBe('x-ok');
    const tooLong = await send(mock.url, 'OPTIONS', KEYS, {
      origin: PAGE,
      'access-control-request-headers': `x-${'a'.repeat(5000)}`,
    });
    expect(tooLong.headers['access-control-allow-headers']).toContain('x-descope-sdk-name');
    // A CR LF inside the value: the bytes as written, past node:http's own checks.
    const split = await sendRaw(
      mock.url,
      `OPTIONS ${KEYS} HTTP/1.1\r\nHost: x\r\nOrigin: ${PAGE}\r\nAccess-Control-Request-Headers: x-a\rSet-Cookie: evil=1\r\nConnection: close\r\n\r\n`,
    );
    expect(split).not.toMatch(/\r\nset-cookie:/i);
    expect(split).toMatch(/^HTTP\/1\.1 (204|400)/);
  });

  it('gives the management API and the control plane no CORS headers', async () => {
    const mgmt = await send(mock.url, 'GET', '/v1/mgmt/user?loginId=nobody', {
      origin: PAGE,
      authorization: `Bearer ${TEST_PROJECT.projectId}:${TEST_PROJECT.managementKey}`,
    });
    const control = await send(mock.url, 'GET', '/_mock/health', { origin: PAGE });
    const refused = await send(mock.url, 'GET', '/_mock/requests', { origin: PAGE });
    expect(refused.status).toBe(403);
    for (const answer of [mgmt, control, refused]) {
      for (const header of CORS_HEADERS) expect(answer.headers[header]).toBeUndefined();
    }
    const preflight = await send(mock.url, 'OPTIONS', '/v1/mgmt/user', { origin: PAGE });
    expect(preflight.status).not.toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS narrowed by --cors-origins', () => {
  const mock = useMock({ corsOrigins: 'https://app.example.test, http://localhost:5173/' });

  it('echoes a listed origin and gives any other none, nor a preflight any allow header', async () => {
    const listed = await send(mock.url, 'GET', KEYS, { origin: 'https://app.example.test' });
    expect(listed.headers['access-control-allow-origin']).toBe('https://app.example.test');
    const other = await send(mock.url, 'GET', KEYS, { origin: 'https://evil.example.test' });
    expect(other.status).toBe(200);
    for (const header of CORS_HEADERS) expect(other.headers[header]).toBeUndefined();
    expect(other.headers.vary).toMatch(/\bOrigin\b/);
    const preflight = await send(mock.url, 'OPTIONS', KEYS, { origin: 'https://evil.example.test' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const slash = await send(mock.url, 'OPTIONS', KEYS, { origin: PAGE });
    expect(slash.headers['access-control-allow-origin']).toBe(PAGE);
  });
});
