import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  expectDescopeError,
  expectRefused,
  TEST_PROJECT,
  type TestMock,
  useMock,
} from '../../helpers/mock.js';

/** A request as if from another machine: light-my-request lets a test set the client address. */
const fromAfar = (mock: TestMock, url: string, headers: Record<string, string> = {}) =>
  mock.app.inject({ method: 'GET', url, headers, remoteAddress: '10.1.2.3' });

describe('the control plane without an admin token', () => {
  const mock = useMock();

  it('answers loopback clients, with no Descope bearer header', async () => {
    const { status } = await mock.http('GET', '/_mock/projects', { auth: null });
    expect(status).toBe(200);
  });

  it('refuses any other client with 403 and the error body, but keeps the health check open', async () => {
    const refused = await fromAfar(mock, '/_mock/projects');
    expect(refused.statusCode).toBe(403);
    expectDescopeError(refused.json(), 'E000403');
    const health = await fromAfar(mock, '/_mock/health');
    expect(health.statusCode).toBe(200);
  });

  it('never guards the Descope API itself by address', async () => {
    const descope = await fromAfar(mock, '/v1/mgmt/user?loginId=ada%40example.com', {
      authorization: `Bearer ${TEST_PROJECT.projectId}:${TEST_PROJECT.managementKey}`,
    });
    expect(descope.statusCode).toBe(200);
  });
});

describe('the control plane with --admin-token', () => {
  const mock = useMock({ adminToken: 'let-me-in' });

  it('answers only requests that carry the token, from anywhere', async () => {
    const missing = await mock.http('GET', '/_mock/projects', { auth: null });
    expectRefused(missing, 401, 'E011003');
    const wrong = await mock.http('GET', '/_mock/projects', { auth: 'Bearer not-it' });
    expect(wrong.status).toBe(401);
    const right = await mock.http('GET', '/_mock/projects', { auth: 'Bearer let-me-in' });
    expect(right.status).toBe(200);
    const afar = await fromAfar(mock, '/_mock/projects', { authorization: 'Bearer let-me-in' });
    expect(afar.statusCode).toBe(200);
  });

  it('guards every control call, writes included: a refused reset changes nothing', async () => {
    await mock.sdk().management.user.create('kept@example.com');
    const refused = await mock.http('POST', '/_mock/reset', { body: {}, auth: null });
    expect(refused.status).toBe(401);
    expect((await mock.sdk().management.user.load('kept@example.com')).ok).toBe(true);
  });

  it('keeps the health check open and the Descope API on its management keys', async () => {
    expect((await mock.http('GET', '/_mock/health', { auth: null })).status).toBe(200);
    expect((await mock.sdk().management.user.load('ada@example.com')).ok).toBe(true);
  });
});

/** A request over a real socket with the headers a browser page (or a rebound DNS name) would send. */
async function raw(
  mock: TestMock,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: any }> {
  const { port } = new URL(mock.url);
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      let text = '';
      response.on('data', (chunk) => {
        text += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

describe('the control plane and the browser', () => {
  const mock = useMock();
  const own = () => new URL(mock.url).host;
  const faultCount = async () => (await mock.control('GET', '/_mock/faults')).body.faults.length;
  const fault = JSON.stringify({ path: '/v1/mgmt/user', status: 429 });

  it('refuses a page from another origin, even a "simple" request, and changes nothing', async () => {
    await mock.sdk().management.user.create('kept-origin@example.com');
    const reset = await raw(mock, 'POST', '/_mock/reset', {
      host: own(),
      origin: 'https://evil.example',
      'content-type': 'application/json',
    });
    expect(reset.status).toBe(403);
    expectDescopeError(reset.body, 'E000403');
    const bodiless = await raw(mock, 'POST', '/_mock/reset', { host: own(), origin: 'null' });
    expect(bodiless.status).toBe(403);
    expect((await mock.sdk().management.user.load('kept-origin@example.com')).ok).toBe(true);
  });

  it('refuses a body that is not declared JSON (text/plain, forms), and adds no fault', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; b=x']) {
      const refused = await raw(mock, 'POST', '/_mock/faults', { host: own(), 'content-type': type }, fault);
      expect(refused.status, type).toBe(415);
      expectDescopeError(refused.body, 'E000415');
    }
    const untyped = await raw(mock, 'POST', '/_mock/faults', { host: own() }, fault);
    expect(untyped.status).toBe(415);
    expect(await faultCount()).toBe(0);
  });

  it('refuses a Host that is not a loopback name (DNS rebinding), reads and writes alike', async () => {
    for (const host of ['evil.example', 'evil.example:7357', '127.0.0.1.evil.example', '10.0.0.1']) {
      const snapshot = await raw(mock, 'GET', `/_mock/projects/${TEST_PROJECT.projectId}/snapshot`, { host });
      expect(snapshot.status, host).toBe(403);
      expectDescopeError(snapshot.body, 'E000403');
    }
  });

  it('answers its own origin, loopback names and JSON, as the SDK helpers and the docs page send them', async () => {
    for (const host of [own(), `localhost:${new URL(mock.url).port}`, 'app.localhost', '[::1]:80']) {
      const listed = await raw(mock, 'GET', '/_mock/projects', { host });
      expect(listed.status, host).toBe(200);
    }
    const added = await raw(
      mock,
      'POST',
      '/_mock/faults',
      { host: own(), origin: `http://${own()}`, 'content-type': 'application/json; charset=utf-8' },
      fault,
    );
    expect(added.status).toBe(201);
    const cleared = await raw(mock, 'DELETE', '/_mock/faults', { host: own() });
    expect(cleared.status).toBe(200);
    const bodiless = await raw(mock, 'POST', '/_mock/reset', { host: own() });
    expect(bodiless.status).toBe(200);
  });

  it('leaves the Descope API as the SDKs and browsers reach it: any origin, any declared type', async () => {
    const created = await raw(
      mock,
      'POST',
      '/v1/mgmt/user/create',
      {
        host: 'api.example',
        origin: 'https://app.example',
        'content-type': 'text/plain',
        authorization: `Bearer ${TEST_PROJECT.projectId}:${TEST_PROJECT.managementKey}`,
      },
      JSON.stringify({ loginId: 'typed-plain@example.com' }),
    );
    expect(created.status).toBe(200);
    expect(created.body.user.loginIds).toEqual(['typed-plain@example.com']);
  });
});

describe('the control plane with --admin-token, reached by another name', () => {
  const mock = useMock({ adminToken: 'let-me-in' });

  it('answers any Host when the token is sent (a container reached by its service name)', async () => {
    const named = await raw(mock, 'GET', '/_mock/projects', {
      host: 'descope-mock:7357',
      authorization: 'Bearer let-me-in',
    });
    expect(named.status).toBe(200);
    const without = await raw(mock, 'GET', '/_mock/projects', { host: 'descope-mock:7357' });
    expect(without.status).toBe(401);
  });

  it('still refuses another origin and a body not declared JSON', async () => {
    const headers = { host: 'descope-mock', authorization: 'Bearer let-me-in' };
    const page = await raw(mock, 'POST', '/_mock/reset', { ...headers, origin: 'https://evil.example' });
    expect(page.status).toBe(403);
    const plain = await raw(mock, 'POST', '/_mock/reset', { ...headers, 'content-type': 'text/plain' }, '{}');
    expect(plain.status).toBe(415);
  });
});
