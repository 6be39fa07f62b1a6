import { describe, expect, it } from 'vitest';
import {
  authorizationOf,
  checkCustomClaims,
  refreshTokenId,
  refreshTokenIssuedMs,
  sessionClaims,
  standaloneSessionClaims,
} from '../../../src/domain/session.js';
import { blankUser } from '../../../src/domain/user.js';
import { DescopeError } from '../../../src/errors.js';
import { plainCatalog } from './plainCatalog.js';

const user = (changes: Partial<ReturnType<typeof blankUser>>) => ({
  ...blankUser('ada@example.com', 0),
  ...changes,
});

describe('authorizationOf', () => {
  it('resolves permissions through the roles, per tenant, a tenant role before a project role of its name', () => {
    const catalog = plainCatalog();
    const claims = authorizationOf(
      user({
        roleNames: ['Viewer', 'Editor'],
        userTenants: [
          { tenantId: 'T2Acme', roleNames: ['Approver', 'Viewer'] },
          { tenantId: 'T2Globex', roleNames: [] },
        ],
      }),
      catalog,
    );
    expect(claims).toEqual({
      roles: ['Viewer', 'Editor'],
      permissions: ['Read Reports', 'User Admin'],
      tenants: {
        T2Acme: { roles: ['Approver', 'Viewer'], permissions: ['Impersonate', 'Read Reports'] },
        T2Globex: {},
      },
    });
  });

  it('leaves out every empty list, and tenants when the user has none', () => {
    expect(authorizationOf(user({}), plainCatalog())).toEqual({});
    const noPermissions = plainCatalog({ roles: [{ name: 'Guest', tenantId: '', permissionNames: [] }] });
    expect(authorizationOf(user({ roleNames: ['Guest'] }), noPermissions)).toEqual({ roles: ['Guest'] });
  });
});

describe('sessionClaims', () => {
  const grant = {
    projectId: 'P2Test',
    subject: 'U2Ada',
    amr: ['email'],
    authorization: { roles: ['Viewer'] },
    selectedTenant: 'T2Acme',
    customClaims: { plan: 'pro' },
  };

  it('counts expiries from the clock and iat from the issue time, rexp as an RFC 3339 string', () => {
    const clockMs = Date.UTC(2030, 0, 1);
    const issuedMs = Date.UTC(2029, 11, 31, 23, 0, 0);
    const { session, refresh } = sessionClaims(grant, {
      clockMs,
      issuedMs,
      sessionTtl: 600,
      refreshTtl: 86_400,
    });
    expect(session).toEqual({
      sub: 'U2Ada',
      iss: 'P2Test',
      iat: issuedMs / 1000,
      amr: ['email'],
      roles: ['Viewer'],
      dct: 'T2Acme',
      plan: 'pro',
      drn: 'DS',
      exp: clockMs / 1000 + 600,
      rexp: '2030-01-02T00:00:00Z',
    });
    expect(refresh).toMatchObject({ drn: 'DSR', exp: clockMs / 1000 + 86_400, jti: expect.any(String) });
    expect(refresh).not.toHaveProperty('rexp');
    expect(refreshTokenIssuedMs(refresh.jti)).toBe(clockMs);
  });

  it('gives no dct without a selected tenant', () => {
    const times = { clockMs: 0, issuedMs: 0, sessionTtl: 1, refreshTtl: 1 };
    expect(sessionClaims({ ...grant, selectedTenant: undefined }, times).session).not.toHaveProperty('dct');
  });
});

describe('standaloneSessionClaims', () => {
  it("gives a session token's claims alone: no rexp without a refresh token, no amr for a grant without one", () => {
    const clockMs = Date.UTC(2030, 0, 1);
    const claims = standaloneSessionClaims(
      {
        projectId: 'P2Test',
        subject: 'K2Key',
        amr: [],
        authorization: { roles: ['Viewer'] },
        customClaims: { team: 'ci' },
        extraClaims: { nsec: { run: 1 } },
      },
      { clockMs, issuedMs: clockMs - 1_000, sessionTtl: 600 },
    );
    expect(claims).toEqual({
      sub: 'K2Key',
      iss: 'P2Test',
      iat: clockMs / 1000 - 1,
      roles: ['Viewer'],
      team: 'ci',
      nsec: { run: 1 },
      drn: 'DS',
      exp: clockMs / 1000 + 600,
    });
  });
});

describe('refresh token IDs', () => {
  it('are unique, begin with their issue time in milliseconds and sort by it', () => {
    const ids = [refreshTokenId(1_000), refreshTokenId(1_000), refreshTokenId(1_001), refreshTokenId(2e12)];
    expect(new Set(ids).size).toBe(4);
    expect(ids.map(refreshTokenIssuedMs)).toEqual([1_000, 1_000, 1_001, 2e12]);
    const times = ids.map((id) => id.slice(0, 9));
    expect([...times].sort()).toEqual(times);
    expect(refreshTokenIssuedMs('not-ours')).toBeUndefined();
  });
});

describe('checkCustomClaims', () => {
  it('refuses a claim the token sets itself, naming it, and takes any other', () => {
    expect(() => checkCustomClaims({ plan: 'pro', nested: { sub: 1 } })).not.toThrow();
    expect(() => checkCustomClaims({ aud: 'x', roles: [] })).toThrow(/"aud", "roles"/);
    expect(() => checkCustomClaims({ tenants: {} })).toThrow(DescopeError);
  });
});
