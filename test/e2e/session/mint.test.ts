import { beforeAll, describe, expect, it } from 'vitest';
import { expectDescopeError, useMock } from '../../helpers/mock.js';
import { ADA_ID, decoded, mint, sessionProject } from '../../helpers/session.js';

/** `POST /_mock/projects/:projectId/sessions`: the JWTResponse and the claims of what it mints. */

/** A pinned clock, in the past so tokens are issued at it (never ahead of real time). */
const NOW_MS = Date.UTC(2025, 0, 15, 12, 0, 0);
const NOW = NOW_MS / 1000;
const DAYS_28 = 28 * 24 * 60 * 60;

const mock = useMock({ fixtures: 'none' }, { now: () => NOW_MS });
let projectId: string;
let managementKey: string;

beforeAll(async () => {
  ({ projectId, managementKey } = await sessionProject(mock));
});

describe('the answer', () => {
  it('is a 201 JWTResponse in body mode: both tokens, the cookie fields, the user, firstSeen', async () => {
    const response = await mint(mock, projectId, { loginId: 'ada@example.com' });
    expect(response.status).toBe(201);
    expect(Object.keys(response.body)).toEqual([
      'sessionJwt',
      'refreshJwt',
      'cookieDomain',
      'cookiePath',
      'cookieMaxAge',
      'cookieExpiration',
      'sessionExpiration',
      'user',
      'firstSeen',
    ]);
    expect(response.body).toMatchObject({
      cookieDomain: '',
      cookiePath: '/',
      cookieMaxAge: DAYS_28,
      cookieExpiration: NOW + DAYS_28,
      sessionExpiration: NOW + 600,
      firstSeen: false,
    });
  });

  it('carries the user as the management API answers it, and leaves the user as it was', async () => {
    const sdk = mock.sdk({ projectId, managementKey });
    const before = await sdk.management.user.load('ada@example.com');
    const response = await mint(mock, projectId, { loginId: 'ada@example.com' });
    expect(response.body.user).toEqual(before.data);
    expect((await sdk.management.user.load('ada@example.com')).data).toEqual(before.data);
    expect((await sdk.management.user.history([ADA_ID])).data).toEqual([]);
  });
});

describe('the session token (drn DS)', () => {
  it("has exactly the contract's claims: roles and permissions resolved, each tenant, rexp", async () => {
    const response = await mint(mock, projectId, { loginId: 'ada@example.com' });
    const { header, claims } = decoded(response.body.sessionJwt);
    expect(header).toEqual({ alg: 'RS256', kid: expect.any(String), typ: 'JWT' });
    expect(claims).toEqual({
      sub: ADA_ID,
      iss: projectId,
      iat: NOW,
      exp: NOW + 600,
      drn: 'DS',
      amr: ['email'],
      rexp: '2025-02-12T12:00:00Z',
      roles: ['Viewer', 'Auditor'],
      permissions: ['Read Reports'],
      tenants: { T2Acme: { roles: ['Approver'], permissions: ['Approve Invoices'] }, T2Globex: {} },
    });
  });

  it('leaves out what the user does not hold: no roles, no permissions, no tenants', async () => {
    const response = await mint(mock, projectId, { loginId: 'bob@example.com' });
    expect(Object.keys(decoded(response.body.sessionJwt).claims).sort()).toEqual(
      ['amr', 'drn', 'exp', 'iat', 'iss', 'rexp', 'sub'].sort(),
    );
  });

  it('selects the tenant (dct), adds custom claims at the top level and takes the amr given', async () => {
    const response = await mint(mock, projectId, {
      loginId: 'ada@example.com',
      tenantId: 'T2Acme',
      customClaims: { plan: 'pro', seats: 3 },
      amr: ['pwd', 'totp', 'mfa'],
    });
    for (const jwt of [response.body.sessionJwt, response.body.refreshJwt]) {
      expect(decoded(jwt).claims).toMatchObject({
        dct: 'T2Acme',
        plan: 'pro',
        seats: 3,
        amr: ['pwd', 'totp', 'mfa'],
      });
    }
  });

  it('lasts expiresInSeconds when given; the refresh token keeps the project lifetime', async () => {
    const response = await mint(mock, projectId, { userId: ADA_ID, expiresInSeconds: 3600 });
    expect(decoded(response.body.sessionJwt).claims.exp).toBe(NOW + 3600);
    expect(response.body.sessionExpiration).toBe(NOW + 3600);
    expect(decoded(response.body.refreshJwt).claims.exp).toBe(NOW + DAYS_28);
  });
});

describe('the refresh token (drn DSR)', () => {
  it('carries the same grant, its own expiry and a unique ID for a later revocation; no rexp', async () => {
    const first = await mint(mock, projectId, { loginId: 'ada@example.com', tenantId: 'T2Globex' });
    const second = await mint(mock, projectId, { loginId: 'ada@example.com' });
    const session = decoded(first.body.sessionJwt).claims;
    const refresh = decoded(first.body.refreshJwt).claims;
    const { rexp: _, drn: __, exp: ___, ...shared } = session;
    expect(refresh).toEqual({ ...shared, drn: 'DSR', exp: NOW + DAYS_28, jti: expect.any(String) });
    expect(refresh.dct).toBe('T2Globex');
    expect(decoded(second.body.refreshJwt).claims.jti).not.toBe(refresh.jti);
  });
});

describe('refusals', () => {
  it('an unknown user: 404 E000404, by login ID or user ID', async () => {
    for (const body of [{ loginId: 'nobody@example.com' }, { userId: 'U2Nobody' }]) {
      const response = await mint(mock, projectId, body);
      expect(response.status).toBe(404);
      expectDescopeError(response.body, 'E000404');
    }
  });

  it('an unknown project: the control plane 404', async () => {
    const response = await mint(mock, 'P2NoSuchProject', { loginId: 'ada@example.com' });
    expect(response.status).toBe(404);
    expectDescopeError(response.body, 'E000404');
  });

  it('no user named: 400 E011002', async () => {
    const response = await mint(mock, projectId, { tenantId: 'T2Acme' });
    expect(response.status).toBe(400);
    expectDescopeError(response.body, 'E011002');
  });

  it('a disabled user, whom Descope would not sign in: 400 E011004', async () => {
    const response = await mint(mock, projectId, { loginId: 'eve@example.com' });
    expect(response.status).toBe(400);
    expect(expectDescopeError(response.body, 'E011004').errorMessage).toContain('disabled');
  });

  it('a tenant the user is not in: 400 E011004', async () => {
    const response = await mint(mock, projectId, { loginId: 'bob@example.com', tenantId: 'T2Acme' });
    expect(response.status).toBe(400);
    expectDescopeError(response.body, 'E011004');
  });

  it('a custom claim that would replace one the token sets: 400 E011004', async () => {
    for (const name of ['sub', 'roles', 'exp', 'dct']) {
      const response = await mint(mock, projectId, {
        loginId: 'ada@example.com',
        customClaims: { [name]: 'x' },
      });
      expect(response.status, name).toBe(400);
      expect(expectDescopeError(response.body, 'E011004').errorMessage).toContain(`"${name}"`);
    }
  });

  it('a lifetime past ten years, or a wrong type: 400', async () => {
    const long = await mint(mock, projectId, { loginId: 'ada@example.com', expiresInSeconds: 400_000_000 });
    expect(long.status).toBe(400);
    const wrong = await mint(mock, projectId, { loginId: 'ada@example.com', amr: 'email' });
    expect(wrong.status).toBe(400);
  });
});
