import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { expectDescopeError, TEST_PROJECT, useMock } from '../../helpers/mock.js';

const AUTH = `Bearer ${TEST_PROJECT.projectId}:${TEST_PROJECT.managementKey}`;

// A short window, so the test does not wait long; the default is 30 s.
const mock = useMock({ requestTimeout: 500 });

/** Opens a raw connection, writes `sent` and never more; resolves with all the server wrote once it closes. */
function stall(sent: string): Promise<string> {
  const { port } = new URL(mock.url);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(sent));
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}

const head = (length: number) =>
  `POST /v1/mgmt/user/update/name HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${AUTH}\r\n` +
  `Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

describe('--request-timeout', () => {
  it.for([
    ['complete headers, then a body that stops halfway', `${head(100)}{"loginId": "ada@`],
    ['headers that never end', 'POST /v1/mgmt/user/update/name HTTP/1.1\r\nHost: localhost\r\n'],
    ['a connection that sends nothing', ''],
  ])('answers %s with 408 and closes the connection', async ([, sent]) => {
    // Without a request timeout the connection stays open and this test runs into vitest's timeout.
    const answer = await stall(sent as string);
    expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expectDescopeError(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)), 'E011001');
  });

  it('leaves alone a whole request that a fault delays beyond it', async () => {
    const added = await mock.control('POST', '/_mock/faults', {
      path: '/v1/mgmt/user/create/batch',
      delayMs: 1_500,
      times: 1,
    });
    expect(added.status).toBe(201);
    // Well over what a socket buffers, so the body is still arriving when the fault starts its delay.
    const users = Array.from({ length: 5_000 }, (_, i) => ({
      loginId: `delayed${i}@example.com`,
      displayName: 'x'.repeat(100),
    }));
    const created = await mock.http('POST', '/v1/mgmt/user/create/batch', { body: { users } });
    expect(created.status).toBe(200);
    expect(created.body.createdUsers).toHaveLength(5_000);
  });
});
