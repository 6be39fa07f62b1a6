import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/domain/passwords.js';
import { expectRefused, type Sdk, TEST_PROJECT, useMock } from '../../helpers/mock.js';
import { expectedUser, expectNoUser, expectUser, loaded, withinCall } from '../../helpers/user.js';

/** management.user.create and createTestUser, both call forms (descope-api.md 4.1, 4.2, 3.1, 3.2). */

const mock = useMock();
const sdk = mock.sdk();

const created = async (call: ReturnType<Sdk['management']['user']['create']>) => {
  const result = await call;
  expect(result.error).toBeUndefined();
  expect(result.code).toBe(200);
  return result.data as unknown as ReturnType<typeof expectedUser> & { createdTime: number; userId: string };
};

describe('management.user.create, options form', () => {
  it('answers the whole user with derived permissions and tenant names, and persists it', async () => {
    const user = await withinCall(() =>
      created(
        sdk.management.user.create('nina@example.com', {
          displayName: 'Nina Simone',
          givenName: 'Nina',
          familyName: 'Simone',
          phone: '+1-555-555-1234',
          roles: ['Viewer'],
          userTenants: [{ tenantId: 'T2Acme', roleNames: ['Approver', 'Tenant Admin'] }],
          customAttributes: { plan: 'pro', seats: 3 },
          picture: 'https://example.com/nina.png',
          additionalLoginIds: ['nina-alt'],
          ssoAppIds: ['descope-default-oidc'],
        }),
      ),
    );
    const expected = expectedUser(['nina@example.com', 'nina-alt'], {
      name: 'Nina Simone',
      givenName: 'Nina',
      familyName: 'Simone',
      // An email-shaped login ID fills the email, verified; a phone given without a flag counts as verified.
      email: 'nina@example.com',
      verifiedEmail: true,
      phone: '+15555551234',
      verifiedPhone: true,
      roleNames: ['Viewer'],
      permissions: ['Read Reports'],
      userTenants: [
        {
          tenantId: 'T2Acme',
          tenantName: 'Acme',
          roleNames: ['Approver', 'Tenant Admin'],
          permissions: ['Impersonate', 'SSO Admin', 'User Admin'],
        },
      ],
      customAttributes: { plan: 'pro', seats: 3 },
      picture: 'https://example.com/nina.png',
      ssoAppIds: ['descope-default-oidc'],
    });
    expectUser(user, expected);
    expectUser(await loaded(sdk, 'nina-alt'), {
      ...expected,
      userId: user.userId,
      createdTime: user.createdTime,
    });
  });

  it('gives a bare login ID every default of a fresh user', async () => {
    const user = await withinCall(() => created(sdk.management.user.create('plain-login')));
    expectUser(user, expectedUser(['plain-login']));
    expectUser(await loaded(sdk, user.userId), { ...user });
  });

  it('keeps explicit verified flags, even false for an email-shaped login ID (3.2)', async () => {
    const user = await created(
      sdk.management.user.create('flags@example.com', {
        verifiedEmail: false,
        phone: '+15550001111',
        verifiedPhone: false,
      }),
    );
    expect(user).toMatchObject({ email: 'flags@example.com', verifiedEmail: false, verifiedPhone: false });
  });
});

describe('management.user.create, positional form', () => {
  it('maps every argument and normalises the phone login ID', async () => {
    const user = await created(
      sdk.management.user.create(
        '+1-555-555-0000',
        'pos@example.com',
        '+1 (555) 555-0001',
        'Pos Itional',
        ['Editor'],
        [{ tenantId: 'T2Globex', roleNames: [] }],
        { beta: true },
        'https://example.com/p.png',
        false,
        true,
        'Pos',
        'I',
        'Tional',
        ['pos-alt'],
      ),
    );
    const expected = expectedUser(['+15555550000', 'pos-alt'], {
      name: 'Pos Itional',
      givenName: 'Pos',
      middleName: 'I',
      familyName: 'Tional',
      email: 'pos@example.com',
      phone: '+15555550001',
      verifiedPhone: true,
      roleNames: ['Editor'],
      permissions: ['Read Reports', 'User Admin'],
      userTenants: [{ tenantId: 'T2Globex', tenantName: 'Globex', roleNames: [], permissions: [] }],
      customAttributes: { beta: true },
      picture: 'https://example.com/p.png',
    });
    expectUser(user, expected);
    // Any spelling of a phone login ID finds the user.
    expectUser(await loaded(sdk, '+1 555 555 0000'), user);
  });

  it('treats the nulls the positional form sends as absent', async () => {
    const nil = null as never;
    const user = await created(
      sdk.management.user.create(
        'nulls@example.com',
        'n@example.com',
        nil,
        nil,
        nil,
        nil,
        nil,
        nil,
        nil,
        nil,
      ),
    );
    expectUser(user, expectedUser(['nulls@example.com'], { email: 'n@example.com', verifiedEmail: true }));
  });
});

describe('management.user.createTestUser', () => {
  it('creates a test user in both call forms', async () => {
    const options = await created(sdk.management.user.createTestUser('tester-1', { displayName: 'T1' }));
    expectUser(options, expectedUser(['tester-1'], { name: 'T1', test: true }));
    const positional = await created(sdk.management.user.createTestUser('tester-2', 't2@example.com'));
    expectUser(
      positional,
      expectedUser(['tester-2'], { email: 't2@example.com', verifiedEmail: true, test: true }),
    );
    expect(await loaded(sdk, 'tester-2')).toMatchObject({ test: true });
  });
});

describe('management.user.create with a password (CreateUser in the spec; the SDK passes extra keys through)', () => {
  it('keeps only a hash of a cleartext password and sets the flag; a bad hash is refused, writing nothing', async () => {
    const options = { password: 'Create-Pass-1' } as Record<string, unknown>;
    const user = await created(sdk.management.user.create('pw@example.com', options));
    expect(user).toMatchObject({ password: true, status: 'invited' });
    expect(await loaded(sdk, 'pw@example.com')).toMatchObject({ password: true });
    const stored = mock.app.services.store.credentials.password(TEST_PROJECT.projectId, user.userId);
    expect(stored?.state).toBe('active');
    expect(verifyPassword('Create-Pass-1', stored?.hash ?? '')).toBe(true);

    const hashed = { hashedPassword: { bcrypt: { hash: '$2a$10$abcdefghijklmnopqrstuv' } } } as never;
    expect(await created(sdk.management.user.create('hashed@example.com', hashed))).toMatchObject({
      password: true,
    });
    const none = await created(sdk.management.user.create('nopw@example.com', { password: '' } as never));
    expect(none).toMatchObject({ password: false });
    const refused = await sdk.management.user.create('badhash@example.com', {
      hashedPassword: { md5: {} },
    } as never);
    expectRefused(refused, 400, 'E011004');
    await expectNoUser(sdk, 'badhash@example.com');
  });
});
