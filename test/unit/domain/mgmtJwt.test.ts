import { describe, expect, it } from 'vitest';
import {
  checkCanImpersonate,
  checkConsent,
  impersonationClaims,
  impersonatorOf,
} from '../../../src/domain/impersonation.js';
import { refreshTtlOf, updatedClaims } from '../../../src/domain/mgmtJwt.js';
import { sessionClaims } from '../../../src/domain/session.js';
import { blankUser } from '../../../src/domain/user.js';
import { plainCatalog, thrownCode } from './plainCatalog.js';

/** The management JWT calls' rules apart from signing: impersonation, refreshDuration, jwt/update, no amr. */

const user = (userId: string, changes: Partial<ReturnType<typeof blankUser>> = {}) => ({
  ...blankUser(`${userId}@example.com`, 0),
  userId,
  ...changes,
});

describe('checkCanImpersonate', () => {
  const catalog = plainCatalog();
  const target = user('U2Ada', { userTenants: [{ tenantId: 'T2Acme', roleNames: [] }] });

  it('lets Impersonate held through a project role reach anyone', () => {
    expect(
      thrownCode(() =>
        checkCanImpersonate(user('U2Sup', { roleNames: ['Tenant Admin'] }), user('U2X'), catalog),
      ),
    ).toBe('');
  });

  it('lets Impersonate held in a tenant reach the members of that tenant only', () => {
    const admin = user('U2Adm', { userTenants: [{ tenantId: 'T2Acme', roleNames: ['Approver'] }] });
    expect(thrownCode(() => checkCanImpersonate(admin, target, catalog))).toBe('');
    expect(thrownCode(() => checkCanImpersonate(admin, user('U2Out'), catalog))).toBe('E011004');
  });

  it('refuses a user whose roles grant other permissions only', () => {
    expect(
      thrownCode(() => checkCanImpersonate(user('U2Ed', { roleNames: ['Editor'] }), target, catalog)),
    ).toBe('E011004');
  });
});

describe('checkConsent', () => {
  it('needs a consent that runs past now', () => {
    expect(thrownCode(() => checkConsent(user('U2A', { consentExpiration: 101 }), 100))).toBe('');
    expect(thrownCode(() => checkConsent(user('U2A', { consentExpiration: 100 }), 100))).toBe('E011004');
    expect(thrownCode(() => checkConsent(user('U2A'), 100))).toBe('E011004');
  });
});

describe('impersonation claims', () => {
  it('name the impersonator in act, su only for step-up, and are read back', () => {
    expect(impersonationClaims('U2Sup', false)).toEqual({ act: { sub: 'U2Sup' } });
    expect(impersonationClaims('U2Sup', true)).toEqual({ act: { sub: 'U2Sup' }, su: true });
    expect(impersonatorOf({ act: { sub: 'U2Sup' } })).toBe('U2Sup');
    for (const act of [undefined, null, 'U2Sup', {}, { sub: '' }, { sub: 5 }]) {
      expect(impersonatorOf({ act })).toBeUndefined();
    }
  });
});

describe('refreshTtlOf', () => {
  it('reads 0 and absent as the project lifetime, refuses a negative one', () => {
    expect(refreshTtlOf(undefined)).toBeUndefined();
    expect(refreshTtlOf(0)).toBeUndefined();
    expect(refreshTtlOf(60)).toBe(60);
    expect(thrownCode(() => refreshTtlOf(-1))).toBe('E011004');
  });
});

describe('updatedClaims', () => {
  it('merges the custom claims; a refresh token given a lifetime expires that long from now', () => {
    const refresh = { sub: 'U2A', drn: 'DSR', iat: 10, exp: 20, jti: 'j', plan: 'free' };
    expect(updatedClaims(refresh, { plan: 'pro' }, 60, 100)).toEqual({ ...refresh, plan: 'pro', exp: 160 });
    expect(updatedClaims(refresh, {}, undefined, 100)).toEqual(refresh);
    const session = { sub: 'U2A', drn: 'DS', iat: 10, exp: 20 };
    expect(updatedClaims(session, { a: 1 }, 60, 100)).toEqual({ ...session, a: 1 });
  });
});

describe('sessionClaims without a factor', () => {
  it('leaves amr out of both tokens', () => {
    const { session, refresh } = sessionClaims(
      {
        projectId: 'P2T',
        subject: 'U2A',
        amr: [],
        authorization: {},
        customClaims: {},
        extraClaims: { danu: true },
      },
      { clockMs: 0, issuedMs: 0, sessionTtl: 1, refreshTtl: 1 },
    );
    expect(session).not.toHaveProperty('amr');
    expect(refresh).not.toHaveProperty('amr');
    expect(session.danu).toBe(true);
  });
});
