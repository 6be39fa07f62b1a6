import { expect } from 'vitest';
import type { Sdk, TestMock } from '../../helpers/mock.js';

/**
 * A project holding every kind of state the mock keeps: what no management call can create is seeded from a
 * fixture (passkeys, trusted devices, provider tokens, login history, a password, an access key with a known
 * secret), the rest is made through the SDK as a user's test suite would.
 */
export const SEEDED = {
  name: 'Everything',
  customAttributes: [{ name: 'plan', type: 'singleSelect', options: [{ value: 'pro', label: 'Pro' }] }],
  users: [
    {
      loginId: 'seeded@example.com',
      userId: 'U2Seeded',
      cleartextPassword: 'Seeded-pass-1',
      passwordState: 'temporary',
      passkeys: [{ id: 'pk1', rpId: 'example.com', displayName: 'Laptop', createdTime: 1_700_000_000 }],
      trustedDevices: [
        { id: 'td1', name: 'Phone', lastLoginTime: 1_700_000_100, expirationTime: 1_800_000_000 },
      ],
      providerTokens: [
        { provider: 'google', providerUserId: 'g-1', accessToken: 'at-1', expiration: 1_800_000_000 },
        { provider: 'github', accessToken: 'at-2', refreshToken: 'rt-2', scopes: ['repo'] },
      ],
      // Two sign-ins at the same second: their order must survive a restore.
      loginHistory: [
        { loginTime: 1_700_000_200, city: 'Paris', country: 'FR', ip: '192.0.2.1' },
        { loginTime: 1_700_000_200, city: 'Lyon', country: 'FR', ip: '192.0.2.2' },
      ],
    },
  ],
  accessKeys: [{ id: 'K2Seeded', name: 'CI key', secret: 'known-secret', permittedIps: ['10.0.0.0/8'] }],
};

export const LOGIN_IDS = ['seeded@example.com', 'full@example.com', '+15555550101'];

/** A Descope-exported passkey, every field of WebauthnImportDevice's `descope` set. */
export const IMPORTED_DEVICE = {
  credentialId: 'imported-1',
  rpId: 'example.com',
  publicKey: 'pQECAyYgASFYIA==',
  attestationType: 'none',
  aaguid: 'adce0002-35bc-c60a-648b-0b25f1f05503',
  transports: ['internal', 'hybrid'],
  backupEligible: true,
  backupState: false,
};

