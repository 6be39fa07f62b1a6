import DescopeClient from '@descope/node-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { ADA_ID, decoded, mint, SESSION_FIXTURE, sessionProject } from '../../helpers/session.js';

/** What a session may ask about itself (`me`, `me/tenants`, `me/history`), `tenant/select` and `validate`. */

const mock = useMock({ fixtures: 'none' });
let projectId: string;
let managementKey: string;
let sdk: ReturnType<typeof DescopeClient>;

/** Ada's sign-ins as a fixture gives them, oldest first. */
const SIGN_INS = [
  { loginTime: 1_700_000_000, city: 'London', country: 'GB', ip: '10.0.0.1', selectedTenant: '' },
  { loginTime: 1_700_086_400, city: 'Paris', country: 'FR', ip: '10.0.0.2', selectedTenant: 'T2Acme' },
];

beforeAll(async () => {
  ({ projectId, managementKey } = await sessionProject(mock, {
    ...SESSION_FIXTURE,
    tenants: [
      { id: 'T2Acme', name: 'Acme', customAttributes: { region: 'eu' } },
      { id: 'T2Globex', name: 'Globex' },
      { id: 'T2Initech', name: 'Initech' },
    ],
    users: SESSION_FIXTURE.users.map((user) =>
      user.userId === ADA_ID ? { ...user, loginHistory: SIGN_INS } : user,
    ),
  }));
  sdk = DescopeClient({ projectId, baseUrl: mock.url, managementKey });
});

const session = async (body: Record<string, unknown> = { loginId: 'ada@example.com' }) => {
  const response = await mint(mock, projectId, body);
  expect(response.status).toBe(201);
  return response.body as { sessionJwt: string; refreshJwt: string };
};

describe('me', () => {
  it('answers the user at the root, as management user.load answers it', async () => {
    const { refreshJwt } = await session();
    const me = await sdk.me(refreshJwt);
    expect(me.ok).toBe(true);
    expect(me.data).toEqual((await sdk.management.user.load('ada@example.com')).data);
  });
});

describe('myTenants', () => {
  const acme = { id: 'T2Acme', name: 'Acme', customAttributes: { region: 'eu' } };
  const globex = { id: 'T2Globex', name: 'Globex' };

  it("true: the session's current tenant only; none when it has none", async () => {
    const inAcme = await session({ loginId: 'ada@example.com', tenantId: 'T2Acme' });
    expect((await sdk.myTenants(true, inAcme.refreshJwt)).data).toEqual({ tenants: [acme] });
    const outside = await session();
    expect((await sdk.myTenants(true, outside.refreshJwt)).data).toEqual({ tenants: [] });
  });

  it("IDs: those of the user's tenants, skipping one they are not a member of", async () => {
    const { refreshJwt } = await session();
    const answer = await sdk.myTenants(['T2Globex', 'T2Initech'], refreshJwt);
    expect(answer.data).toEqual({ tenants: [globex] });
  });

  it('neither (as Go and Python send, both keys): all of them', async () => {
    const { refreshJwt } = await session();
    const answer = await mock.http('POST', '/v1/auth/me/tenants', {
      auth: `Bearer ${projectId}:${refreshJwt}`,
      body: { dct: false, ids: [] },
    });
    expect(answer).toMatchObject({ status: 200, body: { tenants: [acme, globex] } });
  });
});

describe('history', () => {
  it("answers the user's sign-ins as a bare array, newest first, the rows management user.history serves", async () => {
    const { refreshJwt } = await session();
    const answer = await sdk.history(refreshJwt);
    expect(answer.data).toEqual((await sdk.management.user.history([ADA_ID])).data);
    expect(answer.data).toEqual([...SIGN_INS].reverse().map((login) => ({ userId: ADA_ID, ...login })));
  });
});

describe('selectTenant', () => {
  it('answers a new session and refresh token in the tenant (dct), the custom claims carried', async () => {
    const before = await session({ loginId: 'ada@example.com', customClaims: { plan: 'pro' } });
    const selected = await sdk.selectTenant('T2Acme', before.refreshJwt);
    expect(selected.ok).toBe(true);
    const { sessionJwt, refreshJwt } = selected.data as { sessionJwt: string; refreshJwt: string };
    expect(refreshJwt).not.toBe(before.refreshJwt);
    for (const jwt of [sessionJwt, refreshJwt]) {
      expect(decoded(jwt).claims).toMatchObject({ dct: 'T2Acme', plan: 'pro', sub: ADA_ID });
    }
    const info = await sdk.validateSession(sessionJwt);
    expect(sdk.validateTenantRoles(info, 'T2Acme', ['Approver'])).toBe(true);
    // The new refresh token refreshes in the tenant.
    expect((await sdk.refreshSession(refreshJwt)).token.dct).toBe('T2Acme');
  });

  it('refuses a tenant the user is not a member of: 400 E011004; none at all: 400 E011002', async () => {
    const { refreshJwt } = await session();
    expectRefused(await sdk.selectTenant('T2Initech', refreshJwt), 400, 'E011004');
    const auth = `Bearer ${projectId}:${refreshJwt}`;
    expectRefused(await mock.http('POST', '/v1/auth/tenant/select', { auth, body: {} }), 400, 'E011002');
  });
});

describe('validate', () => {
  const validate = (jwt: string, id = projectId) =>
    mock.http('POST', '/v1/auth/validate', { auth: `Bearer ${id}:${jwt}`, body: {} });

  it("answers a session token's claims as parsedJWT", async () => {
    const { sessionJwt } = await session({ loginId: 'ada@example.com', tenantId: 'T2Acme' });
    const answer = await validate(sessionJwt);
    expect(answer).toMatchObject({ status: 200, body: { parsedJWT: decoded(sessionJwt).claims } });
  });

  it("refuses a refresh token, an expired session and another project's, 401", async () => {
    const { refreshJwt } = await session();
    expectRefused(await validate(refreshJwt), 401, 'E011003');
    const expired = await session({ loginId: 'ada@example.com', expiresInSeconds: -60 });
    expectRefused(await validate(expired.sessionJwt), 401, 'E011003');
    const other = await sessionProject(mock);
    const foreign = (await mint(mock, other.projectId, { loginId: 'ada@example.com' })).body.sessionJwt;
    expectRefused(await validate(foreign), 401, 'E011003');
  });
});

describe('every session route refuses a revoked token, 401', () => {
  it('me, myTenants, history, selectTenant, logoutAll', async () => {
    const { refreshJwt } = await session();
    expect((await sdk.logout(refreshJwt)).ok).toBe(true);
    expectRefused(await sdk.me(refreshJwt), 401, 'E064001');
    expectRefused(await sdk.myTenants(true, refreshJwt), 401, 'E064001');
    expectRefused(await sdk.history(refreshJwt), 401, 'E064001');
    expectRefused(await sdk.selectTenant('T2Acme', refreshJwt), 401, 'E064001');
    expectRefused(await sdk.logoutAll(refreshJwt), 401, 'E064001');
  });
});
