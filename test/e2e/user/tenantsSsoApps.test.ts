import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { expectUser, loaded, userChecks } from '../../helpers/user.js';

/** update/tenant/add|remove and update/ssoapp/add|set|remove (descope-api.md 4.10). */

const mock = useMock();
const sdk = mock.sdk();

const { freshUser, changed, refused } = userChecks(sdk, 'member');

const globex = { tenantId: 'T2Globex', tenantName: 'Globex', roleNames: [], permissions: [] };

describe('management.user.addTenant / removeTenant', () => {
  it('adds a membership with no roles; adding it again changes nothing', async () => {
    const { loginId, user } = await freshUser();
    const member = { ...user, userTenants: [globex] };
    await changed(sdk.management.user.addTenant(loginId, 'T2Globex'), loginId, member);
    await changed(sdk.management.user.addTenant(user.userId, 'T2Globex'), loginId, member);
  });

  it('removes the membership with its roles, keeping the others', async () => {
    const { loginId, user } = await freshUser({
      userTenants: [
        { tenantId: 'T2Acme', roleNames: ['Approver'] },
        { tenantId: 'T2Globex', roleNames: [] },
      ],
    });
    await changed(sdk.management.user.removeTenant(loginId, 'T2Acme'), loginId, {
      ...user,
      userTenants: [globex],
    });
    await changed(sdk.management.user.removeTenant(loginId, 'T2Globex'), loginId, {
      ...user,
      userTenants: [],
    });
    // Vendor behaviour (inferred): leaving a tenant the user is not in is a no-op.
    await changed(sdk.management.user.removeTenant(loginId, 'T2Globex'), loginId, {
      ...user,
      userTenants: [],
    });
  });

  it('refuses an unknown tenant (E011004) and a missing tenantId (E011002)', async () => {
    const { loginId, user } = await freshUser();
    await refused(sdk.management.user.addTenant(loginId, 'T2Nowhere'), loginId, user);
    await refused(sdk.management.user.addTenant(loginId, ''), loginId, user, 'E011002');
    const raw = await mock.http('POST', '/v1/mgmt/user/update/tenant/remove', {
      body: { loginId, tenantId: null },
    });
    expectRefused(raw, 400, 'E011002');
  });
});

describe('management.user.addSSOapps / setSSOapps / removeSSOapps', () => {
  it('adds (ignoring duplicates), sets and removes, [] after the last removal', async () => {
    const { loginId, user } = await freshUser();
    const one = { ...user, ssoAppIds: ['descope-default-oidc'] };
    await changed(sdk.management.user.addSSOapps(loginId, ['descope-default-oidc']), loginId, one);
    await changed(sdk.management.user.addSSOapps(user.userId, ['descope-default-oidc']), loginId, one);
    await changed(sdk.management.user.setSSOapps(loginId, []), loginId, user);
    await changed(sdk.management.user.setSSOapps(loginId, ['descope-default-oidc']), loginId, one);
    await changed(
      sdk.management.user.removeSSOapps(loginId, ['descope-default-oidc', 'gone-app']),
      loginId,
      user,
    );
  });

  it('refuses an application the project does not have', async () => {
    const { loginId, user } = await freshUser();
    await refused(sdk.management.user.addSSOapps(loginId, ['no-such-app']), loginId, user);
    await refused(
      sdk.management.user.setSSOapps(loginId, ['descope-default-oidc', 'no-such-app']),
      loginId,
      user,
    );
  });

  it('accepts the ssoAppIDs alias over raw HTTP', async () => {
    const { loginId, user } = await freshUser();
    const raw = await mock.http('POST', '/v1/mgmt/user/update/ssoapp/add', {
      body: { loginId, ssoAppIDs: ['descope-default-oidc'] },
    });
    expect(raw.status).toBe(200);
    const expected = { ...user, ssoAppIds: ['descope-default-oidc'] };
    expectUser(raw.body.user, expected);
    expectUser(await loaded(sdk, loginId), expected);
  });
});
