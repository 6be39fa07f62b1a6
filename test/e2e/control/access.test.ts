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
