import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../../src/server.js';
import { BASIC_FIXTURES, TEST_PROJECT } from '../../helpers/mock.js';

/**
 * Access is decided on the route that matched, so no spelling of a path reaches a handler without the check
 * its route demands. Every control-plane and management route is sent in every spelling below, without
 * credentials, over a real socket (so the path reaches the router byte for byte, never normalised by a client).
 */

interface Sent {
  status: number;
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
    const body = method === 'GET' || method === 'HEAD' ? undefined : '{}';
    const sent = request(
      {
        hostname,
        port,
        method,
        path,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    sent.on('error', (error) => reject(new Error(`${method} ${path}: ${error.message}`)));
    sent.end(body);
  });
}

const hex = (char: string, lower = false): string => {
  const code = `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  return lower ? code.toLowerCase() : code;
};

/** Every way of writing `path` that a router or a proxy might read as the same path. */
function spellings(path: string): string[] {
  const segments = path.split('/').slice(1);
  const first = segments[0] ?? '';
  const rest = segments.slice(1).join('/');
  const lastLetter = path.search(/[a-z](?=[^a-z]*$)/);
  return [
    `/${hex(first[0] ?? '')}${first.slice(1)}/${rest}`,
    `/${first.slice(0, -1)}${hex(first.at(-1) ?? '', true)}/${rest}`,
    `${path.slice(0, lastLetter)}${hex(path[lastLetter] ?? '')}${path.slice(lastLetter + 1)}`,
    path.replaceAll('/', '%2F'),
    path.replace('/', '%2f'),
    `/${path}`,
    path.replace(/\/([^/]*)$/, '//$1'),
    `${path}/`,
    `/${first}/../${first}/${rest}`,
    `/${first}/./${rest}`,
    `/${first}/%2E%2E/${first}/${rest}`,
    path.toUpperCase(),
    `/${first.toUpperCase()}/${rest}`,
    `${path}%00`,
    `${path};x=1`,
    `${path}#frag`,
  ];
}

describe('every spelling of a guarded path', () => {
  const adminToken = 'the-admin-token';
  const app = buildServer({ fixtures: BASIC_FIXTURES, logLevel: 'silent', adminToken });
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url ?? route.path });
  });
  let url = '';

  beforeAll(async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => app.close());

  /** A route's pattern with its parameters filled in: the test project, a fault ID. */
  const concrete = (pattern: string) =>
    pattern.replace(':projectId', TEST_PROJECT.projectId).replace(/:[A-Za-z]+/g, 'x1');

  it('reaches no control-plane handler without the admin token', async () => {
    // The IdP page (area idp, docs/security.md) is open by design: it is checked below.
    const control = routes.filter(
      (route) => route.url.startsWith('/_mock/') && !/^\/_mock\/(health|docs|openapi|idp\/)/.test(route.url),
    );
    expect(control.length).toBeGreaterThanOrEqual(14);
    const projectsBefore = (await send(url, 'GET', '/_mock/projects', auth(adminToken))).body;
    for (const route of control) {
      for (const path of [concrete(route.url), ...spellings(concrete(route.url))]) {
        const { status, body } = await send(url, route.method, path);
        // 401: the control plane's own check; 404: no route (the router read another path); 400: not a URL.
        expect([400, 401, 404], `${route.method} ${path}: ${body}`).toContain(status);
      }
    }
    // The IdP page answers anyone, but an unknown page (400), a body that is not its form (415) or a path the
    // router reads as another (404) reaches no sign-in.
    for (const route of routes.filter((candidate) => candidate.url.startsWith('/_mock/idp/'))) {
      for (const path of [concrete(route.url), ...spellings(concrete(route.url))]) {
        const { status, body } = await send(url, route.method, path);
        expect([400, 404, 415], `${route.method} ${path}: ${body}`).toContain(status);
      }
    }
    // Nothing was reset, created, deleted or restored along the way.
    expect((await send(url, 'GET', '/_mock/projects', auth(adminToken))).body).toBe(projectsBefore);
    const faults = JSON.parse((await send(url, 'GET', '/_mock/faults', auth(adminToken))).body);
    expect(faults.faults).toEqual([]);
  });

  it('reaches no management handler without the management key', async () => {
    const management = routes.filter((route) => /^\/v[12]\/mgmt\//.test(route.url));
    expect(management.length).toBeGreaterThan(90);
    for (const route of management) {
      for (const path of [route.url, ...spellings(route.url)]) {
        const { status, body } = await send(url, route.method, path);
        // 401: the bearer check; 404/501: no route; 400: not a URL. A 200, or a 400 from the body's
        // validation, would mean a handler's input was read without credentials.
        expect([400, 401, 404, 501], `${route.method} ${path}: ${body}`).toContain(status);
        if (status === 400 && route.method !== 'HEAD') {
          expect(body, `${route.method} ${path}`).toContain('Request is malformed');
        }
      }
    }
  });

  it('serves an encoded spelling that carries the credentials as the route it matched', async () => {
    const bearer = { authorization: `Bearer ${TEST_PROJECT.projectId}:${TEST_PROJECT.managementKey}` };
    const loaded = await send(url, 'GET', '/v1/%6Dgmt/user?loginId=ada%40example.com', bearer);
    expect(loaded.status).toBe(200);
    expect(JSON.parse(loaded.body).user.loginIds).toContain('ada@example.com');
    const listed = await send(url, 'GET', '/%5Fmock/projects', auth(adminToken));
    expect(listed.status).toBe(200);
  });
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
