import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { expectDescopeError, expectRefused, useMock } from '../../helpers/mock.js';

const mock = useMock();

describe('paths the mock does not serve', () => {
  it.each([
    ['POST', '/v1/mgmt/no/such/operation'],
    ['GET', '/v2/mgmt/no/such/operation'],
    ['GET', '/v1/mgmt/user/update/name'],
    ['POST', '/v1/auth/security-questions/verify'],
  ])('%s %s answers 501 "not emulated by descope-mock"', async (method, path) => {
    const response = await mock.http(method, path, { body: method === 'POST' ? {} : undefined });
    expect(expectRefused(response, 501, 'E000501').errorMessage).toBe(
      `${method} ${path} is not emulated by descope-mock`,
    );
  });

  it('checks credentials before saying a management path is not emulated', async () => {
    const response = await mock.http('GET', '/v1/mgmt/no/such/operation', { auth: null });
    expectRefused(response, 401, 'E011003');
  });

  it.each([
    ['GET', '/'],
    ['GET', '/v3/mgmt/user'],
    ['POST', '/mgmt/user/create'],
    ['GET', '/_mock/no-such-thing'],
  ])('%s %s answers 404 with Descope’s body', async (method, path) => {
    const response = await mock.http(method, path, { auth: null });
    expect(expectRefused(response, 404, 'E000404').errorMessage).toBe(`No route ${method} ${path}`);
  });

  it('answers a URL that is not valid percent-encoding with 400 and Descope’s body', async () => {
    const response = await mock.http('GET', '/v1/mgmt/%E0%A4%A');
    expectRefused(response, 400, 'E011001');
  });

  it('answers an unparseable HTTP request with Descope’s body, and keeps serving', async () => {
    const { port } = new URL(mock.url);
    const raw = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({
        port,
        host: '127.0.0.1',
        path: '/_mock/health',
        headers: { 'x-huge': 'x'.repeat(20_000), 'x-huger': 'y'.repeat(20_000) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(raw.status).toBe(431);
    expectDescopeError(JSON.parse(raw.body), 'E011001');
    expect((await mock.http('GET', '/_mock/health')).status).toBe(200);
  });

  it('answers a request line that is not HTTP with 400 and Descope’s body', async () => {
    const { port } = new URL(mock.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer.startsWith('HTTP/1.1 400 Bad Request\r\n')).toBe(true);
    expectDescopeError(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)), 'E011001');
    expect((await mock.http('GET', '/_mock/health')).status).toBe(200);
  });
});