export async function everythingProject(
  mock: TestMock,
): Promise<{ projectId: string; managementKey: string; sdk: Sdk }> {
  const created = await mock.control('POST', '/_mock/projects', SEEDED);
  expect(created.status).toBe(201);
  const sdk = mock.sdk(created.body);
  const { management: m } = sdk;
  const ok = async (call: Promise<{ ok: boolean; error?: unknown }>) => {
    const result = await call;
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
  };
  await ok(m.permission.create('Read', 'Read things'));
  await ok(m.permission.create('Write'));
  await ok(m.role.create('Reader', 'Reads', ['Read'], undefined, true));
  await ok(m.tenant.createWithId('T2Parent', 'Parent', ['parent.example'], { tier: 'gold' }, true));
  await ok(m.tenant.createWithId('T2Child', 'Child', [], undefined, false, true, 'T2Parent', 'userOnly'));
  await ok(m.role.create('Approver', 'Approves', ['Read', 'Write'], 'T2Child'));
  await ok(m.role.update('Tenant Admin', 'Tenant Admin', 'Changed by the test', ['User Admin']));
  await ok(m.tenant.updateDefaultRoles('T2Child', ['Approver']));
  await ok(
    m.tenant.configureSettings('T2Parent', {
      selfProvisioningDomains: ['parent.example'],
      domains: ['sso.parent.example'],
      enabled: true,
      sessionTokenExpiration: 15,
      sessionTokenExpirationUnit: 'minutes',
      enableInactivity: true,
      ssoSetupSuiteSettings: { enabled: true, styleId: 'dark', disabledFeatures: { scim: true } },
    } as Parameters<typeof m.tenant.configureSettings>[1]),
  );
  const score = { name: 'score', displayName: 'Score', type: 2, defaultValue: 1, viewPermissions: ['Read'] };
  await ok(m.user.createCustomAttributes([{ ...score, editable: false } as typeof score]));
  await ok(
    m.user.create('full@example.com', {
      email: 'full@example.com',
      phone: '+15555550100',
      displayName: 'Full User',
      givenName: 'Full',
      middleName: 'M',
      familyName: 'User',
      picture: 'https://example.com/p.png',
      roles: ['Reader'],
      userTenants: [{ tenantId: 'T2Child', roleNames: ['Approver'] }],
      customAttributes: { plan: 'pro', score: 7 },
      verifiedEmail: true,
      verifiedPhone: false,
      additionalLoginIds: ['full-alt'],
      ssoAppIds: ['descope-default-oidc'],
    }),
  );
  await ok(m.user.createTestUser('+15555550101', { givenName: 'Phone', familyName: 'Only' }));
  await ok(m.user.setActivePassword('full@example.com', 'Full-pass-1'));
  await ok(m.user.expirePassword('full@example.com'));
  await ok(m.user.updateRecoveryEmail('full@example.com', 'backup@example.com', true));
  await ok(m.user.activate('full@example.com'));
  await ok(m.user.deactivate('+15555550101'));
  await ok(m.user.logoutUser('seeded@example.com'));
  await ok(m.user.addTenant('seeded@example.com', 'T2Parent'));
  const bound = await m.accessKey.create(
    'Bound key',
    0,
    undefined,
    [{ tenantId: 'T2Child', roleNames: ['Approver'] }],
    'U2Seeded',
    { team: 'a' },
    'A described key',
    ['192.0.2.0/24'],
  );
  expect(bound.ok).toBe(true);
  await ok(m.accessKey.create('Project key', 1_900_000_000, ['Reader']));
  await ok(m.accessKey.deactivate(bound.data?.key.id as string));
  // A passkey imported with every device field (no SDK call does it).
  const imported = await mock.http('POST', '/v1/mgmt/user/passkeys/import', {
    auth: `Bearer ${created.body.projectId}:${created.body.managementKey}`,
    body: { loginId: 'full@example.com', devices: [{ descope: IMPORTED_DEVICE }] },
  });
  expect(imported.status).toBe(200);
  return { ...created.body, sdk };
}

const byKey = <T>(list: T[] | undefined, key: (item: T) => string) =>
  [...(list ?? [])].sort((a, b) => key(a).localeCompare(key(b)));
const byId = <T>(list: T[] | undefined) => byKey(list, (item) => (item as { id: string }).id);

/** Every answer the SDK gives about the project. */
export async function everythingState(sdk: Sdk) {
  const { management: m } = sdk;
  const users = await Promise.all(LOGIN_IDS.map(async (loginId) => (await m.user.load(loginId)).data));
  const userIds = users.map((user) => user?.userId ?? '');
  const tenants = byId((await m.tenant.loadAll()).data);
  return {
    users,
    search: byKey((await m.user.searchAll()).data, (user) => user.userId),
    testUsers: (await m.user.searchTestUsers({})).data,
    passkeys: (await m.user.listPasskeys('seeded@example.com')).data,
    trustedDevices: (await m.user.listTrustedDevices(LOGIN_IDS)).data,
    history: (await m.user.history(userIds)).data,
    providerTokens: [
      (await m.user.getProviderToken('seeded@example.com', 'google')).data,
      (await m.user.getProviderToken('seeded@example.com', 'github')).data,
    ],
    tenants,
    settings: await Promise.all(tenants.map(async (tenant) => (await m.tenant.getSettings(tenant.id)).data)),
    roles: byId((await m.role.loadAll()).data as { id: string }[]),
    permissions: byId((await m.permission.loadAll()).data as unknown as { id: string }[]),
    customAttributes: (await m.user.getCustomAttributes()).data,
    accessKeys: byId((await m.accessKey.searchAll()).data),
  };
}
