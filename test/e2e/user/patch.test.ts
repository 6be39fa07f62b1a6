import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { expectNoUser, loaded } from '../../helpers/user.js';

/** management.user.patch and patchBatch: PATCH /v1/mgmt/user/patch[/batch] (descope-api.md 4.5). */

const mock = useMock();
const sdk = mock.sdk();

async function created(loginId: string) {
  const result = await sdk.management.user.create(loginId, {
    phone: '+15555550123',
    displayName: 'Pat',
    roles: ['Viewer'],
    customAttributes: { plan: 'free', seats: 2 },
  });
  expect(result.error).toBeUndefined();
  return result.data!;
}

describe('management.user.patch', () => {
  it('changes only the keys given; an empty list clears; attributes merge; flags patchable', async () => {
    const before = await created('pat@example.com');
    const result = await sdk.management.user.patch('pat@example.com', {
      givenName: 'Patricia',
      roles: [],
      customAttributes: { plan: 'pro', seats: null },
      scim: true,
      status: 'disabled',
      additionalIdentifiers: ['pat-2'],
    });
    expect(result.error).toBeUndefined();
    const expected = {
      ...before,
      loginIds: ['pat@example.com', 'pat-2'],
      externalIds: ['pat@example.com', 'pat-2'],
      givenName: 'Patricia',
      roleNames: [],
      permissions: [],
      customAttributes: { plan: 'pro' },
      SCIM: true,
      status: 'disabled',
    };
    expect(result.data).toEqual(expected);
    expect(await loaded(sdk, 'pat-2')).toEqual(expected);
  });

  it('a phone patched without its flag is verified; test is patchable over raw HTTP', async () => {
    await created('tess@example.com');
    const result = await sdk.management.user.patch('tess@example.com', { phone: '+1 555 555 0199' });
    expect(result.data).toMatchObject({ phone: '+15555550199', verifiedPhone: true, name: 'Pat' });
    const raw = await mock.http('PATCH', '/v1/mgmt/user/patch', {
      body: { loginId: 'tess@example.com', test: true },
    });
    expect(raw.status).toBe(200);
    expect(await loaded(sdk, 'tess@example.com')).toMatchObject({ test: true, phone: '+15555550199' });
  });

  it('bad values are 400 E011004 and change nothing', async () => {
    await created('stay@example.com');
    const stored = await loaded(sdk, 'stay@example.com');
    for (const options of [
      { userTenants: [{ tenantId: 'T2Nowhere', roleNames: [] }] },
      { customAttributes: { undeclared: 1 } },
      { status: 'expired' as const },
      { ssoAppIds: ['no-such-app'] },
    ]) {
      const result = await sdk.management.user.patch('stay@example.com', options);
      expectRefused(result, 400, 'E011004');
    }
    expect(await loaded(sdk, 'stay@example.com')).toEqual(stored);
  });

  it('a login ID equal to the old email or phone follows the new value, as update/email does', async () => {
    const phoneUser = await sdk.management.user.create('+15555550177', {
      email: 'fol@example.com',
      phone: '+15555550177',
    });
    expect(phoneUser.error).toBeUndefined();
    const result = await sdk.management.user.patch('+15555550177', { phone: '+1 555 555 0178' });
    expect(result.data).toMatchObject({ loginIds: ['+15555550178'], phone: '+15555550178' });
    expect(await loaded(sdk, '+15555550178')).toEqual(result.data);
    await expectNoUser(sdk, '+15555550177');
    // The email is not a login ID of this user: it changes alone.
    const email = await sdk.management.user.patch('+15555550178', { email: 'fol2@example.com' });
    expect(email.data).toMatchObject({ loginIds: ['+15555550178'], email: 'fol2@example.com' });
    // Moving onto another user's login ID is refused and changes nothing.
    const clash = await sdk.management.user.create('+15555550179');
    expect(clash.error).toBeUndefined();
    const stored = await loaded(sdk, '+15555550178');
    const refused = await sdk.management.user.patch('+15555550178', { phone: '+15555550179' });
    expectRefused(refused, 400, 'E011004');
    expect(await loaded(sdk, '+15555550178')).toEqual(stored);
  });

  it('an unknown user is 404 E112102', async () => {
    const result = await sdk.management.user.patch('ghost@example.com', { displayName: 'Ghost' });
    expectRefused(result, 404, 'E112102');
  });
});

describe('management.user.patchBatch', () => {
  it('patches each user on its own: a missing user or bad value is a failure item', async () => {
    const one = await created('b1@example.com');
    await created('b2@example.com');
    const stored2 = await loaded(sdk, 'b2@example.com');
    const result = await sdk.management.user.patchBatch([
      { loginIdOrUserId: one.userId, displayName: 'One' },
      { loginId: 'b2@example.com', displayName: 'Two', roles: ['NoSuchRole'] },
      { loginId: 'missing@example.com', displayName: 'Nobody' },
      { loginId: 'ada@example.com', picture: 'https://example.com/ada.png' },
    ]);
    expect(result.error).toBeUndefined();
    expect(result.data?.patchedUsers.map((user) => [user.loginIds[0], user.name])).toEqual([
      ['b1@example.com', 'One'],
      ['ada@example.com', 'Ada Lovelace'],
    ]);
    expect(result.data?.failedUsers.map((failed) => [failed.user.loginIds[0], failed.failure])).toEqual([
      ['b2@example.com', 'Role "NoSuchRole" does not exist'],
      ['missing@example.com', 'Cannot find user'],
    ]);
    expect(result.data?.additionalErrors).toEqual({});
    expect(await loaded(sdk, 'b1@example.com')).toMatchObject({ name: 'One' });
    expect(await loaded(sdk, 'b2@example.com')).toEqual(stored2);
    expect(await loaded(sdk, 'ada@example.com')).toMatchObject({ picture: 'https://example.com/ada.png' });
    await expectNoUser(sdk, 'missing@example.com');
  });

  it('rolls back alone a user whose write fails half-way (a login ID another user holds)', async () => {
    await created('half@example.com');
    const stored = await loaded(sdk, 'half@example.com');
    const result = await sdk.management.user.patchBatch([
      // The name is written before the login IDs, whose insert then fails: none of it may stay.
      { loginId: 'half@example.com', displayName: 'Half', additionalIdentifiers: ['ada@example.com'] },
      { loginId: 'b1@example.com', displayName: 'Still one' },
    ]);
    expect(result.error).toBeUndefined();
    expect(result.data?.failedUsers.map((failed) => failed.failure)).toEqual([
      'Login ID "ada@example.com" is already in use',
    ]);
    expect(result.data?.patchedUsers.map((user) => user.name)).toEqual(['Still one']);
    expect(await loaded(sdk, 'half@example.com')).toEqual(stored);
    expect(await loaded(sdk, 'ada@example.com')).toMatchObject({ loginIds: ['ada@example.com'] });
  });

  it('a malformed item fails the call with 400 and patches nobody', async () => {
    const stored = await loaded(sdk, 'ada@example.com');
    const raw = await mock.http('PATCH', '/v1/mgmt/user/patch/batch', {
      body: {
        users: [
          { loginId: 'ada@example.com', displayName: 'Changed' },
          { loginId: 'x', scim: 'yes' },
        ],
      },
    });
    expectRefused(raw, 400, 'E011001');
    expect(await loaded(sdk, 'ada@example.com')).toEqual(stored);
  });
});
