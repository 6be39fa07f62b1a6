import { describe, expect, it } from 'vitest';
import { expectDescopeError, useMock } from '../../helpers/mock.js';

const mock = useMock();
const sdk = mock.sdk();

const permissionNamed = async (name: string) =>
  (await sdk.management.permission.loadAll()).data!.find((permission) => permission.name === name) as
    | { id: string; name: string; description: string; systemDefault: boolean }
    | undefined;

describe('management.permission.loadAll / create / createBatch', () => {
  it('lists the built-in permissions as system defaults and the fixture ones, every field present', async () => {
    const all = await sdk.management.permission.loadAll();
    expect(all.ok).toBe(true);
    expect(all.data!.map((permission) => [permission.name, permission.systemDefault])).toEqual([
      ['SSO Admin', true],
      ['User Admin', true],
      ['Impersonate', true],
      ['Read Reports', false],
    ]);
    expect(all.data![3]).toEqual({
      id: expect.any(String),
      name: 'Read Reports',
      description: 'See reports',
      systemDefault: false,
    });
  });

  it('create answers {} and stores the permission; name required and unique', async () => {
    const created = await sdk.management.permission.create('Export Data', 'Download CSV');
    expect(created.ok).toBe(true);
    expect(created.data).toEqual({});
    expect(await permissionNamed('Export Data')).toMatchObject({
      description: 'Download CSV',
      systemDefault: false,
    });
    expect((await sdk.management.permission.create('Bare')).ok).toBe(true);
    expect((await permissionNamed('Bare'))?.description).toBe('');

    expect(
      expectDescopeError((await sdk.management.permission.create('')).error, 'E011002').errorMessage,
    ).toBe('The name field is required');
    expectDescopeError((await sdk.management.permission.create('Export Data')).error, 'E011004');
  });

  it('createBatch creates all or none', async () => {
    const ok = await sdk.management.permission.createBatch([
      { name: 'Batch 1', systemDefault: false },
      { name: 'Batch 2', description: 'two', systemDefault: false },
    ]);
    expect(ok.ok).toBe(true);
    expect((await permissionNamed('Batch 2'))?.description).toBe('two');
    const failed = await sdk.management.permission.createBatch([
      { name: 'Batch 3', systemDefault: false },
      { name: 'Batch 1', systemDefault: false },
    ]);
    expectDescopeError(failed.error, 'E011004');
    expect(await permissionNamed('Batch 3')).toBeUndefined();
  });
});

describe('management.permission.update / updateWithId / updateBatch', () => {
  it('update renames by name and overrides the description; updateWithId selects by ID', async () => {
    await sdk.management.permission.create('Old Name', 'old');
    expect((await sdk.management.permission.update('Old Name', 'New Name')).ok).toBe(true);
    expect(await permissionNamed('Old Name')).toBeUndefined();
    const renamed = (await permissionNamed('New Name'))!;
    expect(renamed.description).toBe('');
    expect((await sdk.management.permission.updateWithId(renamed.id, 'Newer Name', 'desc')).ok).toBe(true);
    expect(await permissionNamed('Newer Name')).toEqual({
      ...renamed,
      name: 'Newer Name',
      description: 'desc',
    });
  });

  it('refuses an unknown permission, a missing newName or a taken name', async () => {
    expectDescopeError((await sdk.management.permission.update('Nope', 'X')).error, 'E011004');
    expectDescopeError((await sdk.management.permission.update('Read Reports', '')).error, 'E011002');
    expectDescopeError(
      (await sdk.management.permission.update('Read Reports', 'Impersonate')).error,
      'E011004',
    );
    expect(await permissionNamed('Read Reports')).toBeDefined();
  });

  it('updateBatch renames several by ID', async () => {
    await sdk.management.permission.createBatch([
      { name: 'UB 1', systemDefault: false },
      { name: 'UB 2', systemDefault: false },
    ]);
    const [one, two] = [(await permissionNamed('UB 1'))!, (await permissionNamed('UB 2'))!];
    const batch = await sdk.management.permission.updateBatch([
      { id: one.id, newName: 'UB 1b' },
      { id: two.id, newName: 'UB 2b', description: 'second' },
    ]);
    expect(batch.ok).toBe(true);
    expect((await permissionNamed('UB 1b'))?.id).toBe(one.id);
    expect((await permissionNamed('UB 2b'))?.description).toBe('second');
  });
});

describe('management.permission.delete / deleteWithId / deleteBatch', () => {
  it('deletes by name or ID; an unknown one is an error', async () => {
    await sdk.management.permission.createBatch([
      { name: 'Del 1', systemDefault: false },
      { name: 'Del 2', systemDefault: false },
    ]);
    expect((await sdk.management.permission.delete('Del 1')).data).toEqual({});
    expect(await permissionNamed('Del 1')).toBeUndefined();
    expect((await sdk.management.permission.deleteWithId((await permissionNamed('Del 2'))!.id)).ok).toBe(
      true,
    );
    expect(await permissionNamed('Del 2')).toBeUndefined();
    expectDescopeError((await sdk.management.permission.delete('Del 1')).error, 'E011004');
  });

  it('deleteBatch deletes by names and IDs, all or none', async () => {
    await sdk.management.permission.createBatch([
      { name: 'DB 1', systemDefault: false },
      { name: 'DB 2', systemDefault: false },
      { name: 'DB 3', systemDefault: false },
    ]);
    expectDescopeError((await sdk.management.permission.deleteBatch(['DB 1', 'Nope'])).error, 'E011004');
    expect(await permissionNamed('DB 1')).toBeDefined();
    const db3 = (await permissionNamed('DB 3'))!.id;
    expect((await sdk.management.permission.deleteBatch(['DB 1', 'DB 2'], [db3])).ok).toBe(true);
    for (const name of ['DB 1', 'DB 2', 'DB 3']) expect(await permissionNamed(name)).toBeUndefined();
  });
});
