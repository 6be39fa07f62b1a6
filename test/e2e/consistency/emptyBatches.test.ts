import { describe, expect, it } from 'vitest';
import { expectDescopeError, useMock } from '../../helpers/mock.js';

/**
 * Every batch call answers an empty list the same way: proto3 cannot tell an empty list from an absent one,
 * and an absent list is a missing argument (400 E011002). Nothing is written.
 */

const mock = useMock();
const sdk = mock.sdk();

/** What the batch calls below could change, read back through the SDK. */
async function state() {
  const [roles, permissions, keys, users] = await Promise.all([
    sdk.management.role.loadAll(),
    sdk.management.permission.loadAll(),
    sdk.management.accessKey.searchAll(),
    sdk.management.user.search({}),
  ]);
  return { roles: roles.data, permissions: permissions.data, keys: keys.data, users: users.data };
}

describe('an empty batch', () => {
  it('is 400 E011002 for every batch call of users, roles, permissions and access keys', async () => {
    const key = await sdk.management.accessKey.create('Batch key', 0);
    expect(key.error).toBeUndefined();
    const before = await state();
    const calls = {
      'user.createBatch': sdk.management.user.createBatch([]),
      'user.inviteBatch': sdk.management.user.inviteBatch([]),
      'user.patchBatch': sdk.management.user.patchBatch([]),
      'user.deleteBatch': sdk.management.user.deleteBatch([]),
      'user.loadUsers': sdk.management.user.loadUsers([]),
      'role.createBatch': sdk.management.role.createBatch([]),
      'role.updateBatch': sdk.management.role.updateBatch([]),
      'role.deleteBatch': sdk.management.role.deleteBatch([]),
      'permission.createBatch': sdk.management.permission.createBatch([]),
      'permission.updateBatch': sdk.management.permission.updateBatch([]),
      'permission.deleteBatch': sdk.management.permission.deleteBatch([]),
      'accessKey.activateBatch': sdk.management.accessKey.activateBatch([]),
      'accessKey.deactivateBatch': sdk.management.accessKey.deactivateBatch([]),
      'accessKey.deleteBatch': sdk.management.accessKey.deleteBatch([]),
    };
    for (const [name, call] of Object.entries(calls)) {
      const result = await call;
      expect([name, result.code]).toEqual([name, 400]);
      expectDescopeError(result.error, 'E011002');
    }
    expect(await state()).toEqual(before);
  });
});
