import { describe, expect, it } from 'vitest';
import { expectRefused, type Sdk, useMock } from '../../helpers/mock.js';

const mock = useMock();

const byId = <T extends { id: string }>(list: T[] | undefined) =>
  [...(list ?? [])].sort((a, b) => a.id.localeCompare(b.id));

/** A project with a bit of everything, then changed through the SDK the way a test suite would. */
async function richProject(): Promise<{ projectId: string; managementKey: string; sdk: Sdk }> {
  const created = await mock.control('POST', '/_mock/projects', {
    name: 'Rich',
    permissions: [{ name: 'Read', description: 'Read things' }],
    roles: [{ name: 'Reader', permissionNames: ['Read'] }],
    tenants: [{ id: 'T2Parent', name: 'Parent' }],
    customAttributes: [{ name: 'plan', type: 'text' }],
    users: [
      {
        loginId: 'first@example.com',
        roleNames: ['Reader'],
        customAttributes: { plan: 'pro' },
        passkeys: [{ id: 'pk1', rpId: 'example.com', displayName: 'Laptop', createdTime: 1_700_000_000 }],
        trustedDevices: [
          { id: 'td1', name: 'Phone', lastLoginTime: 1_700_000_100, expirationTime: 1_800_000_000 },
        ],
        loginHistory: [{ loginTime: 1_700_000_200, city: 'Paris', country: 'FR', ip: '192.0.2.1' }],
      },
    ],
  });
  const sdk = mock.sdk(created.body);
  const { management } = sdk;
  const steps = [
    management.tenant.createWithId(
      'T2Child',
      'Child',
      undefined,
      undefined,
      undefined,
      undefined,
      'T2Parent',
    ),
    management.role.create('Approver', 'Approves', ['Read'], 'T2Child'),
    management.role.update('Tenant Admin', 'Tenant Admin', 'Changed by the test', ['User Admin']),
    management.user.create('second@example.com', { phone: '+15555550100', displayName: 'Second' }),
    management.user.create('+15555550101', { givenName: 'Phone', familyName: 'Only' }),
  ];
  for (const step of steps) expect((await step).ok).toBe(true);
  const changes = [
    management.user.deactivate('second@example.com'),
    management.user.addTenantRoles('second@example.com', 'T2Child', ['Approver']),
    management.user.updateEmail('first@example.com', '', false),
    management.user.updateRecoveryEmail('first@example.com', 'backup@example.com', false),
    management.user.updateCustomAttribute('+15555550101', 'plan', 'free'),
  ];
  for (const change of changes) expect((await change).ok).toBe(true);
  return { ...created.body, sdk };
}

async function state(sdk: Sdk, loginIds: string[]) {
  const { management } = sdk;
  const users = await Promise.all(
    loginIds.map(async (loginId) => (await management.user.load(loginId)).data),
  );
  const userIds = users.map((user) => user?.userId ?? '');
  return {
    users,
    passkeys: (await management.user.listPasskeys(loginIds[0] as string)).data,
    trustedDevices: (await management.user.listTrustedDevices(loginIds)).data,
    history: (await management.user.history(userIds)).data,
    tenants: byId((await management.tenant.loadAll()).data),
    roles: byId((await management.role.loadAll()).data as { id: string }[]),
    permissions: byId((await management.permission.loadAll()).data as unknown as { id: string }[]),
  };
}

describe('GET and PUT /_mock/projects/:projectId/snapshot', () => {
  it('snapshot, delete everything, restore: the project loads back identical', async () => {
    const { projectId, sdk } = await richProject();
    const loginIds = ['first@example.com', 'second@example.com', '+15555550101'];
    const before = await state(sdk, loginIds);
    expect(before.users.every(Boolean)).toBe(true);
    expect(before.users[0]).toMatchObject({ email: '', recoveryEmail: 'backup@example.com', webauthn: true });
    expect(before.passkeys).toHaveLength(1);
    expect(before.trustedDevices).toHaveLength(1);
    expect(before.history).toHaveLength(1);

    const snapshot = await mock.control('GET', `/_mock/projects/${projectId}/snapshot`);
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.users).toHaveLength(3);

    const { management } = sdk;
    for (const loginId of loginIds) expect((await management.user.delete(loginId)).ok).toBe(true);
    expect((await management.tenant.delete('T2Parent', true)).ok).toBe(true);
    expect((await management.role.delete('Reader')).ok).toBe(true);
    expect((await management.permission.delete('Read')).ok).toBe(true);
    expect((await management.user.load('first@example.com')).code).toBe(404);

    const restored = await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot.body);
    expect(restored.status).toBe(200);
    expect(restored.body.projectId).toBe(projectId);

    expect(await state(sdk, loginIds)).toEqual(before);
    const again = await mock.control('GET', `/_mock/projects/${projectId}/snapshot`);
    expect(again.body).toEqual(snapshot.body);
  });

  it('creates the project when it no longer exists (201), under the same ID and keys', async () => {
    const { projectId, managementKey, sdk } = await richProject();
    const before = await state(sdk, ['second@example.com']);
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    await mock.control('DELETE', `/_mock/projects/${projectId}`);
    expect((await sdk.management.user.load('second@example.com')).code).toBe(401);

    const restored = await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot);
    expect(restored.status).toBe(201);
    expect(restored.body.projectId).toBe(projectId);
    expect(snapshot.managementKeys).toContain(managementKey);
    expect(await state(sdk, ['second@example.com'])).toEqual(before);
  });

  it('replaces in one transaction: a document that cannot load changes nothing', async () => {
    const { projectId, sdk } = await richProject();
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    const broken = {
      ...snapshot,
      users: [...snapshot.users, { loginId: 'bad@example.com', roleNames: ['Ghost'] }],
    };
    const refused = await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, broken);
    expect(expectRefused(refused, 400, 'E011004').errorMessage).toContain('users[3].roleNames[0]');
    expect((await sdk.management.user.load('second@example.com')).data?.status).toBe('disabled');
    expect((await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body).toEqual(snapshot);
  });

  it('refuses a document naming another project', async () => {
    const { projectId } = await richProject();
    const refused = await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, {
      projectId: 'P2Elsewhere',
    });
    expectRefused(refused, 400, 'E011004');
  });

  it('answers 404 for a snapshot of an unknown project', async () => {
    const missing = await mock.control('GET', '/_mock/projects/P2Unknown/snapshot');
    expectRefused(missing, 404, 'E000404');
  });

  it('keeps the original seed for reset: reset after a restore goes back to the fixture, not the snapshot', async () => {
    const { projectId, sdk } = await richProject();
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot);
    await mock.control('POST', '/_mock/reset', { projectId });
    expect((await sdk.management.user.load('first@example.com')).data?.email).toBe('first@example.com');
    expect((await sdk.management.user.load('second@example.com')).code).toBe(404);
  });
});
