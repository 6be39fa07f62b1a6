import type { RoleSearchOptions } from '@descope/node-sdk';
import { describe, expect, it } from 'vitest';
import { expectDescopeError, type Sdk, useMock } from '../../helpers/mock.js';

const mock = useMock();
const sdk = mock.sdk();

const roleNamed = async (name: string, tenantId = '') =>
  (await sdk.management.role.loadAll()).data!.find(
    (role) => role.name === name && role.tenantId === tenantId,
  );

describe('management.role.create / loadAll', () => {
  it('creates a project role with every field, answered as the role itself', async () => {
    const created = await sdk.management.role.create(
      'Auditor',
      'Reads logs',
      ['Read Reports'],
      undefined,
      true,
    );
    expect(created.ok).toBe(true);
    const role = await roleNamed('Auditor');
    expect(role).toEqual({
      id: expect.stringMatching(/^RO/),
      name: 'Auditor',
      description: 'Reads logs',
      permissionNames: ['Read Reports'],
      createdTime: expect.any(Number),
      tenantId: '',
      default: true,
      private: false,
    });
    expect(created.data).toEqual(role);
  });

  it('the built-in Tenant Admin role exists, and a tenant may have its own role of the same name', async () => {
    expect((await roleNamed('Tenant Admin'))?.permissionNames).toEqual([
      'SSO Admin',
      'User Admin',
      'Impersonate',
    ]);
    const scoped = await sdk.management.role.create(
      'Tenant Admin',
      'Acme admins',
      ['Read Reports'],
      'T2Acme',
    );
    expect(scoped.ok).toBe(true);
    expect(await roleNamed('Tenant Admin', 'T2Acme')).toMatchObject({ permissionNames: ['Read Reports'] });
    expect((await roleNamed('Tenant Admin'))?.description).toBe('Tenant administrator');
  });

  it('refuses a missing name, a taken name, an unknown permission or tenant', async () => {
    expect(expectDescopeError((await sdk.management.role.create('')).error, 'E011002').errorMessage).toBe(
      'The name field is required',
    );
    expectDescopeError((await sdk.management.role.create('Viewer')).error, 'E011004');
    expectDescopeError(
      (await sdk.management.role.create('Ghost', '', ['No Such Permission'])).error,
      'E011004',
    );
    expectDescopeError((await sdk.management.role.create('Ghost', '', [], 'T2Nope')).error, 'E011004');
    expect(await roleNamed('Ghost')).toBeUndefined();
  });

  it('createBatch creates all roles or none', async () => {
    const batch = await sdk.management.role.createBatch([
      { name: 'Batch A', permissionNames: ['Read Reports'] } as any,
      { name: 'Batch B', tenantId: 'T2Globex', permissionNames: [] } as any,
    ]);
    expect(batch.ok).toBe(true);
    expect(batch.data!.map((role) => [role.name, role.tenantId])).toEqual([
      ['Batch A', ''],
      ['Batch B', 'T2Globex'],
    ]);
    const failed = await sdk.management.role.createBatch([
      { name: 'Batch C', permissionNames: [] } as any,
      { name: 'Batch A', permissionNames: [] } as any,
    ]);
    expectDescopeError(failed.error, 'E011004');
    expect(await roleNamed('Batch C')).toBeUndefined();
  });
});

describe('management.role.update / updateWithId / updateBatch', () => {
  it('update is a full override selected by name; updateWithId selects by ID', async () => {
    await sdk.management.role.create('Support', 'Helps', ['Read Reports'], undefined, true);
    const updated = await sdk.management.role.update('Support', 'Support', undefined, ['Impersonate']);
    expect(updated.ok).toBe(true);
    expect(await roleNamed('Support')).toMatchObject({
      description: '',
      permissionNames: ['Impersonate'],
      default: false,
    });
    const id = (await roleNamed('Support'))!.id!;
    expect((await sdk.management.role.updateWithId(id, 'Support Desk', 'Desk')).ok).toBe(true);
    expect(await roleNamed('Support Desk')).toMatchObject({ id, description: 'Desk' });
    expect(await roleNamed('Support')).toBeUndefined();
  });

  it('update needs newName and an existing role in the named scope', async () => {
    expectDescopeError((await sdk.management.role.update('Viewer', '')).error, 'E011002');
    expectDescopeError((await sdk.management.role.update('Nobody', 'X')).error, 'E011004');
    // Approver lives in Acme, not at project level.
    expectDescopeError((await sdk.management.role.update('Approver', 'X')).error, 'E011004');
    expectDescopeError((await sdk.management.role.update('Viewer', 'Editor')).error, 'E011004');
    expect(await roleNamed('Viewer')).toBeDefined();
  });

  it('updateBatch updates every role by ID and answers them', async () => {
    await sdk.management.role.createBatch([{ name: 'UB1' } as any, { name: 'UB2' } as any]);
    const [one, two] = [(await roleNamed('UB1'))!, (await roleNamed('UB2'))!];
    const batch = await sdk.management.role.updateBatch([
      { id: one.id!, newName: 'UB1 renamed', permissionNames: ['Read Reports'] },
      { id: two.id!, newName: 'UB2', description: 'second' },
    ]);
    expect(batch.ok).toBe(true);
    expect(batch.data!.map((role) => role.name)).toEqual(['UB1 renamed', 'UB2']);
    expect(await roleNamed('UB1 renamed')).toMatchObject({ permissionNames: ['Read Reports'] });
    expect(await roleNamed('UB2')).toMatchObject({ description: 'second' });
  });
});

