import DescopeClient from '@descope/node-sdk';
import { type DescopeMock, DescopeMockError, type JWTResponse, startDescopeMock } from 'descope-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_FIXTURE } from '../helpers/session.js';

/** `mock.mintSession`, as the README's "Sessions" section uses it: a session for a backend test. */

let mock: DescopeMock;
beforeAll(async () => {
  mock = await startDescopeMock({
    fixtures: { projects: [{ projectId: 'P2SessionsDemo', managementKeys: ['K2Demo'], ...SESSION_FIXTURE }] },
    projectId: 'P2SessionsDemo',
  });
});
afterAll(() => mock.close());

describe('mock.mintSession', () => {
  it("mints a session of the default project that the SDK's validateSession accepts", async () => {
    const { sessionJwt }: JWTResponse = await mock.mintSession('ada@example.com', { tenantId: 'T2Acme' });
    const descope = DescopeClient({ projectId: mock.projectId, baseUrl: mock.url });
    const session = await descope.validateSession(sessionJwt);
    expect(descope.validateTenantRoles(session, 'T2Acme', ['Approver'])).toBe(true);
  });

  it('takes a user ID and another project, and throws the error body as DescopeMockError', async () => {
    const other = await mock.createProject(SESSION_FIXTURE);
    const minted = await mock.mintSession(
      { userId: 'U2Ada0000000000000000000000' },
      { projectId: other.projectId, customClaims: { plan: 'pro' }, expiresInSeconds: 60 },
    );
    expect(minted.sessionExpiration - minted.cookieExpiration).toBeLessThan(0);
    const descope = DescopeClient({ projectId: other.projectId, baseUrl: mock.url });
    expect((await descope.validateSession(minted.sessionJwt)).token.plan).toBe('pro');

    const refused = await mock.mintSession('nobody@example.com').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DescopeMockError);
    expect(refused).toMatchObject({ status: 404, body: { errorCode: 'E000404' } });
  });
});
