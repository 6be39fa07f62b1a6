import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../../src/app/operation.js';
import { createRole, updateRole } from '../../../src/app/role.js';
import { ConfigSchema } from '../../../src/config.js';
import type { AccessKeyRecord } from '../../../src/domain/accessKey.js';
import { blankTenant } from '../../../src/domain/tenant.js';
import { bareProject, seedProject } from '../../../src/fixtures/seed.js';
import { createHarness } from '../../../src/harness/index.js';
import { openStore, type Store } from '../../../src/store/index.js';

/**
 * The finders a role rename or delete and a tenant delete use to load only what names the role or tenant:
 * SQLite selects the rows, so the rest are never parsed.
 */
const P = 'P2';
let store: Store;
afterEach(() => {
  vi.restoreAllMocks();
  store.close();
});

function open(): Store {
  store = openStore(':memory:');
  seedProject(store, bareProject(P, 'K2'), 'test', 0);
  return store;
}

const key = (id: string, fields: Partial<AccessKeyRecord> = {}): AccessKeyRecord => ({
  id,
  name: id,
  description: '',
  roleNames: [],
  keyTenants: [],
  status: 'active',
  createdTime: 0,
  expireTime: 0,
  createdBy: '',
  clientId: '',
  boundUserId: '',
  customClaims: {},
  permittedIps: [],
  customAttributes: {},
  editable: true,
  ...fields,
});

const ids = (records: { id: string }[]) => records.map((record) => record.id);

describe('AccessKeyStore.holdingRole', () => {
  it('finds keys granted the role project-wide or in a tenant, and no key that only mentions the name', () => {
    const s = open();
    s.transaction(() => {
      s.tenants.insert(P, blankTenant('T2A', 'A', 0));
      s.accessKeys.insert(P, key('K1', { roleNames: ['Viewer'] }), 'h1');
      s.accessKeys.insert(
        P,
        key('K2', { keyTenants: [{ tenantId: 'T2A', roleNames: ['Other', 'Viewer'] }] }),
        'h2',
      );
      // The name elsewhere in the document: as the key's name, a claim, a tenant ID, or a longer role name.
      s.accessKeys.insert(P, key('Viewer', { customClaims: { role: 'Viewer' } }), 'h3');
      s.accessKeys.insert(P, key('K4', { roleNames: ['Viewer 2', 'viewer'] }), 'h4');
      s.accessKeys.insert(P, key('K5', { keyTenants: [{ tenantId: 'T2A', roleNames: ['Other'] }] }), 'h5');
    });
    expect(ids(s.accessKeys.holdingRole(P, 'Viewer'))).toEqual(['K1', 'K2']);
    expect(ids(s.accessKeys.holdingRole(P, 'Other'))).toEqual(['K2', 'K5']);
    expect(ids(s.accessKeys.holdingRole(P, 'Nobody'))).toEqual([]);
    expect(ids(s.accessKeys.holdingRole('P2Else', 'Viewer'))).toEqual([]);
  });

  it('matches names that JSON escapes (quotes, backslashes, non-ASCII)', () => {
    const s = open();
    const names = ['say "hi"', 'back\\slash', 'Zuständig ✓', 'tab\there'];
    s.transaction(() => {
      for (const [i, name] of names.entries())
        s.accessKeys.insert(P, key(`K${i}`, { roleNames: [name] }), `h${i}`);
    });
    for (const [i, name] of names.entries())
      expect(ids(s.accessKeys.holdingRole(P, name))).toEqual([`K${i}`]);
  });
});

describe('AccessKeyStore.memberOfAny', () => {
  it('finds keys that are members of any of the tenants, oldest first', () => {
    const s = open();
    s.transaction(() => {
      for (const id of ['T2A', 'T2B', 'T2C']) s.tenants.insert(P, blankTenant(id, id, 0));
      s.accessKeys.insert(P, key('K1', { keyTenants: [{ tenantId: 'T2A', roleNames: [] }] }), 'h1');
      s.accessKeys.insert(P, key('K2', { keyTenants: [{ tenantId: 'T2C', roleNames: [] }] }), 'h2');
      s.accessKeys.insert(P, key('K3', { roleNames: [], customClaims: { tenantId: 'T2A' } }), 'h3');
      s.accessKeys.insert(P, key('K4', { keyTenants: [{ tenantId: 'T2B', roleNames: [] }] }), 'h4');
    });
    expect(ids(s.accessKeys.memberOfAny(P, new Set(['T2A', 'T2B'])))).toEqual(['K1', 'K4']);
    expect(ids(s.accessKeys.memberOfAny(P, []))).toEqual([]);
  });
});

describe('TenantStore.withDefaultRole', () => {
  it('finds the tenants whose default roles name the role, and no tenant that only mentions the name', () => {
    const s = open();
    s.transaction(() => {
      s.tenants.insert(P, { ...blankTenant('T2A', 'A', 0), defaultRoles: ['Viewer'] });
      s.tenants.insert(P, { ...blankTenant('T2B', 'Viewer', 0), customAttributes: { role: 'Viewer' } });
      s.tenants.insert(P, { ...blankTenant('T2C', 'C', 0), defaultRoles: ['Other', 'Viewer'] });
    });
    expect(ids(s.tenants.withDefaultRole(P, 'Viewer'))).toEqual(['T2A', 'T2C']);
    expect(ids(s.tenants.withDefaultRole(P, 'Nobody'))).toEqual([]);
  });
});

describe('a role rename', () => {
  it('parses the keys and tenants that hold the role, not every key and tenant of the project', () => {
    const s = open();
    const config = ConfigSchema.parse({ fixtures: 'none' });
    const services: Services = { store: s, config, now: () => 0, harness: createHarness(config) };
    s.transaction(() => {
      createRole(services, P, { name: 'Viewer' });
      for (let i = 0; i < 200; i++) {
        s.tenants.insert(P, {
          ...blankTenant(`T2N${i}`, `N${i}`, 0),
          defaultRoles: i === 7 ? ['Viewer'] : [],
        });
        s.accessKeys.insert(P, key(`K${i}`, { roleNames: i % 100 === 3 ? ['Viewer'] : [] }), `h${i}`);
      }
    });
    const parse = vi.spyOn(JSON, 'parse');
    s.transaction(() => updateRole(services, P, { name: 'Viewer', newName: 'Reader' }));
    // The role, its 2 keys and 1 tenant, and a few catalog lookups; every key and tenant would be 400 more.
    expect(parse.mock.calls.length).toBeLessThan(20);
    expect(ids(s.accessKeys.holdingRole(P, 'Reader'))).toEqual(['K3', 'K103']);
    expect(ids(s.tenants.withDefaultRole(P, 'Reader'))).toEqual(['T2N7']);
  });
});
