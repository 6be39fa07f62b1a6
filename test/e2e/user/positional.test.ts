import { describe, expect, it } from 'vitest';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';
import { expectedUser, expectUser, loaded } from '../../helpers/user.js';

/**
 * The positional (old) call forms of create, createTestUser, update and invite with every argument given
 * (descope-api.md 4.2): each argument must land in its own field of the stored user.
 */

const mock = useMock();
const sdk = mock.sdk();

/** The arguments 2–13 shared by create, createTestUser and update, and the user they describe. */
type SharedArguments = [
  email: string,
  phone: string,
  displayName: string,
  roles: string[],
  userTenants: { tenantId: string; roleNames: string[] }[],
  customAttributes: Record<string, string | number>,
  picture: string,
  verifiedEmail: boolean,
  verifiedPhone: boolean,
  givenName: string,
  middleName: string,
  familyName: string,
];
const shared: SharedArguments = [
  'every@example.com',
  '+1 555 555 0140',
  'Every Arg',
  ['Viewer'],
  [{ tenantId: 'T2Acme', roleNames: ['Approver'] }],
  { plan: 'pro', seats: 5 },
  'https://example.com/every.png',
  false,
  true,
  'Every',
  'A',
  'Arg',
];

const sharedFields = {
  email: 'every@example.com',
  verifiedEmail: false,
  phone: '+15555550140',
  verifiedPhone: true,
  name: 'Every Arg',
  givenName: 'Every',
  middleName: 'A',
  familyName: 'Arg',
  roleNames: ['Viewer'],
  permissions: ['Read Reports'],
  userTenants: [
    { tenantId: 'T2Acme', tenantName: 'Acme', roleNames: ['Approver'], permissions: ['Impersonate'] },
  ],
  customAttributes: { plan: 'pro', seats: 5 },
  picture: 'https://example.com/every.png',
};

describe('positional create and createTestUser', () => {
  it('create maps all fourteen arguments and persists them', async () => {
    const result = await sdk.management.user.create('every-login', ...shared, ['every-alt']);
    expect(result.error).toBeUndefined();
    const expected = expectedUser(['every-login', 'every-alt'], sharedFields);
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, 'every-alt'), { ...expected, userId: result.data?.userId });
  });

  it('createTestUser does the same for a test user', async () => {
    const result = await sdk.management.user.createTestUser('every-test', ...shared, ['every-test-alt']);
    expect(result.error).toBeUndefined();
    const expected = expectedUser(['every-test', 'every-test-alt'], { ...sharedFields, test: true });
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, 'every-test'), { ...expected, userId: result.data?.userId });
  });
});

describe('positional update', () => {
  it('replaces every attribute from the arguments and adds the extra login ID', async () => {
    const before = await sdk.management.user.create('upd-login', { displayName: 'Old', roles: ['Editor'] });
    expect(before.error).toBeUndefined();
    const result = await sdk.management.user.update('upd-login', ...shared, ['upd-alt']);
    expect(result.error).toBeUndefined();
    const expected = expectedUser(['upd-login', 'upd-alt'], {
      ...sharedFields,
      userId: before.data?.userId,
      createdTime: before.data?.createdTime,
    });
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, 'upd-alt'), expected);
  });
});

describe('positional invite', () => {
  it('maps all nineteen arguments: the user is stored and the invitation carries the invite options', async () => {
    const result = await sdk.management.user.invite(
      'inv-login',
      'inv@example.com',
      '+1 555 555 0141',
      'Inv Ited',
      ['Viewer'],
      [{ tenantId: 'T2Globex', roleNames: [] }],
      { beta: true },
      'https://example.com/inv.png',
      true,
      false,
      'https://app.example.com/join',
      true,
      false,
      'Inv',
      'M',
      'Ited',
      ['inv-alt'],
      'template-7',
      'de',
    );
    expect(result.error).toBeUndefined();
    const expected = expectedUser(['inv-login', 'inv-alt'], {
      email: 'inv@example.com',
      verifiedEmail: true,
      phone: '+15555550141',
      verifiedPhone: false,
      name: 'Inv Ited',
      givenName: 'Inv',
      middleName: 'M',
      familyName: 'Ited',
      roleNames: ['Viewer'],
      permissions: ['Read Reports'],
      userTenants: [{ tenantId: 'T2Globex', tenantName: 'Globex', roleNames: [], permissions: [] }],
      customAttributes: { beta: true },
      picture: 'https://example.com/inv.png',
    });
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, 'inv-alt'), { ...expected, userId: result.data?.userId });
    const sent = mock.app.services.store.outbox
      .list(TEST_PROJECT.projectId)
      .filter((message) => message.kind === 'invitation' && message.userId === result.data?.userId);
    expect(sent.map((message) => message.deliveryMethod)).toEqual(['email']);
    expect(sent[0]?.payload).toMatchObject({
      to: 'inv@example.com',
      inviteUrl: 'https://app.example.com/join',
      templateId: 'template-7',
      locale: 'de',
    });
  });
});
