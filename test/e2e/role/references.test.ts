import { describe, expect, it } from 'vitest';
import { expectDescopeError, TEST_PROJECT, useMock } from '../../helpers/mock.js';
import { danglingReferences } from '../../helpers/references.js';

/** Renames and deletes of roles and permissions follow through to every user, key, role and tenant. */

const mock = useMock();
const sdk = mock.sdk();

const load = async (loginId: string) => (await sdk.management.user.load(loginId)).data!;
const membership = (user: Awaited<ReturnType<typeof load>>, tenantId: string) =>
  user.userTenants?.find((m) => m.tenantId === tenantId);

describe('renaming a role', () => {
  it('a project role follows to users (project and tenant memberships), keys and tenant defaults', async () => {
    await sdk.management.permission.create('Ship');
    await sdk.management.role.create('Shipper', '', ['Ship']);
    await sdk.management.user.create('ship@example.com', {
      roles: ['Shipper', 'Viewer'],
      userTenants: [{ tenantId: 'T2Globex', roleNames: ['Shipper'] }],
    });
    const key = (
      await sdk.management.accessKey.create(
        'ship key',
        0,
        ['Shipper'],
        [{ tenantId: 'T2Globex', roleNames: ['Shipper'] }],
      )
    ).data!.key.id;
    await sdk.management.tenant.updateDefaultRoles('T2Globex', ['Shipper']);

    expect((await sdk.management.role.update('Shipper', 'Dispatcher', '', ['Ship'])).ok).toBe(true);

    const user = await load('ship@example.com');
    expect(user.roleNames).toEqual(['Dispatcher', 'Viewer']);
    expect(membership(user, 'T2Globex')?.roleNames).toEqual(['Dispatcher']);
    expect((user as any).permissions).toEqual(['Ship', 'Read Reports']);
    expect(membership(user, 'T2Globex')?.permissions).toEqual(['Ship']);
    const loadedKey = (await sdk.management.accessKey.load(key)).data!;
    expect(loadedKey.roleNames).toEqual(['Dispatcher']);
    expect(loadedKey.keyTenants).toEqual([
      { tenantId: 'T2Globex', roleNames: ['Dispatcher'], tenantName: 'Globex' },
    ]);
    expect((await sdk.management.tenant.load('T2Globex')).data?.defaultRoles).toEqual(['Dispatcher']);
    expect(danglingReferences(mock, TEST_PROJECT.projectId)).toEqual([]);
  });

  it('a tenant role renames only inside its tenant; the project role of the same name stays put', async () => {
    await sdk.management.role.create('Shared');
    await sdk.management.role.create('Shared', 'Acme only', ['Impersonate'], 'T2Acme');
    await sdk.management.user.create('shared@example.com', {
      roles: ['Shared'],
      userTenants: [
        { tenantId: 'T2Acme', roleNames: ['Shared'] },
        { tenantId: 'T2Globex', roleNames: ['Shared'] },
      ],
    });
    expect(membership(await load('shared@example.com'), 'T2Acme')?.permissions).toEqual(['Impersonate']);

    expect(
      (await sdk.management.role.update('Shared', 'Acme Shared', '', ['Impersonate'], 'T2Acme')).ok,
    ).toBe(true);
    let user = await load('shared@example.com');
    expect(user.roleNames).toEqual(['Shared']);
    expect(membership(user, 'T2Acme')?.roleNames).toEqual(['Acme Shared']);
    expect(membership(user, 'T2Globex')?.roleNames).toEqual(['Shared']);

    expect((await sdk.management.role.update('Shared', 'Everyone')).ok).toBe(true);
    user = await load('shared@example.com');
    expect(user.roleNames).toEqual(['Everyone']);
    expect(membership(user, 'T2Acme')?.roleNames).toEqual(['Acme Shared']);
    expect(membership(user, 'T2Globex')?.roleNames).toEqual(['Everyone']);
    expect(danglingReferences(mock, TEST_PROJECT.projectId)).toEqual([]);
  });

  it('a rename onto a taken name fails and changes nobody', async () => {
    await sdk.management.user.create('clash@example.com', { roles: ['Viewer'] });
    expectDescopeError((await sdk.management.role.update('Viewer', 'Editor')).error, 'E011004');
    expect((await load('clash@example.com')).roleNames).toEqual(['Viewer']);
  });
});

describe('what users derive from roles and tenants', () => {
  it("a role's new permissions and a tenant's new name show on its holders at once", async () => {
    await sdk.management.role.create('Flexible', '', ['Read Reports']);
    const tenant = (await sdk.management.tenant.create('Before Rename')).data!.id;
    await sdk.management.user.create('derived@example.com', {
      roles: ['Flexible'],
      userTenants: [{ tenantId: tenant, roleNames: ['Flexible'] }],
    });
    const key = (
      await sdk.management.accessKey.create('derived key', 0, [], [{ tenantId: tenant, roleNames: [] }])
    ).data!.key.id;

    await sdk.management.role.update('Flexible', 'Flexible', '', ['Impersonate', 'User Admin']);
    await sdk.management.tenant.update(tenant, 'After Rename');

    const user = await load('derived@example.com');
    expect((user as any).permissions).toEqual(['Impersonate', 'User Admin']);
    expect(membership(user, tenant)).toEqual({
      tenantId: tenant,
      tenantName: 'After Rename',
      roleNames: ['Flexible'],
      permissions: ['Impersonate', 'User Admin'],
    });
    expect((await sdk.management.accessKey.load(key)).data?.keyTenants?.[0]).toMatchObject({
      tenantName: 'After Rename',
    });
  });
});

