import { describe, expect, it } from 'vitest';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';

/**
 * The derived fields of every answer (`permissions`, `tenantName`, a tenant's default roles) come from a
 * per-project catalog memoised across requests (src/store/catalog.ts). Each test first reads the catalog,
 * so that it is memoised, then changes what it answers from, and reads again.
 */

const mock = useMock();
const sdk = mock.sdk();

const load = async (loginId: string) => (await sdk.management.user.load(loginId)).data! as any;
const membership = (user: any, tenantId: string) =>
  user.userTenants?.find((m: { tenantId: string }) => m.tenantId === tenantId);

describe('the memoised catalog', () => {
  it('follows role, permission and tenant writes into the next answer', async () => {
    await sdk.management.user.create('cache@example.com', {
      roles: ['Viewer'],
      userTenants: [{ tenantId: 'T2Acme', roleNames: ['Approver'] }],
    });
    let user = await load('cache@example.com');
    expect(user.permissions).toEqual(['Read Reports']);
    expect(membership(user, 'T2Acme')).toMatchObject({ tenantName: 'Acme', permissions: ['Impersonate'] });

    // A role's permissions change (same name: no user is rewritten).
    await sdk.management.permission.create('Export');
    expect((await sdk.management.role.update('Viewer', 'Viewer', '', ['Export'])).ok).toBe(true);
    user = await load('cache@example.com');
    expect(user.permissions).toEqual(['Export']);

    // A permission renamed inside the role that holds it.
    expect((await sdk.management.permission.update('Export', 'Export All')).ok).toBe(true);
    expect((await load('cache@example.com')).permissions).toEqual(['Export All']);

    // A tenant renamed.
    expect((await sdk.management.tenant.update('T2Acme', 'Acme Renamed')).ok).toBe(true);
    expect(membership(await load('cache@example.com'), 'T2Acme').tenantName).toBe('Acme Renamed');

    // A tenant role deleted: the membership keeps no permission from it.
    expect((await sdk.management.role.delete('Approver', 'T2Acme')).ok).toBe(true);
    expect(membership(await load('cache@example.com'), 'T2Acme')).toMatchObject({
      roleNames: [],
      permissions: [],
    });
  });

  it('forgets what a rolled-back batch wrote, though it read it before failing', async () => {
    // The first role is written (a default role of T2Globex); the second reads T2Globex (with its new
    // default role) to check its scope, then fails on a permission that does not exist: all or none.
    const batch = await mock.http('POST', '/v1/mgmt/role/create/batch', {
      body: {
        roles: [
          { name: 'Greeter', tenantId: 'T2Globex', default: true },
          { name: 'Auditor', tenantId: 'T2Globex', permissionNames: ['No Such Permission'] },
        ],
      },
    });
    expect(batch.status).toBe(400);
    // Joining T2Globex gives its default roles: none, since Greeter was never committed.
    await sdk.management.user.create('joiner@example.com');
    expect((await sdk.management.user.addTenant('joiner@example.com', 'T2Globex')).ok).toBe(true);
    expect(membership(await load('joiner@example.com'), 'T2Globex').roleNames).toEqual([]);
  });

  it('answers from the fixture again after a reset and from the snapshot after a restore', async () => {
    await sdk.management.user.create('reset@example.com', { roles: ['Editor'] });
    await sdk.management.role.update('Editor', 'Editor', '', []);
    const snapshot = (await mock.control('GET', `/_mock/projects/${TEST_PROJECT.projectId}/snapshot`)).body;
    expect((await load('reset@example.com')).permissions).toEqual([]);

    await mock.control('POST', '/_mock/reset', { projectId: TEST_PROJECT.projectId });
    await sdk.management.user.create('reset@example.com', { roles: ['Editor'] });
    expect((await load('reset@example.com')).permissions).toEqual(['Read Reports', 'User Admin']);

    const restored = await mock.control(
      'PUT',
      `/_mock/projects/${TEST_PROJECT.projectId}/snapshot`,
      snapshot,
    );
    expect(restored.status).toBe(200);
    expect((await load('reset@example.com')).permissions).toEqual([]);
  });
});
