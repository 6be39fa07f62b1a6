import type { Recipe } from '../recipe.js';
import { must } from '../recipe.js';

/** Roles, permissions, tenants, access keys and the password policy: the management API's first modules. */
export const rbacRecipes: Record<string, Recipe> = {
  'management.permission.create': ({ sdk, unique }) => sdk.management.permission.create(unique('perm'), 'd'),
  'management.permission.createBatch': ({ sdk, unique }) =>
    sdk.management.permission.createBatch([{ name: unique('perm'), systemDefault: false }]),
  'management.permission.update': async ({ sdk, unique }) => {
    const name = unique('perm');
    must(await sdk.management.permission.create(name), 'permission.create');
    return sdk.management.permission.update(name, unique('perm'), 'renamed');
  },
  'management.permission.updateWithId': async ({ sdk, unique }) => {
    const name = unique('perm');
    must(await sdk.management.permission.create(name), 'permission.create');
    const all = must(await sdk.management.permission.loadAll(), 'permission.loadAll');
    const id = (all.data as { id?: string; name: string }[]).find((p) => p.name === name)?.id as string;
    return sdk.management.permission.updateWithId(id, unique('perm'));
  },
  'management.permission.updateBatch': async ({ sdk, unique }) => {
    const name = unique('perm');
    must(await sdk.management.permission.create(name), 'permission.create');
    const all = must(await sdk.management.permission.loadAll(), 'permission.loadAll');
    const id = (all.data as { id?: string; name: string }[]).find((p) => p.name === name)?.id as string;
    return sdk.management.permission.updateBatch([{ id, newName: unique('perm') }]);
  },
  'management.permission.delete': async ({ sdk, unique }) => {
    const name = unique('perm');
    must(await sdk.management.permission.create(name), 'permission.create');
    return sdk.management.permission.delete(name);
  },
  'management.permission.deleteWithId': async ({ sdk, unique }) => {
    const name = unique('perm');
    must(await sdk.management.permission.create(name), 'permission.create');
    const all = must(await sdk.management.permission.loadAll(), 'permission.loadAll');
    const id = (all.data as { id?: string; name: string }[]).find((p) => p.name === name)?.id as string;
    return sdk.management.permission.deleteWithId(id);
  },
  'management.permission.deleteBatch': async ({ sdk, unique }) => {
    const name = unique('perm');
    must(await sdk.management.permission.create(name), 'permission.create');
    return sdk.management.permission.deleteBatch([name]);
  },
  'management.permission.loadAll': ({ sdk }) => sdk.management.permission.loadAll(),

  'management.role.create': ({ sdk, unique }) =>
    sdk.management.role.create(unique('role'), 'd', ['Read Reports']),
  'management.role.createBatch': ({ sdk, unique }) =>
    sdk.management.role.createBatch([{ name: unique('role'), permissionNames: [], createdTime: 0 }]),
  'management.role.update': async ({ sdk, unique }) => {
    const name = unique('role');
    must(await sdk.management.role.create(name), 'role.create');
    return sdk.management.role.update(name, unique('role'), 'renamed');
  },
  'management.role.updateWithId': async ({ sdk, unique }) => {
    const name = unique('role');
    must(await sdk.management.role.create(name), 'role.create');
    const found = must(await sdk.management.role.search({ roleNames: [name] }), 'role.search');
    const id = (found.data as { id: string }[])[0]?.id as string;
    return sdk.management.role.updateWithId(id, unique('role'));
  },
  'management.role.updateBatch': async ({ sdk, unique }) => {
    const name = unique('role');
    must(await sdk.management.role.create(name), 'role.create');
    const found = must(await sdk.management.role.search({ roleNames: [name] }), 'role.search');
    const id = (found.data as { id: string }[])[0]?.id as string;
    return sdk.management.role.updateBatch([{ id, newName: unique('role') }]);
  },
  'management.role.delete': async ({ sdk, unique }) => {
    const name = unique('role');
    must(await sdk.management.role.create(name), 'role.create');
    return sdk.management.role.delete(name);
  },
  'management.role.deleteWithId': async ({ sdk, unique }) => {
    const name = unique('role');
    must(await sdk.management.role.create(name), 'role.create');
    const found = must(await sdk.management.role.search({ roleNames: [name] }), 'role.search');
    return sdk.management.role.deleteWithId((found.data as { id: string }[])[0]?.id as string);
  },
  'management.role.deleteBatch': async ({ sdk, unique }) => {
    const name = unique('role');
    must(await sdk.management.role.create(name), 'role.create');
    return sdk.management.role.deleteBatch([name]);
  },
  'management.role.loadAll': ({ sdk }) => sdk.management.role.loadAll(),
  'management.role.search': ({ sdk }) => sdk.management.role.search({ roleNames: ['Viewer'] }),

  'management.tenant.create': ({ sdk, unique }) => sdk.management.tenant.create(unique('Tenant')),
  'management.tenant.createWithId': ({ sdk, unique }) =>
    sdk.management.tenant.createWithId(unique('T2'), unique('Tenant')),
  'management.tenant.update': async ({ sdk, unique }) => {
    const id = unique('T2');
    must(await sdk.management.tenant.createWithId(id, unique('Tenant')), 'tenant.createWithId');
    return sdk.management.tenant.update(id, unique('Tenant'), ['example.org']);
  },
  'management.tenant.updateDefaultRoles': ({ sdk }) =>
    sdk.management.tenant.updateDefaultRoles('T2Acme', ['Viewer']),
  'management.tenant.delete': async ({ sdk, unique }) => {
    const id = unique('T2');
    must(await sdk.management.tenant.createWithId(id, unique('Tenant')), 'tenant.createWithId');
    return sdk.management.tenant.delete(id, true);
  },
  'management.tenant.load': ({ sdk }) => sdk.management.tenant.load('T2Acme'),
  'management.tenant.loadAll': ({ sdk }) => sdk.management.tenant.loadAll(),
  'management.tenant.searchAll': ({ sdk }) => sdk.management.tenant.searchAll(['T2Acme']),
  'management.tenant.getSettings': ({ sdk }) => sdk.management.tenant.getSettings('T2Acme'),
  'management.tenant.configureSettings': ({ sdk }) =>
    sdk.management.tenant.configureSettings('T2Globex', {
      selfProvisioningDomains: ['globex.example.com'],
      enabled: true,
      sessionTokenExpiration: 30,
    }),
  'management.tenant.generateSSOConfigurationLink': ({ sdk }) =>
    sdk.management.tenant.generateSSOConfigurationLink('T2Acme', 3600),
  'management.tenant.revokeSSOConfigurationLink': ({ sdk }) =>
    sdk.management.tenant.revokeSSOConfigurationLink('T2Acme'),

  'management.accessKey.create': ({ sdk, unique }) =>
    sdk.management.accessKey.create(unique('key'), 0, ['Viewer']),
  'management.accessKey.load': async ({ sdk, unique }) =>
    sdk.management.accessKey.load(await accessKey(sdk, unique)),
  'management.accessKey.searchAll': ({ sdk }) => sdk.management.accessKey.searchAll(),
  'management.accessKey.update': async ({ sdk, unique }) =>
    sdk.management.accessKey.update(await accessKey(sdk, unique), unique('key'), 'updated'),
  'management.accessKey.deactivate': async ({ sdk, unique }) =>
    sdk.management.accessKey.deactivate(await accessKey(sdk, unique)),
  'management.accessKey.deactivateBatch': async ({ sdk, unique }) =>
    sdk.management.accessKey.deactivateBatch([await accessKey(sdk, unique)]),
  'management.accessKey.activate': async ({ sdk, unique }) =>
    sdk.management.accessKey.activate(await accessKey(sdk, unique)),
  'management.accessKey.activateBatch': async ({ sdk, unique }) =>
    sdk.management.accessKey.activateBatch([await accessKey(sdk, unique)]),
  'management.accessKey.delete': async ({ sdk, unique }) =>
    sdk.management.accessKey.delete(await accessKey(sdk, unique)),
  'management.accessKey.deleteBatch': async ({ sdk, unique }) =>
    sdk.management.accessKey.deleteBatch([await accessKey(sdk, unique)]),
  'management.accessKey.rotate': async ({ sdk, unique }) =>
    sdk.management.accessKey.rotate(await accessKey(sdk, unique)),

  'management.password.getSettings': ({ sdk }) => sdk.management.password.getSettings('T2Acme'),
  'management.password.configureSettings': ({ sdk }) =>
    sdk.management.password.configureSettings('T2Acme', {
      enabled: true,
      minLength: 10,
      lowercase: true,
      uppercase: false,
      number: true,
      nonAlphaNumeric: false,
      expiration: false,
      expirationWeeks: 0,
      reuse: false,
      reuseAmount: 0,
      lock: false,
      lockAttempts: 0,
    }),
};

type Sdk = Parameters<Recipe>[0]['sdk'];

async function accessKey(sdk: Sdk, unique: (prefix: string) => string): Promise<string> {
  const created = must(await sdk.management.accessKey.create(unique('key'), 0), 'accessKey.create');
  return (created.data as { key: { id: string } }).key.id;
}
