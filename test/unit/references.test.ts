import { describe, expect, it } from 'vitest';
import { belongsOnlyTo, followPermission, followRole, leaveTenants } from '../../src/domain/references.js';
import { blankTenant } from '../../src/domain/tenant.js';
import { blankSettings, configureSettings } from '../../src/domain/tenantSettings.js';

const holder = {
  roleNames: ['Shared', 'Viewer'],
  memberships: [
    { tenantId: 'T2Own', roleNames: ['Shared'] },
    { tenantId: 'T2Plain', roleNames: ['Shared', 'Other'] },
  ],
};
/** T2Own has its own role "Shared", which hides the project role of that name there. */
const ownRole = (tenantId: string) => tenantId === 'T2Own';

describe('followRole', () => {
  it('a project role rename changes project roles and memberships where the name means the project role', () => {
    const next = followRole(holder, { name: 'Shared', tenantId: '' }, 'Everyone', ownRole);
    expect(next.roleNames).toEqual(['Everyone', 'Viewer']);
    expect(next.memberships).toEqual([
      { tenantId: 'T2Own', roleNames: ['Shared'] },
      { tenantId: 'T2Plain', roleNames: ['Everyone', 'Other'] },
    ]);
  });

  it('a tenant role delete changes only that tenant', () => {
    const next = followRole(holder, { name: 'Shared', tenantId: 'T2Own' }, undefined, ownRole);
    expect(next.roleNames).toEqual(['Shared', 'Viewer']);
    expect(next.memberships[0]!.roleNames).toEqual([]);
    expect(next.memberships[1]!.roleNames).toEqual(['Shared', 'Other']);
  });

  it('a rename onto a name already held keeps one copy in place', () => {
    const next = followRole(holder, { name: 'Shared', tenantId: '' }, 'Viewer', ownRole);
    expect(next.roleNames).toEqual(['Viewer']);
  });
});

describe('permissions and tenants', () => {
  it('followPermission renames in place and deletes', () => {
    expect(followPermission(['A', 'B', 'C'], 'B', 'Z')).toEqual(['A', 'Z', 'C']);
    expect(followPermission(['A', 'B'], 'B', undefined)).toEqual(['A']);
    expect(followPermission(['A'], 'X', 'Y')).toEqual(['A']);
  });

  it('belongsOnlyTo needs at least one membership, all of them in the deleted set', () => {
    const gone = new Set(['T2A', 'T2B']);
    expect(belongsOnlyTo([{ tenantId: 'T2A', roleNames: [] }], gone)).toBe(true);
    expect(
      belongsOnlyTo(
        [
          { tenantId: 'T2A', roleNames: [] },
          { tenantId: 'T2B', roleNames: [] },
        ],
        gone,
      ),
    ).toBe(true);
    expect(
      belongsOnlyTo(
        [
          { tenantId: 'T2A', roleNames: [] },
          { tenantId: 'T2C', roleNames: [] },
        ],
        gone,
      ),
    ).toBe(false);
    expect(belongsOnlyTo([], gone)).toBe(false);
    expect(
      leaveTenants(
        [
          { tenantId: 'T2A', roleNames: [] },
          { tenantId: 'T2C', roleNames: [] },
        ],
        gone,
      ),
    ).toEqual([{ tenantId: 'T2C', roleNames: [] }]);
  });
});

describe('configureSettings', () => {
  it('sets the keys given and keeps the others', () => {
    const tenant = blankTenant('T2X', 'X', 0);
    const once = configureSettings(tenant, {
      sessionTokenExpiration: 5,
      sessionTokenExpirationUnit: 'hours',
    });
    const twice = configureSettings(once, {
      enabled: true,
      ssoSetupSuiteSettings: { disabledFeatures: { saml: true } },
    });
    expect(twice.settings).toEqual({
      ...blankSettings(),
      sessionTokenExpiration: 5,
      sessionTokenExpirationUnit: 'hours',
      enabled: true,
      ssoSetupSuiteSettings: {
        ...blankSettings().ssoSetupSuiteSettings,
        disabledFeatures: { ...blankSettings().ssoSetupSuiteSettings.disabledFeatures, saml: true },
      },
    });
    expect(() => configureSettings(tenant, { refreshTokenExpirationUnit: 'years' })).toThrow(
      /refreshTokenExpirationUnit/,
    );
  });
});
