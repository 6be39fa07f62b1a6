import { describe, expect, it } from 'vitest';
import { expectDescopeError, expectRefused, useMock } from '../../helpers/mock.js';
import { expectedUser, expectUser, loaded, type Outcome } from '../../helpers/user.js';

/** Create failures (nothing written) and what only raw HTTP sends to create (descope-api.md 4.1, 1.7, 3.5). */

const mock = useMock();
const sdk = mock.sdk();

describe('create failures write nothing', () => {
  const failsWith = async (call: Promise<Outcome>, code: string) => {
    const result = await call;
    expect(result.ok).toBe(false);
    expect(result.code).toBe(code === 'E112102' ? 404 : 400);
    return expectDescopeError(result.error, code);
  };

  it('refuses a login ID already in use, in any case, and an additional login ID in use', async () => {
    await failsWith(sdk.management.user.create('ada@example.com'), 'E011004');
    await failsWith(sdk.management.user.create('ADA@Example.com'), 'E011004');
    await failsWith(
      sdk.management.user.create('fresh-login', { additionalLoginIds: ['ada@example.com'] }),
      'E011004',
    );
    await failsWith(sdk.management.user.load('fresh-login'), 'E112102');
    expect(await loaded(sdk, 'ada@example.com')).toMatchObject({
      name: 'Ada Lovelace',
      loginIds: ['ada@example.com'],
    });
  });

  it.each([
    ['an unknown project role', { roles: ['Nope'] }],
    ['a tenant-scoped role as a project role', { roles: ['Approver'] }],
    ['an unknown tenant', { userTenants: [{ tenantId: 'T2Nope', roleNames: [] }] }],
    ['a role of another tenant', { userTenants: [{ tenantId: 'T2Globex', roleNames: ['Approver'] }] }],
    ['an undeclared custom attribute', { customAttributes: { shoeSize: 42 } }],
    ['a custom attribute of the wrong type', { customAttributes: { seats: 'three' } }],
    ['an invalid email', { email: 'not-an-email' }],
    ['an invalid phone', { phone: 'call me' }],
    ['an unknown SSO application', { ssoAppIds: ['no-such-app'] }],
  ])('refuses %s with 400 E011004', async (_, options) => {
    await failsWith(sdk.management.user.create('refused-user', options as never), 'E011004');
    await failsWith(sdk.management.user.load('refused-user'), 'E112102');
  });

  it('refuses a missing or empty login ID with 400 E011002', async () => {
    await failsWith(sdk.management.user.create(''), 'E011002');
    const raw = await mock.http('POST', '/v1/mgmt/user/create', { body: { email: 'x@example.com' } });
    expectRefused(raw, 400, 'E011002');
  });

  it('refuses a wrong type with 400 E011001', async () => {
    const raw = await mock.http('POST', '/v1/mgmt/user/create', {
      body: { loginId: 'typed', displayName: 5 },
    });
    expectRefused(raw, 400, 'E011001');
    await failsWith(sdk.management.user.load('typed'), 'E112102');
  });
});

describe('create over raw HTTP: aliases and status', () => {
  it('accepts identifier, name, phoneNumber, additionalIdentifiers and ssoAppIDs', async () => {
    const raw = await mock.http('POST', '/v1/mgmt/user/create', {
      body: {
        identifier: 'alias-user',
        name: 'Alias',
        phoneNumber: '+44 20 7946 0000',
        additionalIdentifiers: ['alias-2'],
        ssoAppIDs: ['descope-default-oidc'],
        unknownKey: 'ignored',
      },
    });
    expect(raw.status).toBe(200);
    expect(raw.body.created).toBe(true);
    const expected = expectedUser(['alias-user', 'alias-2'], {
      name: 'Alias',
      phone: '+442079460000',
      verifiedPhone: true,
      ssoAppIds: ['descope-default-oidc'],
    });
    expectUser(raw.body.user, expected);
    expectUser(await loaded(sdk, 'alias-2'), raw.body.user);
  });

  it('honours an explicit status, and refuses one the API cannot set', async () => {
    const raw = await mock.http('POST', '/v1/mgmt/user/create', {
      body: { loginId: 'enabled-1', status: 'enabled' },
    });
    expect(raw.body.user.status).toBe('enabled');
    const bad = await mock.http('POST', '/v1/mgmt/user/create', {
      body: { loginId: 'expired-1', status: 'expired' },
    });
    expectRefused(bad, 400, 'E011004');
    expect((await sdk.management.user.load('expired-1')).code).toBe(404);
  });
});
