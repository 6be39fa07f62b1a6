import { describe, expect, it } from 'vitest';
import { expectDescopeError, TEST_PROJECT, useMock } from '../../helpers/mock.js';
import { danglingReferences } from '../../helpers/references.js';

/** Deleting a tenant (and a user) never leaves a user, role, key or tenant pointing at something gone. */

const mock = useMock();
const sdk = mock.sdk();

const exists = async (loginId: string) => (await sdk.management.user.load(loginId)).ok;

describe('management.tenant.delete', () => {
  it('without cascade: members and keys lose the membership, the tenant roles go, users and keys stay', async () => {
    const tenant = (await sdk.management.tenant.create('Soon Gone')).data!.id;
    await sdk.management.role.create('Local', '', ['Impersonate'], tenant);
    await sdk.management.user.create('only@example.com', {
      userTenants: [{ tenantId: tenant, roleNames: ['Local'] }],
    });
    await sdk.management.user.create('both@example.com', {
      userTenants: [
        { tenantId: tenant, roleNames: ['Local'] },
        { tenantId: 'T2Acme', roleNames: ['Approver'] },
      ],
    });
    const key = (
      await sdk.management.accessKey.create('tenant key', 0, [], [{ tenantId: tenant, roleNames: ['Local'] }])
    ).data!.key.id;

    const deleted = await sdk.management.tenant.delete(tenant);
    expect(deleted.ok).toBe(true);
    expect(deleted.data).toEqual({});

    expectDescopeError((await sdk.management.tenant.load(tenant)).error, 'E011004');
    expect((await sdk.management.user.load('only@example.com')).data?.userTenants).toEqual([]);
    expect(
      (await sdk.management.user.load('both@example.com')).data?.userTenants?.map((m) => m.tenantId),
    ).toEqual(['T2Acme']);
    expect((await sdk.management.accessKey.load(key)).data?.keyTenants).toEqual([]);
    const roles = (await sdk.management.role.loadAll()).data!;
    expect(roles.some((role) => role.tenantId === tenant)).toBe(false);
    expect(danglingReferences(mock, TEST_PROJECT.projectId)).toEqual([]);
  });

  it('with cascade: users and keys that belonged only to it are deleted, the others only leave it', async () => {
    const tenant = (await sdk.management.tenant.create('Cascade Co')).data!.id;
    await sdk.management.user.create('solo@example.com', {
      userTenants: [{ tenantId: tenant, roleNames: [] }],
    });
    await sdk.management.user.create('multi@example.com', {
      userTenants: [
        { tenantId: tenant, roleNames: [] },
        { tenantId: 'T2Globex', roleNames: [] },
      ],
    });
    await sdk.management.user.create('outside@example.com', { roles: ['Viewer'] });
    const soloKey = (
      await sdk.management.accessKey.create('solo key', 0, [], [{ tenantId: tenant, roleNames: [] }])
    ).data!.key.id;
    const multiKey = (
      await sdk.management.accessKey.create(
        'multi key',
        0,
        [],
        [
          { tenantId: tenant, roleNames: [] },
          { tenantId: 'T2Globex', roleNames: [] },
        ],
      )
    ).data!.key.id;

    expect((await sdk.management.tenant.delete(tenant, true)).ok).toBe(true);

    expect(await exists('solo@example.com')).toBe(false);
    expect(await exists('outside@example.com')).toBe(true);
    const multi = (await sdk.management.user.load('multi@example.com')).data!;
    expect(multi.userTenants?.map((m) => m.tenantId)).toEqual(['T2Globex']);
    expectDescopeError((await sdk.management.accessKey.load(soloKey)).error, 'E011004');
    expect((await sdk.management.accessKey.load(multiKey)).data?.keyTenants?.map((m) => m.tenantId)).toEqual([
      'T2Globex',
    ]);
    expect(danglingReferences(mock, TEST_PROJECT.projectId)).toEqual([]);
  });

  it('a tenant with children is refused without cascade; with cascade the whole subtree goes', async () => {
    const root = (await sdk.management.tenant.create('Root')).data!.id;
    const child = (await sdk.management.tenant.create('Child', [], {}, false, false, root)).data!.id;
    const grandchild = (await sdk.management.tenant.create('Grandchild', [], {}, false, false, child)).data!
      .id;
    await sdk.management.user.create('deep@example.com', {
      userTenants: [{ tenantId: grandchild, roleNames: [] }],
    });

    expectDescopeError((await sdk.management.tenant.delete(root)).error, 'E011004');
    expect((await sdk.management.tenant.load(grandchild)).ok).toBe(true);

    // Deleting a leaf clears it from its parent's successors.
    const leaf = (await sdk.management.tenant.create('Leaf', [], {}, false, false, root)).data!.id;
    expect(((await sdk.management.tenant.load(root)).data as any)?.successors).toEqual([child, leaf]);
    expect((await sdk.management.tenant.delete(leaf)).ok).toBe(true);
    expect(((await sdk.management.tenant.load(root)).data as any)?.successors).toEqual([child]);

    expect((await sdk.management.tenant.delete(root, true)).ok).toBe(true);
    for (const id of [root, child, grandchild]) expect((await sdk.management.tenant.load(id)).ok).toBe(false);
    expect(await exists('deep@example.com')).toBe(false);
    expect(danglingReferences(mock, TEST_PROJECT.projectId)).toEqual([]);
  });

  it('needs an existing id', async () => {
    const missing = await sdk.management.tenant.delete('');
    expect(expectDescopeError(missing.error, 'E011002').errorMessage).toBe('The id field is required');
    expectDescopeError((await sdk.management.tenant.delete('T2Nope')).error, 'E011004');
  });
});

describe('deleting a user', () => {
  it('deletes the access keys bound to it', async () => {
    const user = (await sdk.management.user.create('bound@example.com')).data!;
    const key = (await sdk.management.accessKey.create('bound key', 0, [], [], user.userId)).data!.key.id;
    expect((await sdk.management.accessKey.load(key)).data?.boundUserId).toBe(user.userId);
    expect((await sdk.management.user.delete('bound@example.com')).ok).toBe(true);
    expectDescopeError((await sdk.management.accessKey.load(key)).error, 'E011004');
  });
});

describe('the reference checker used above', () => {
  it('does report a reference to something gone (so the checks above can fail)', async () => {
    const db = mock.app.services.store.db;
    const row = db
      .prepare(
        "SELECT user_id AS userId, doc FROM users WHERE project_id = ? AND json_extract(doc, '$.loginIds[0]') = ?",
      )
      .get(TEST_PROJECT.projectId, 'ada@example.com') as { userId: string; doc: string };
    const broken = { ...JSON.parse(row.doc), roleNames: ['Vanished'] };
    db.prepare('UPDATE users SET doc = ? WHERE project_id = ? AND user_id = ?').run(
      JSON.stringify(broken),
      TEST_PROJECT.projectId,
      row.userId,
    );
    expect(danglingReferences(mock, TEST_PROJECT.projectId)).toEqual([`user ${row.userId}: role "Vanished"`]);
    db.prepare('UPDATE users SET doc = ? WHERE project_id = ? AND user_id = ?').run(
      row.doc,
      TEST_PROJECT.projectId,
      row.userId,
    );
  });
});
