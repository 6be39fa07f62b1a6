import { afterAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/domain/accessKey.js';
import { verifyPassword } from '../../src/domain/passwords.js';
import { FixtureError } from '../../src/fixtures/error.js';
import { parseFixtures } from '../../src/fixtures/read.js';
import { seedProject } from '../../src/fixtures/seed.js';
import { openStore } from '../../src/store/index.js';

/**
 * The fixture keys beyond users and roles: access keys, tenant settings and default roles, passwords and
 * logouts. Each is seeded into a fresh in-memory store; a mistake names its path inside the file.
 */
const stores: ReturnType<typeof openStore>[] = [];
afterAll(() => {
  for (const store of stores) store.close();
});

const PROJECT_ID = 'P2Extras0000000000000000000';

function project(): any {
  return {
    projectId: PROJECT_ID,
    managementKeys: ['K2Extras'],
    tenants: [
      { id: 'T2A', name: 'A', defaultRoles: ['Nurse'], settings: { enabled: true, inactivityTime: 3 } },
    ],
    roles: [{ name: 'Reader' }, { name: 'Nurse', tenantId: 'T2A' }],
    users: [
      {
        loginId: 'a@example.com',
        userId: 'U2A',
        cleartextPassword: 'Secret-1',
        logoutTime: 1_700_000_000_000,
      },
      { loginId: 'b@example.com' },
    ],
    accessKeys: [
      {
        id: 'K2Known',
        name: 'Known',
        secret: 'known-secret',
        roleNames: ['Reader'],
        keyTenants: [{ tenantId: 'T2A', roleNames: ['Nurse'] }],
        boundUserId: 'U2A',
        status: 'inactive',
        expireTime: 1_600_000_000,
      },
      { name: 'Random' },
    ],
  };
}

function seed(p: unknown) {
  const store = openStore(':memory:');
  stores.push(store);
  const [fixture] = parseFixtures({ projects: [p] }, 'file.json').projects;
  seedProject(store, fixture as NonNullable<typeof fixture>, 'projects[0]', Date.UTC(2026, 0, 1));
  return store;
}

function errorOf(change: (p: any) => void): string {
  const p = project();
  change(p);
  try {
    seed(p);
  } catch (error) {
    if (error instanceof FixtureError) return error.message;
    throw error;
  }
  return 'no error';
}

describe('fixture access keys, tenant settings and passwords', () => {
  it('seeds them as given, with the defaults of the API for what is left out', () => {
    const store = seed(project());
    const [known, random] = store.accessKeys.list(PROJECT_ID);
    expect(known).toMatchObject({
      id: 'K2Known',
      status: 'inactive',
      boundUserId: 'U2A',
      expireTime: 1_600_000_000,
    });
    expect(store.accessKeys.findBySecretHash(PROJECT_ID, hashSecret('known-secret'))?.id).toBe('K2Known');
    expect(random).toMatchObject({ name: 'Random', status: 'active', expireTime: 0, editable: true });
    expect(random?.id).toMatch(/^K2/);
    expect(random?.clientId).toMatch(/^C2/);
    expect(random?.createdTime).toBe(Date.UTC(2026, 0, 1) / 1000);

    const tenant = store.tenants.find(PROJECT_ID, 'T2A');
    expect(tenant?.defaultRoles).toEqual(['Nurse']);
    expect(tenant?.settings).toMatchObject({ enabled: true, inactivityTime: 3, inactivityTimeUnit: '' });

    const password = store.credentials.password(PROJECT_ID, 'U2A');
    expect(password?.state).toBe('active');
    expect(verifyPassword('Secret-1', password?.hash ?? '')).toBe(true);
    expect(store.users.findByUserId(PROJECT_ID, 'U2A')?.user.password).toBe(true);
    expect(store.sessions.revokedAt(PROJECT_ID, 'U2A')).toBe(1_700_000_000_000);
    const other = store.users.find(PROJECT_ID, 'b@example.com')?.user;
    expect(other?.password).toBe(false);
    expect(store.sessions.revokedAt(PROJECT_ID, other?.userId ?? '')).toBeUndefined();
  });

  it('lets one fixture with a known secret seed several projects (secrets are unique per project)', () => {
    const store = openStore(':memory:');
    stores.push(store);
    const first = parseFixtures({ projects: [project()] }, 'file.json').projects[0];
    const second = { ...project(), projectId: 'P2Extras0000000000000000001' };
    const copy = parseFixtures({ projects: [second] }, 'file.json').projects[0];
    seedProject(store, first as NonNullable<typeof first>, '');
    seedProject(store, copy as NonNullable<typeof copy>, '');
    expect(store.accessKeys.findBySecretHash(second.projectId, hashSecret('known-secret'))?.id).toBe(
      'K2Known',
    );
  });

  it.each([
    [
      (p: any) => (p.accessKeys[0].roleNames = ['Ghost']),
      'projects[0].accessKeys[0].roleNames[0]: unknown role "Ghost"',
    ],
    [
      (p: any) => (p.accessKeys[0].keyTenants = [{ tenantId: 'T2A', roleNames: ['Reader', 'Ghost'] }]),
      'projects[0].accessKeys[0].keyTenants[0].roleNames[1]: unknown role "Ghost" for tenant "T2A"',
    ],
    [
      (p: any) => (p.accessKeys[1].keyTenants = [{ tenantId: 'T2Nope' }]),
      'projects[0].accessKeys[1].keyTenants[0].tenantId: unknown tenant "T2Nope"',
    ],
    [
      (p: any) => (p.accessKeys[0].boundUserId = 'U2Nobody'),
      `projects[0].accessKeys[0].boundUserId: unknown user "U2Nobody" (pin that user's userId in users[])`,
    ],
    [
      (p: any) => (p.accessKeys[0].secretHash = hashSecret('x')),
      'projects[0].accessKeys[0].secret: give either secret or secretHash, not both',
    ],
    [
      (p: any) => (p.accessKeys[1].id = 'K2Known'),
      'projects[0].accessKeys[1].id: duplicate access key ID "K2Known"',
    ],
    [
      (p: any) => (p.accessKeys[1].secret = 'known-secret'),
      'projects[0].accessKeys[1].secret: another access key has this secret',
    ],
    [
      (p: any) => (p.tenants[0].defaultRoles = ['Reader', 'Ghost']),
      'projects[0].tenants[0].defaultRoles[1]: unknown role "Ghost" for tenant "T2A"',
    ],
    [
      (p: any) => (p.users[1].password = true),
      'projects[0].users[1].password: true needs the password itself (cleartextPassword or passwordHash)',
    ],
    [
      (p: any) => (p.users[0].password = false),
      'projects[0].users[0].password: false contradicts the password given',
    ],
    [
      (p: any) => (p.users[0].passwordHash = 'scrypt$1$2$3$ab$cd'),
      'projects[0].users[0].cleartextPassword: give either cleartextPassword or passwordHash, not both',
    ],
    [
      (p: any) => (p.users[1].passwordState = 'expired'),
      'projects[0].users[1].passwordState: needs cleartextPassword or passwordHash',
    ],
  ])('refuses a bad reference with its path (%#)', (change, message) => {
    expect(errorOf(change)).toBe(message);
  });

  it.each([
    [(p: any) => (p.accessKeys[0].status = 'paused'), 'projects[0].accessKeys[0].status'],
    [(p: any) => (p.accessKeys[0].secretHash = 'not-hex'), 'projects[0].accessKeys[0].secretHash'],
    [(p: any) => (p.accessKeys[1].name = ''), 'projects[0].accessKeys[1].name'],
    [
      (p: any) => (p.tenants[0].settings.inactivityTimeUnit = 'years'),
      'projects[0].tenants[0].settings.inactivityTimeUnit',
    ],
    [(p: any) => (p.tenants[0].roleInheritance = 'all'), 'projects[0].tenants[0].roleInheritance'],
    [(p: any) => (p.users[1].passwordHash = 'plain'), 'projects[0].users[1].passwordHash'],
  ])('refuses a malformed value with its path (%#)', (change, path) => {
    expect(errorOf(change)).toMatch(new RegExp(`^file\\.json: ${path.replace(/[[\].]/g, '\\$&')}: `));
  });
});
