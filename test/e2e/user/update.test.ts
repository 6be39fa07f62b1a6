import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { expectedUser, expectNoUser, expectUser, loaded } from '../../helpers/user.js';

/** management.user.update: POST /v1/mgmt/user/update, a full replace (descope-api.md 4.4). */

const mock = useMock();
const sdk = mock.sdk();

async function richUser(loginId: string) {
  const created = await sdk.management.user.create(loginId, {
    phone: '+15555550111',
    displayName: 'Rich',
    givenName: 'Ri',
    roles: ['Viewer'],
    userTenants: [{ tenantId: 'T2Acme', roleNames: ['Approver'] }],
    customAttributes: { plan: 'pro', seats: 4 },
    picture: 'https://example.com/r.png',
    additionalLoginIds: [`${loginId}-alt`],
    ssoAppIds: ['descope-default-oidc'],
  });
  expect(created.error).toBeUndefined();
  const enabled = await sdk.management.user.activate(loginId);
  expect(enabled.error).toBeUndefined();
  return created.data!;
}

describe('management.user.update', () => {
  it('replaces the user: omitted attributes cleared; status and creation time kept; the email login ID follows', async () => {
    const before = await richUser('rich@example.com');
    const result = await sdk.management.user.update('rich@example.com', {
      email: 'rich@example.org',
      displayName: 'Richer',
      roles: ['Editor'],
    });
    expect(result.error).toBeUndefined();
    // The login ID that was the old email follows the new one, as update/email does (loginIds.ts).
    const expected = expectedUser(['rich@example.org', 'rich@example.com-alt'], {
      userId: before.userId,
      createdTime: before.createdTime,
      status: 'enabled',
      email: 'rich@example.org',
      verifiedEmail: true,
      name: 'Richer',
      roleNames: ['Editor'],
      permissions: ['Read Reports', 'User Admin'],
    });
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, before.userId), expected);
    expectUser(await loaded(sdk, 'rich@example.org'), expected);
    await expectNoUser(sdk, 'rich@example.com');
  });

  it('positional form: adds additional login IDs and sets tenants', async () => {
    const before = await richUser('pos@example.com');
    const result = await sdk.management.user.update(
      before.userId,
      'pos@example.com',
      undefined,
      'Pos',
      undefined,
      [{ tenantId: 'T2Globex', roleNames: ['Tenant Admin'] }],
      { beta: true },
      undefined,
      false,
      undefined,
      undefined,
      undefined,
      undefined,
      ['pos-extra'],
    );
    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject({
      loginIds: ['pos@example.com', 'pos@example.com-alt', 'pos-extra'],
      email: 'pos@example.com',
      verifiedEmail: false,
      phone: '',
      roleNames: [],
      userTenants: [{ tenantId: 'T2Globex', tenantName: 'Globex', roleNames: ['Tenant Admin'] }],
      customAttributes: { beta: true },
      ssoAppIds: [],
    });
    expect(await loaded(sdk, 'pos-extra')).toEqual(result.data);
  });

  it('a bad value is 400 E011004 and leaves the user as it was', async () => {
    const before = await richUser('keep@example.com');
    const stored = await loaded(sdk, 'keep@example.com');
    for (const options of [
      { roles: ['NoSuchRole'] },
      { customAttributes: { plan: 'platinum' } },
      { email: 'not-an-email' },
      { additionalLoginIds: ['ada@example.com'] },
    ]) {
      const result = await sdk.management.user.update(before.userId, options);
      expectRefused(result, 400, 'E011004');
    }
    expect(await loaded(sdk, 'keep@example.com')).toEqual(stored);
  });

  it('an unknown user is 404 E112102; a missing loginId 400 E011002', async () => {
    const result = await sdk.management.user.update('nobody@example.com', { displayName: 'X' });
    expectRefused(result, 404, 'E112102');
    const raw = await mock.http('POST', '/v1/mgmt/user/update', { body: { displayName: 'X' } });
    expectRefused(raw, 400, 'E011002');
  });
});
