import { generateKeyPairSync } from 'node:crypto';
import DescopeClient from '@descope/node-sdk';
import { importJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { ADA_ID, decoded, mint, SESSION_FIXTURE, sessionProject } from '../../helpers/session.js';

/** `POST /v1/auth/refresh` and `try-refresh` through the Node SDK: a new session under the refresh token. */

const mock = useMock({ fixtures: 'none' });
let projectId: string;
let managementKey: string;
let sdk: ReturnType<typeof DescopeClient>;

beforeAll(async () => {
  ({ projectId, managementKey } = await sessionProject(mock));
  sdk = DescopeClient({ projectId, baseUrl: mock.url });
});

const minted = async (body: Record<string, unknown>) => {
  const response = await mint(mock, projectId, body);
  expect(response.status).toBe(201);
  return response.body as { sessionJwt: string; refreshJwt: string };
};

describe('refreshSession', () => {
  it('answers a new session token with the same amr, dct and custom claims, the refresh token unchanged', async () => {
    const { sessionJwt, refreshJwt } = await minted({
      loginId: 'ada@example.com',
      tenantId: 'T2Acme',
      customClaims: { plan: 'pro' },
      amr: ['pwd', 'totp', 'mfa'],
    });
    const refreshed = await sdk.refreshSession(refreshJwt);
    expect(refreshed.refreshJwt).toBe(refreshJwt);
    const { claims } = decoded(refreshed.jwt);
    const { exp: _exp, iat: _iat, rexp: _rexp, ...before } = decoded(sessionJwt).claims;
    expect(claims).toMatchObject({
      ...before,
      drn: 'DS',
      dct: 'T2Acme',
      plan: 'pro',
      amr: ['pwd', 'totp', 'mfa'],
    });
    // The session names the refresh token's own expiry: a refresh does not lengthen it.
    expect(claims.rexp).toBe(decoded(sessionJwt).claims.rexp);
  });

  it('gives tokens the role helpers read: project roles, tenant roles and permissions', async () => {
    const { refreshJwt } = await minted({ loginId: 'ada@example.com' });
    const info = await sdk.refreshSession(refreshJwt);
    expect(sdk.validateRoles(info, ['Viewer', 'Auditor'])).toBe(true);
    expect(sdk.validatePermissions(info, ['Read Reports'])).toBe(true);
    expect(sdk.validatePermissions(info, ['Approve Invoices'])).toBe(false);
    expect(sdk.validateTenantRoles(info, 'T2Acme', ['Approver'])).toBe(true);
    expect(sdk.validateTenantPermissions(info, 'T2Acme', ['Approve Invoices'])).toBe(true);
    expect(sdk.validateTenantRoles(info, 'T2Globex', ['Approver'])).toBe(false);
  });

  it('resolves roles as the user holds them now: a role added after sign-in shows at the next refresh', async () => {
    const { projectId: id, managementKey: key } = await sessionProject(mock);
    const client = DescopeClient({ projectId: id, baseUrl: mock.url, managementKey: key });
    const { refreshJwt } = (await mint(mock, id, { loginId: 'bob@example.com' })).body;
    expect(client.validateRoles(await client.refreshSession(refreshJwt), ['Viewer'])).toBe(false);
    expect((await client.management.user.addRoles('bob@example.com', ['Viewer'])).ok).toBe(true);
    const after = await client.refreshSession(refreshJwt);
    expect(client.validateRoles(after, ['Viewer'])).toBe(true);
    expect(client.validatePermissions(after, ['Read Reports'])).toBe(true);
  });

  it('drops the tenant (dct) of a session when the user has left it since, rather than refusing', async () => {
    const { projectId: id, managementKey: key } = await sessionProject(mock);
    const client = DescopeClient({ projectId: id, baseUrl: mock.url, managementKey: key });
    const { refreshJwt } = (await mint(mock, id, { loginId: 'ada@example.com', tenantId: 'T2Globex' })).body;
    expect((await client.refreshSession(refreshJwt)).token.dct).toBe('T2Globex');
    expect((await client.management.user.removeTenant('ada@example.com', 'T2Globex')).ok).toBe(true);
    const after = await client.refreshSession(refreshJwt);
    expect(after.token).not.toHaveProperty('dct');
    expect(Object.keys(after.token.tenants as object)).toEqual(['T2Acme']);
  });

  it('adds nothing to the login history and answers firstSeen false with the user', async () => {
    const { refreshJwt } = await minted({ loginId: 'ada@example.com' });
    const raw = await mock.http('POST', '/v1/auth/refresh', {
      auth: `Bearer ${projectId}:${refreshJwt}`,
      body: {},
    });
    expect(raw.status).toBe(200);
    expect(raw.body).toMatchObject({ refreshJwt, firstSeen: false, user: { userId: ADA_ID } });
    const management = DescopeClient({ projectId, baseUrl: mock.url, managementKey });
    expect((await management.management.user.history([ADA_ID])).data).toEqual([]);
  });

  it("ignores core-js's externalToken and web-js's ?dcs=&dcr= query", async () => {
    const { refreshJwt } = await minted({ loginId: 'ada@example.com' });
    const raw = await mock.http('POST', '/v1/auth/refresh?dcs=t&dcr=f', {
      auth: `Bearer ${projectId}:${refreshJwt}`,
      body: { externalToken: 'from-elsewhere' },
    });
    expect(raw.status).toBe(200);
    expect(decoded(raw.body.sessionJwt).claims.sub).toBe(ADA_ID);
  });
});

describe('validateAndRefreshSession', () => {
  it('refreshes an expired session, and keeps a valid one as it is', async () => {
    const expired = await minted({ loginId: 'ada@example.com', expiresInSeconds: -60 });
    await expect(sdk.validateSession(expired.sessionJwt)).rejects.toThrow();
    const refreshed = await sdk.validateAndRefreshSession(expired.sessionJwt, expired.refreshJwt);
    expect(refreshed.jwt).not.toBe(expired.sessionJwt);
    expect(refreshed.token.sub).toBe(ADA_ID);
    await expect(sdk.validateSession(refreshed.jwt)).resolves.toBeDefined();

    const valid = await minted({ loginId: 'ada@example.com' });
    expect((await sdk.validateAndRefreshSession(valid.sessionJwt, valid.refreshJwt)).jwt).toBe(
      valid.sessionJwt,
    );
  });
});

describe('refused, 401', () => {
  const refresh = (jwt: string, id = projectId) =>
    mock.http('POST', '/v1/auth/refresh', { auth: `Bearer ${id}:${jwt}`, body: {} });

  it('a tampered refresh token, E011003', async () => {
    const { refreshJwt } = await minted({ loginId: 'bob@example.com' });
    const [header, , signature] = refreshJwt.split('.') as [string, string, string];
    const claims = { ...decoded(refreshJwt).claims, roles: ['Viewer'] };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expectRefused(await refresh(forged), 401, 'E011003');
    await expect(sdk.refreshSession(forged)).rejects.toThrow();
  });

  it("another project's refresh token, though the same mock signed it", async () => {
    const other = await sessionProject(mock);
    const { refreshJwt } = (await mint(mock, other.projectId, { loginId: 'ada@example.com' })).body;
    expectRefused(await refresh(refreshJwt), 401, 'E011003');
    expect((await refresh(refreshJwt, other.projectId)).status).toBe(200);
  });

  it('a session token where the refresh token belongs, and no token at all', async () => {
    const { sessionJwt } = await minted({ loginId: 'ada@example.com' });
    expectRefused(await refresh(sessionJwt), 401, 'E011003');
    expectRefused(
      await mock.http('POST', '/v1/auth/refresh', { auth: `Bearer ${projectId}`, body: {} }),
      401,
      'E011003',
    );
  });

  it('a deleted user and a disabled user', async () => {
    const { projectId: id, managementKey: key } = await sessionProject(mock);
    const client = DescopeClient({ projectId: id, baseUrl: mock.url, managementKey: key });
    const ada = (await mint(mock, id, { loginId: 'ada@example.com' })).body.refreshJwt;
    const bob = (await mint(mock, id, { loginId: 'bob@example.com' })).body.refreshJwt;
    expect((await client.management.user.deactivate('ada@example.com')).ok).toBe(true);
    expect((await client.management.user.delete('bob@example.com')).ok).toBe(true);
    expectRefused(await client.refresh(ada), 401, 'E011003');
    expectRefused(await client.refresh(bob), 401, 'E011003');
    await expect(client.refreshSession(ada)).rejects.toThrow(/disabled/);
  });
});

describe('try-refresh', () => {
  const tryRefresh = (auth: string) => mock.http('POST', '/v1/auth/try-refresh', { auth, body: {} });

  it('refreshes like refresh, without user and firstSeen', async () => {
    const { refreshJwt } = await minted({ loginId: 'ada@example.com' });
    const answer = await tryRefresh(`Bearer ${projectId}:${refreshJwt}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ refreshJwt, cookiePath: '/' });
    expect(answer.body).not.toHaveProperty('user');
    expect(answer.body).not.toHaveProperty('firstSeen');
    expect(decoded(answer.body.sessionJwt).claims.sub).toBe(ADA_ID);
  });

  it('answers 200 {} without a token, or with one that is not valid', async () => {
    expect(await tryRefresh(`Bearer ${projectId}`)).toMatchObject({ status: 200, body: {} });
    expect(await tryRefresh(`Bearer ${projectId}:not-a-jwt`)).toMatchObject({ status: 200, body: {} });
    const { refreshJwt } = await minted({ loginId: 'ada@example.com' });
    expect((await sdk.logout(refreshJwt)).ok).toBe(true);
    expect(await tryRefresh(`Bearer ${projectId}:${refreshJwt}`)).toMatchObject({ status: 200, body: {} });
  });
});

describe('claims a session carries over from its refresh token', () => {
  // A pinned key lets the test sign what the mock's other sign-ins will: impersonation and step-up claims.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'carry-1', alg: 'RS256' };

  it('keeps act and nsec, drops su (a step-up is not refreshed)', async () => {
    const { projectId: id } = await sessionProject(mock, { ...SESSION_FIXTURE, signingKey: jwk });
    const { refreshJwt } = (await mint(mock, id, { loginId: 'ada@example.com' })).body;
    const claims = {
      ...decoded(refreshJwt).claims,
      act: { sub: 'U2Admin' },
      nsec: { 'nsec-k1': 'v1' },
      su: true,
    };
    const signed = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'carry-1', typ: 'JWT' })
      .sign(await importJWK(jwk, 'RS256'));
    const refreshed = await mock.http('POST', '/v1/auth/refresh', {
      auth: `Bearer ${id}:${signed}`,
      body: {},
    });
    expect(refreshed.status).toBe(200);
    const session = decoded(refreshed.body.sessionJwt).claims;
    expect(session).toMatchObject({ act: { sub: 'U2Admin' }, nsec: { 'nsec-k1': 'v1' } });
    expect(session).not.toHaveProperty('su');
  });

  it('refuses, 401 and never a 500, a refresh token signed with the key but without an expiry', async () => {
    const { projectId: id } = await sessionProject(mock, { ...SESSION_FIXTURE, signingKey: jwk });
    const { refreshJwt } = (await mint(mock, id, { loginId: 'ada@example.com' })).body;
    const { exp: _exp, ...claims } = decoded(refreshJwt).claims;
    const signed = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'carry-1', typ: 'JWT' })
      .sign(await importJWK(jwk, 'RS256'));
    for (const path of ['/v1/auth/refresh', '/v1/auth/logout']) {
      expectRefused(
        await mock.http('POST', path, { auth: `Bearer ${id}:${signed}`, body: {} }),
        401,
        'E011003',
      );
    }
  });
});