describe('deleting a role', () => {
  it('removes it from users, keys and tenant defaults, and the permissions it granted go with it', async () => {
    await sdk.management.role.create('Doomed', '', ['Impersonate']);
    await sdk.management.user.create('doomed@example.com', {
      roles: ['Doomed', 'Viewer'],
      userTenants: [{ tenantId: 'T2Acme', roleNames: ['Doomed', 'Approver'] }],
    });
    const key = (await sdk.management.accessKey.create('doomed key', 0, ['Doomed'])).data!.key.id;
    await sdk.management.tenant.updateDefaultRoles('T2Acme', ['Doomed']);

    expect((await sdk.management.role.delete('Doomed')).ok).toBe(true);

    const user = await load('doomed@example.com');
    expect(user.roleNames).toEqual(['Viewer']);
    expect((user as any).permissions).toEqual(['Read Reports']);
    expect(membership(user, 'T2Acme')).toMatchObject({
      roleNames: ['Approver'],
      permissions: ['Impersonate'],
    });
    expect((await sdk.management.accessKey.load(key)).data?.roleNames).toEqual([]);
    expect((await sdk.management.tenant.load('T2Acme')).data?.defaultRoles).toEqual([]);
    // The search index agrees: nobody is found by the deleted role.
    const holders = mock.app.services.store.users.withRoleName(TEST_PROJECT.projectId, 'Doomed');
    expect(holders).toEqual([]);
    expect(danglingReferences(mock, TEST_PROJECT.projectId)).toEqual([]);
  });
});

describe('renaming and deleting a permission', () => {
  it('a rename follows to every role, so users see the new name', async () => {
    await sdk.management.permission.create('Billing');
    await sdk.management.role.create('Accountant', '', ['Billing', 'Read Reports']);
    await sdk.management.role.create('Acme Accountant', '', ['Billing'], 'T2Acme');
    await sdk.management.user.create('acct@example.com', {
      roles: ['Accountant'],
      userTenants: [{ tenantId: 'T2Acme', roleNames: ['Acme Accountant'] }],
    });

    expect((await sdk.management.permission.update('Billing', 'Invoicing')).ok).toBe(true);
    const roles = (await sdk.management.role.loadAll()).data!;
    expect(roles.find((role) => role.name === 'Accountant')?.permissionNames).toEqual([
      'Invoicing',
      'Read Reports',
    ]);
    expect(roles.find((role) => role.name === 'Acme Accountant')?.permissionNames).toEqual(['Invoicing']);
    const user = await load('acct@example.com');
    expect((user as any).permissions).toEqual(['Invoicing', 'Read Reports']);
    expect(membership(user, 'T2Acme')?.permissions).toEqual(['Invoicing']);

    expect((await sdk.management.permission.delete('Invoicing')).ok).toBe(true);
    expect(
      (await sdk.management.role.loadAll()).data!.find((role) => role.name === 'Accountant')?.permissionNames,
    ).toEqual(['Read Reports']);
    expect(((await load('acct@example.com')) as any).permissions).toEqual(['Read Reports']);
    expect(danglingReferences(mock, TEST_PROJECT.projectId)).toEqual([]);
  });
});

describe('default roles of a tenant', () => {
  it('are given to a user joining the tenant through tenant/add or v2 role/add, not to existing members', async () => {
    await sdk.management.role.create('Newcomer', '', [], 'T2Globex', true);
    await sdk.management.tenant.updateDefaultRoles('T2Globex', ['Viewer']);
    await sdk.management.user.create('joiner@example.com');
    await sdk.management.user.create('adder@example.com');

    const joined = await sdk.management.user.addTenant('joiner@example.com', 'T2Globex');
    expect(membership(joined.data!, 'T2Globex')?.roleNames).toEqual(['Viewer', 'Newcomer']);
    expect(membership(await load('joiner@example.com'), 'T2Globex')?.roleNames).toEqual([
      'Viewer',
      'Newcomer',
    ]);

    await sdk.management.user.addTenantRoles('adder@example.com', 'T2Globex', ['Editor']);
    expect(membership(await load('adder@example.com'), 'T2Globex')?.roleNames).toEqual([
      'Viewer',
      'Newcomer',
      'Editor',
    ]);

    // Already a member: adding roles gives only those.
    await sdk.management.user.removeTenantRoles('adder@example.com', 'T2Globex', ['Viewer', 'Newcomer']);
    await sdk.management.user.addTenantRoles('adder@example.com', 'T2Globex', ['Viewer']);
    expect(membership(await load('adder@example.com'), 'T2Globex')?.roleNames).toEqual(['Editor', 'Viewer']);
    await sdk.management.tenant.updateDefaultRoles('T2Globex', []);
  });
});
