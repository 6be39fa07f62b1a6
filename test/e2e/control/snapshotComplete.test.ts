import { describe, expect, it } from 'vitest';
import { hashSecret } from '../../../src/domain/accessKey.js';
import { verifyPassword } from '../../../src/domain/passwords.js';
import { useMock } from '../../helpers/mock.js';
import { everythingProject, everythingState, IMPORTED_DEVICE, LOGIN_IDS } from './everything.js';

const mock = useMock();

const snapshotOf = async (projectId: string) => {
  const response = await mock.control('GET', `/_mock/projects/${projectId}/snapshot`);
  expect(response.status).toBe(200);
  return response.body;
};

describe('a snapshot keeps everything the mock keeps', () => {
  it('snapshot, delete everything through the SDK, restore: every SDK answer and the snapshot come back identical', async () => {
    const { projectId, sdk } = await everythingProject(mock);
    const before = await everythingState(sdk);
    // The project really holds what the comparison is about.
    expect(before.users.every(Boolean)).toBe(true);
    expect(before.users[1]).toMatchObject({ password: true, status: 'enabled', verifiedPhone: false });
    expect(before.users[0]).toMatchObject({ password: true, webauthn: true });
    expect(before.history).toHaveLength(2);
    expect(before.providerTokens.map((token) => token?.accessToken)).toEqual(['at-1', 'at-2']);
    expect(before.settings[1]).toMatchObject({ enabled: true, sessionTokenExpiration: 15 }); // T2Parent
    expect(before.tenants.find((tenant) => tenant.id === 'T2Child')).toMatchObject({
      defaultRoles: ['Approver'],
      disabled: true,
      roleInheritance: 'userOnly',
    });
    expect(before.accessKeys).toHaveLength(3);
    expect(before.customAttributes?.map((definition) => definition.name)).toEqual(['plan', 'score']);
    expect(before.customAttributes?.[1]).toMatchObject({ editable: false });

    const snapshot = await snapshotOf(projectId);
    // What the wire does not show is in the snapshot too: an imported passkey's device.
    const full = snapshot.users.find((user: { loginId: string }) => user.loginId === 'full@example.com');
    expect(full.passkeys).toEqual([
      expect.objectContaining({ id: 'imported-1', device: { descope: IMPORTED_DEVICE } }),
    ]);
    const { management: m } = sdk;
    for (const key of before.accessKeys) expect((await m.accessKey.delete(key.id)).ok).toBe(true);
    for (const loginId of LOGIN_IDS) expect((await m.user.delete(loginId)).ok).toBe(true);
    expect((await m.tenant.delete('T2Parent', true)).ok).toBe(true);
    expect((await m.role.delete('Reader')).ok).toBe(true);
    for (const name of ['Read', 'Write']) expect((await m.permission.delete(name)).ok).toBe(true);
    expect((await m.user.deleteCustomAttributes(['plan', 'score'])).ok).toBe(true);
    expect((await m.accessKey.searchAll()).data).toEqual([]);
    expect((await m.tenant.loadAll()).data).toEqual([]);

    const restored = await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot);
    expect(restored.status).toBe(200);
    expect(await everythingState(sdk)).toEqual(before);
    // The same document, key order included.
    expect(JSON.stringify(await snapshotOf(projectId))).toBe(JSON.stringify(snapshot));
  });

  it('restores credentials a user could use before: password hashes and states, secrets, logouts', async () => {
    const { projectId } = await everythingProject(mock);
    const snapshot = await snapshotOf(projectId);
    await mock.control('DELETE', `/_mock/projects/${projectId}`);
    expect(typeof snapshot.createdTime).toBe('number');
    const restoredAt = { ...snapshot, createdTime: 1_600_000_000 };
    expect((await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, restoredAt)).status).toBe(201);
    const listed = (await mock.control('GET', '/_mock/projects')).body.projects;
    expect(listed.find((p: { projectId: string }) => p.projectId === projectId)?.createdTime).toBe(
      1_600_000_000,
    );

    const { store } = mock.app.services;
    const [seeded, full] = snapshot.users;
    expect(seeded).toMatchObject({ password: true, passwordState: 'temporary', userId: 'U2Seeded' });
    expect(seeded.cleartextPassword).toBeUndefined();
    expect(full).toMatchObject({ password: true, passwordState: 'expired' });
    const seededPassword = store.credentials.password(projectId, 'U2Seeded');
    expect(seededPassword?.state).toBe('temporary');
    expect(verifyPassword('Seeded-pass-1', seededPassword?.hash ?? '')).toBe(true);
    expect(
      verifyPassword('Full-pass-1', store.credentials.password(projectId, full.userId)?.hash ?? ''),
    ).toBe(true);
    expect(store.sessions.revokedAt(projectId, 'U2Seeded')).toBe(seeded.logoutTime);
    expect(typeof seeded.logoutTime).toBe('number');

    // The seeded key's known secret still opens it; every key's secret is carried only as its hash.
    const keys = snapshot.accessKeys as { id: string; secretHash: string; secret?: string }[];
    expect(keys.map((key) => key.secret)).toEqual([undefined, undefined, undefined]);
    const seededKey = keys.find((key) => key.id === 'K2Seeded');
    expect(seededKey?.secretHash).toBe(hashSecret('known-secret'));
    expect(store.accessKeys.findBySecretHash(projectId, hashSecret('known-secret'))?.name).toBe('CI key');
    for (const key of keys) {
      expect(store.accessKeys.findBySecretHash(projectId, key.secretHash)?.id).toBe(key.id);
    }
  });

  it('a restored project is a working project: SDK changes after a restore behave as before it', async () => {
    const { projectId, sdk } = await everythingProject(mock);
    const snapshot = await snapshotOf(projectId);
    await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot);
    const { management: m } = sdk;
    // Default roles of the restored tenant apply to a user joining it.
    expect((await m.user.addTenant('seeded@example.com', 'T2Child')).ok).toBe(true);
    const joined = (await m.user.load('seeded@example.com')).data;
    expect(joined?.userTenants?.find((t) => t.tenantId === 'T2Child')?.roleNames).toEqual(['Approver']);
    // Restored keys can be changed and rotated like any other.
    const rotated = await m.accessKey.rotate('K2Seeded');
    expect(rotated.ok).toBe(true);
    const { store } = mock.app.services;
    expect(store.accessKeys.findBySecretHash(projectId, hashSecret('known-secret'))).toBeUndefined();
  });
});
