import { describe, expect, it } from 'vitest';
import { blankUser, type UserRecord } from '../../../src/domain/user.js';
import {
  addTenant,
  changeRoles,
  changeSsoApps,
  checkUserTenants,
  removeTenant,
} from '../../../src/domain/userRoles.js';
import { plainCatalog, thrownCode } from './plainCatalog.js';

const catalog = plainCatalog({ tenants: [{ id: 'T2Initech', name: 'Initech', defaultRoles: ['Viewer'] }] });
const user = (changes: Partial<UserRecord> = {}): UserRecord => ({ ...blankUser('u', 0), ...changes });
const inAcme = user({
  roleNames: ['Viewer'],
  userTenants: [{ tenantId: 'T2Acme', roleNames: ['Approver'] }],
});
const v1 = (roleNames: string[], tenantId?: string) => ({ roleNames, tenantId, enrol: false });
const v2 = (roleNames: string[], tenantId?: string) => ({ roleNames, tenantId, enrol: true });

describe('changeRoles, project level', () => {
  it('sets, adds without duplicates, removes (ignoring roles not held)', () => {
    expect(changeRoles(inAcme, 'set', v1(['Editor', 'Editor', '']), catalog).roleNames).toEqual(['Editor']);
    expect(changeRoles(inAcme, 'add', v2(['Viewer', 'Tenant Admin']), catalog).roleNames).toEqual([
      'Viewer',
      'Tenant Admin',
    ]);
    expect(changeRoles(inAcme, 'remove', v1(['Viewer', 'Ghost']), catalog).roleNames).toEqual([]);
    expect(changeRoles(inAcme, 'set', v1([]), catalog)).toEqual({ ...inAcme, roleNames: [] });
  });

  it('leaves the memberships alone, and refuses unknown or tenant-scoped roles', () => {
    expect(changeRoles(inAcme, 'add', v2(['Editor']), catalog).userTenants).toEqual(inAcme.userTenants);
    expect(thrownCode(() => changeRoles(inAcme, 'add', v2(['Ghost']), catalog))).toBe('E011004');
    expect(thrownCode(() => changeRoles(inAcme, 'set', v1(['Approver']), catalog))).toBe('E011004');
  });
});

describe('changeRoles, in a tenant', () => {
  it('changes the roles of an existing membership, with project roles or the tenant’s own', () => {
    const set = changeRoles(inAcme, 'set', v1(['Viewer', 'Approver'], 'T2Acme'), catalog);
    expect(set.userTenants).toEqual([{ tenantId: 'T2Acme', roleNames: ['Viewer', 'Approver'] }]);
    const removed = changeRoles(inAcme, 'remove', v1(['Approver'], 'T2Acme'), catalog);
    expect(removed.userTenants).toEqual([{ tenantId: 'T2Acme', roleNames: [] }]);
    expect(removed.roleNames).toEqual(['Viewer']);
  });

  it('v2 add enrols a non-member with the tenant’s default roles; v1 calls need membership', () => {
    expect(changeRoles(inAcme, 'add', v2(['Editor'], 'T2Globex'), catalog).userTenants).toEqual([
      { tenantId: 'T2Acme', roleNames: ['Approver'] },
      { tenantId: 'T2Globex', roleNames: ['Editor'] },
    ]);
    expect(changeRoles(user(), 'add', v2(['Editor'], 'T2Initech'), catalog).userTenants).toEqual([
      { tenantId: 'T2Initech', roleNames: ['Viewer', 'Editor'] },
    ]);
    for (const change of ['set', 'add', 'remove'] as const) {
      expect(thrownCode(() => changeRoles(inAcme, change, v1(['Editor'], 'T2Globex'), catalog))).toBe(
        'E011004',
      );
    }
  });

  it("refuses an unknown tenant and another tenant's role", () => {
    expect(thrownCode(() => changeRoles(inAcme, 'add', v2(['Viewer'], 'T2Nowhere'), catalog))).toBe(
      'E011004',
    );
    expect(thrownCode(() => changeRoles(inAcme, 'add', v2(['Approver'], 'T2Globex'), catalog))).toBe(
      'E011004',
    );
  });
});

describe('addTenant / removeTenant', () => {
  it('adds a membership (with the tenant’s default roles), idempotently', () => {
    expect(addTenant(inAcme, 'T2Globex', catalog).userTenants).toEqual([
      { tenantId: 'T2Acme', roleNames: ['Approver'] },
      { tenantId: 'T2Globex', roleNames: [] },
    ]);
    expect(addTenant(inAcme, 'T2Acme', catalog)).toBe(inAcme);
    expect(addTenant(user(), 'T2Initech', catalog).userTenants).toEqual([
      { tenantId: 'T2Initech', roleNames: ['Viewer'] },
    ]);
    expect(thrownCode(() => addTenant(inAcme, 'T2Nowhere', catalog))).toBe('E011004');
    expect(thrownCode(() => addTenant(inAcme, undefined, catalog))).toBe('E011002');
  });

  it('removes the membership with its roles; not a member changes nothing', () => {
    expect(removeTenant(inAcme, 'T2Acme')).toEqual({ ...inAcme, userTenants: [] });
    expect(removeTenant(inAcme, 'T2Globex')).toEqual(inAcme);
    expect(thrownCode(() => removeTenant(inAcme, ''))).toBe('E011002');
  });
});

describe('changeSsoApps', () => {
  it('adds, sets and removes; only existing applications may be added or set', () => {
    const withApp = changeSsoApps(user(), 'add', ['descope-default-oidc', 'descope-default-oidc'], catalog);
    expect(withApp.ssoAppIds).toEqual(['descope-default-oidc']);
    expect(changeSsoApps(withApp, 'set', [], catalog).ssoAppIds).toEqual([]);
    expect(changeSsoApps(withApp, 'remove', ['descope-default-oidc', 'gone'], catalog).ssoAppIds).toEqual([]);
    expect(thrownCode(() => changeSsoApps(user(), 'set', ['gone'], catalog))).toBe('E011004');
  });
});

describe('checkUserTenants', () => {
  it('merges repeated tenants and checks each role in its tenant', () => {
    expect(
      checkUserTenants(
        [
          { tenantId: 'T2Acme', roleNames: ['Approver'] },
          { tenantId: 'T2Acme', roleNames: ['Approver', 'Viewer'] },
        ],
        catalog,
      ),
    ).toEqual([{ tenantId: 'T2Acme', roleNames: ['Approver', 'Viewer'] }]);
    expect(
      thrownCode(() => checkUserTenants([{ tenantId: 'T2Globex', roleNames: ['Approver'] }], catalog)),
    ).toBe('E011004');
  });
});