describe('management.role.delete / deleteWithId / deleteBatch', () => {
  it('delete by name (in a tenant scope) or by ID', async () => {
    await sdk.management.role.create('Temp', '', [], 'T2Globex');
    await sdk.management.role.create('Temp');
    expect((await sdk.management.role.delete('Temp', 'T2Globex')).data).toEqual({});
    expect(await roleNamed('Temp', 'T2Globex')).toBeUndefined();
    expect(await roleNamed('Temp')).toBeDefined();
    expect((await sdk.management.role.deleteWithId((await roleNamed('Temp'))!.id!)).ok).toBe(true);
    expect(await roleNamed('Temp')).toBeUndefined();
    expectDescopeError((await sdk.management.role.delete('Temp')).error, 'E011004');
  });

  it('deleteBatch deletes by names and IDs, all or none', async () => {
    await sdk.management.role.createBatch([
      { name: 'D1' } as any,
      { name: 'D2' } as any,
      { name: 'D3' } as any,
    ]);
    const d3 = (await roleNamed('D3'))!.id!;
    const failed = await sdk.management.role.deleteBatch(['D1', 'Missing']);
    expectDescopeError(failed.error, 'E011004');
    expect(await roleNamed('D1')).toBeDefined();
    expect((await sdk.management.role.deleteBatch(['D1', 'D2'], undefined, [d3])).ok).toBe(true);
    for (const name of ['D1', 'D2', 'D3']) expect(await roleNamed(name)).toBeUndefined();
  });
});

describe('management.role.search', () => {
  it('filters by tenant, project roles, names, name part and permissions', async () => {
    await sdk.management.role.create('Searcher', '', ['Impersonate'], 'T2Acme');
    const names = async (options: Parameters<Sdk['management']['role']['search']>[0]) =>
      (await sdk.management.role.search(options)).data!.map((role) => role.name).sort();

    expect(await names({ tenantIds: ['T2Acme'] })).toEqual(['Approver', 'Searcher', 'Tenant Admin']);
    expect(await names({ tenantIds: ['T2Acme'], includeProjectRoles: true })).toEqual(
      expect.arrayContaining(['Approver', 'Viewer', 'Editor']),
    );
    expect(await names({ roleNames: ['Viewer', 'Editor'] })).toEqual(['Editor', 'Viewer']);
    expect(await names({ roleNameLike: 'VIEW' })).toEqual(['Viewer']);
    expect(await names({ permissionNames: ['Impersonate'], tenantIds: ['T2Acme'] })).toEqual([
      'Approver',
      'Searcher',
    ]);
  });
});

describe("management.role.search sort (the spec's, passed through by the SDK)", () => {
  it('orders by each field in turn, ascending unless desc; refuses an unknown field (E011004)', async () => {
    for (const [name, description] of [
      ['Sorted b', 'same'],
      ['sorted A', 'same'],
      ['Sorted c', 'other'],
    ]) {
      expect((await sdk.management.role.create(name as string, description)).ok).toBe(true);
    }
    const search = (sort: { field: string; desc?: boolean }[]) =>
      sdk.management.role.search({ roleNameLike: 'sorted', sort } as RoleSearchOptions);
    const names = async (sort: { field: string; desc?: boolean }[]) =>
      (await search(sort)).data?.map((role) => role.name);

    expect(await names([{ field: 'name' }])).toEqual(['sorted A', 'Sorted b', 'Sorted c']);
    expect(await names([{ field: 'name', desc: true }])).toEqual(['Sorted c', 'Sorted b', 'sorted A']);
    expect(await names([{ field: 'description', desc: true }, { field: 'name' }])).toEqual([
      'sorted A',
      'Sorted b',
      'Sorted c',
    ]);
    expectDescopeError((await search([{ field: 'shoeSize' }])).error, 'E011004');
  });
});
