import { describe, expect, it } from 'vitest';
import type { RoleRecord } from '../../../src/domain/role.js';
import { ssoAppRecord } from '../../../src/domain/ssoApplication.js';
import { ProjectFixtureSchema } from '../../../src/fixtures/schema.js';
import { seedProject } from '../../../src/fixtures/seed.js';
import { openStore, type Store } from '../../../src/store/index.js';

/**
 * CatalogStore memoises each project's roles, tenants, attribute definitions and SSO apps across requests,
 * behind a generation that every catalog write bumps. Each test reads first (so the answer is memoised),
 * writes, and reads again.
 */

const PROJECT = 'P2CatalogTest000000000000000';

function seeded(): Store {
  const store = openStore(':memory:');
  const project = ProjectFixtureSchema.parse({
    projectId: PROJECT,
    managementKeys: ['K2CatalogTest'],
    permissions: [{ name: 'Read' }, { name: 'Write' }],
    roles: [{ name: 'Viewer', permissionNames: ['Read'] }],
    tenants: [{ id: 'T2One', name: 'One' }],
    customAttributes: [{ name: 'plan', type: 'text' }],
  });
  seedProject(store, project, '', 1_764_000_000_000);
  return store;
}

const viewer = (store: Store): RoleRecord => store.roles.findRole(PROJECT, 'Viewer', '') as RoleRecord;

describe('CatalogStore memo', () => {
  it('follows every kind of catalog write, also through a catalog handed out before it', () => {
    const store = seeded();
    const catalog = store.catalog.forProject(PROJECT);
    expect(catalog.role('Viewer')?.permissionNames).toEqual(['Read']);
    expect(catalog.tenant('T2One')?.name).toBe('One');
    expect(catalog.attribute('plan')?.type).toBe('text');
    expect(catalog.ssoApp('SA2App')).toBe(false);
    expect(catalog.role('Editor')).toBeUndefined();

    store.transaction(() => {
      store.roles.updateRoleRecord(PROJECT, { ...viewer(store), permissionNames: ['Read', 'Write'] });
      store.roles.insertRoleRecord(PROJECT, { ...viewer(store), id: 'RO2Editor', name: 'Editor' });
      const tenant = store.tenants.find(PROJECT, 'T2One');
      if (tenant) store.tenants.update(PROJECT, { ...tenant, name: 'One Renamed' });
      store.customAttributes.put(PROJECT, {
        name: 'plan',
        displayName: 'Plan',
        type: 'numeric',
        options: [],
        viewPermissions: [],
        editPermissions: [],
      });
      store.ssoApplications.insert(PROJECT, ssoAppRecord('oidc', 'SA2App', { name: 'App' }));
    });
    for (const fresh of [catalog, store.catalog.forProject(PROJECT)]) {
      expect(fresh.role('Viewer')?.permissionNames).toEqual(['Read', 'Write']);
      expect(fresh.role('Editor')?.name).toBe('Editor');
      expect(fresh.tenant('T2One')?.name).toBe('One Renamed');
      expect(fresh.attribute('plan')?.type).toBe('numeric');
      expect(fresh.ssoApp('SA2App')).toBe(true);
    }

    store.transaction(() => {
      store.roles.deleteRoleRecord(PROJECT, 'RO2Editor');
      store.tenants.delete(PROJECT, 'T2One');
      store.customAttributes.delete(PROJECT, 'plan');
      store.ssoApplications.delete(PROJECT, 'SA2App');
    });
    expect(catalog.role('Editor')).toBeUndefined();
    expect(catalog.ssoApp('SA2App')).toBe(false);
    expect(catalog.tenant('T2One')).toBeUndefined();
    expect(catalog.attribute('plan')).toBeUndefined();
    store.close();
  });

  it('forgets what it read inside a transaction that rolled back, nested or not', () => {
    const store = seeded();
    const catalog = store.catalog.forProject(PROJECT);
    expect(catalog.role('Viewer')?.permissionNames).toEqual(['Read']);

    expect(() =>
      store.transaction(() => {
        store.roles.updateRoleRecord(PROJECT, { ...viewer(store), permissionNames: ['Write'] });
        expect(catalog.role('Viewer')?.permissionNames).toEqual(['Write']);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(catalog.role('Viewer')?.permissionNames).toEqual(['Read']);

    // A savepoint rolled back inside a transaction that commits (a batch item failing on its own).
    store.transaction(() => {
      expect(() =>
        store.transaction(() => {
          const tenant = store.tenants.find(PROJECT, 'T2One');
          if (tenant) store.tenants.update(PROJECT, { ...tenant, name: 'Ghost' });
          expect(catalog.tenant('T2One')?.name).toBe('Ghost');
          throw new Error('item failed');
        }),
      ).toThrow('item failed');
      expect(catalog.tenant('T2One')?.name).toBe('One');
    });
    expect(catalog.tenant('T2One')?.name).toBe('One');
    store.close();
  });

  it('starts again for a project deleted and created anew under the same ID', () => {
    const store = seeded();
    expect(store.catalog.forProject(PROJECT).role('Viewer')).toBeDefined();
    store.transaction(() => store.projects.delete(PROJECT));
    expect(store.catalog.forProject(PROJECT).role('Viewer')).toBeUndefined();
    store.transaction(() => store.projects.create(PROJECT, '', ['K2Again'], 0));
    expect(store.catalog.forProject(PROJECT).tenant('T2One')).toBeUndefined();
    store.close();
  });

  it('hands out frozen answers, so no caller can change what the next request reads', () => {
    const store = seeded();
    const role = store.catalog.forProject(PROJECT).role('Viewer');
    expect(() => role?.permissionNames.push('Write')).toThrow(TypeError);
    expect(store.catalog.forProject(PROJECT).role('Viewer')?.permissionNames).toEqual(['Read']);
    store.close();
  });
});
