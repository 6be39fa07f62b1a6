import DescopeClient from '@descope/node-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { startMock, useMock } from '../../helpers/mock.js';
import { ADA_ID, decoded, mint, sessionProject } from '../../helpers/session.js';

/** A minted session through the official SDK's local validation: `validateSession` and the role helpers. */

const mock = useMock({ fixtures: 'none' });
let projectId: string;
let sdk: ReturnType<typeof DescopeClient>;

beforeAll(async () => {
  ({ projectId } = await sessionProject(mock));
  sdk = DescopeClient({ projectId, baseUrl: mock.url });
});

const sessionOf = async (body: Record<string, unknown>): Promise<string> => {
  const minted = await mint(mock, projectId, body);
  expect(minted.status).toBe(201);
  return minted.body.sessionJwt;
};

describe('validateSession on a minted session', () => {
  it('passes, with the user as subject and the project as issuer', async () => {
    const info = await sdk.validateSession(await sessionOf({ loginId: 'ada@example.com' }));
    expect(info.token).toMatchObject({ sub: ADA_ID, iss: projectId, drn: 'DS', amr: ['email'] });
  });

  it('answers validateRoles and validatePermissions from the project roles, resolved through them', async () => {
    const info = await sdk.validateSession(await sessionOf({ loginId: 'ada@example.com' }));
    expect(sdk.validateRoles(info, ['Viewer', 'Auditor'])).toBe(true);
    expect(sdk.validateRoles(info, ['Approver'])).toBe(false);
    expect(sdk.validatePermissions(info, ['Read Reports'])).toBe(true);
    expect(sdk.validatePermissions(info, ['Approve Invoices'])).toBe(false);
    expect(sdk.getMatchedRoles(info, ['Viewer', 'Approver'])).toEqual(['Viewer']);
  });

  it('answers validateTenantRoles and validateTenantPermissions per tenant', async () => {
    const info = await sdk.validateSession(await sessionOf({ loginId: 'ada@example.com' }));
    expect(sdk.validateTenantRoles(info, 'T2Acme', ['Approver'])).toBe(true);
    expect(sdk.validateTenantPermissions(info, 'T2Acme', ['Approve Invoices'])).toBe(true);
    expect(sdk.validateTenantPermissions(info, 'T2Acme', ['Read Reports'])).toBe(false);
    // A member without roles there: the tenant is in the token, holding nothing.
    expect(sdk.validateTenantRoles(info, 'T2Globex', [])).toBe(true);
    expect(sdk.validateTenantRoles(info, 'T2Globex', ['Approver'])).toBe(false);
    // Not a member at all.
    expect(sdk.validateTenantRoles(info, 'T2Initech', [])).toBe(false);
  });

  it('carries the selected tenant and custom claims the SDK hands back', async () => {
    const info = await sdk.validateSession(
      await sessionOf({ loginId: 'ada@example.com', tenantId: 'T2Acme', customClaims: { plan: 'pro' } }),
    );
    expect(info.token).toMatchObject({ dct: 'T2Acme', plan: 'pro' });
  });
});

describe('validateSession refuses', () => {
  it('a token whose claims were changed after signing', async () => {
    const jwt = await sessionOf({ loginId: 'bob@example.com' });
    const [header, , signature] = jwt.split('.') as [string, string, string];
    const claims = { ...decoded(jwt).claims, roles: ['Viewer'] };
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    await expect(sdk.validateSession(forged)).rejects.toThrow(/signature/);
    // The genuine token still passes: the refusal is the forgery's.
    await expect(sdk.validateSession(jwt)).resolves.toBeDefined();
  });

  it('a session minted already expired', async () => {
    const jwt = await sessionOf({ loginId: 'ada@example.com', expiresInSeconds: -60 });
    await expect(sdk.validateSession(jwt)).rejects.toThrow(/"exp" claim timestamp check failed/);
  });

  it("another project's session, though it is signed by the same mock", async () => {
    // The same users, the same user IDs, in a project of their own.
    const other = await sessionProject(mock);
    const minted = await mint(mock, other.projectId, { loginId: 'ada@example.com' });
    await expect(sdk.validateSession(minted.body.sessionJwt)).rejects.toThrow();
    const otherSdk = DescopeClient({ projectId: other.projectId, baseUrl: mock.url });
    await expect(otherSdk.validateSession(minted.body.sessionJwt)).resolves.toBeDefined();
  });
});

describe('a server whose clock runs behind', () => {
  it('mints sessions that expire by that clock: issued an hour ago, refused now', async () => {
    const hourAgo = Date.now() - 3_600_000;
    const behind = await startMock({ fixtures: 'none' }, { now: () => hourAgo });
    try {
      const { projectId: id } = await sessionProject(behind);
      const minted = await mint(behind, id, { loginId: 'ada@example.com' });
      const { claims } = decoded(minted.body.sessionJwt);
      expect(claims.iat).toBe(Math.floor(hourAgo / 1000));
      expect(claims.exp).toBe(Math.floor(hourAgo / 1000) + 600);
      const client = DescopeClient({ projectId: id, baseUrl: behind.url });
      await expect(client.validateSession(minted.body.sessionJwt)).rejects.toThrow(/"exp"/);
    } finally {
      await behind.close();
    }
  });

  it('never issues a token from a clock ahead of real time: iat stays now, exp counts from the clock', async () => {
    const dayAhead = Date.now() + 86_400_000;
    const ahead = await startMock({ fixtures: 'none' }, { now: () => dayAhead });
    try {
      const { projectId: id } = await sessionProject(ahead);
      const before = Math.floor(Date.now() / 1000);
      const minted = await mint(ahead, id, { loginId: 'ada@example.com' });
      const { claims } = decoded(minted.body.sessionJwt);
      expect(claims.iat).toBeGreaterThanOrEqual(before);
      expect(claims.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
      expect(claims.exp).toBe(Math.floor(dayAhead / 1000) + 600);
      const client = DescopeClient({ projectId: id, baseUrl: ahead.url });
      await expect(client.validateSession(minted.body.sessionJwt)).resolves.toBeDefined();
    } finally {
      await ahead.close();
    }
  });
});
