import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { expectUser, loaded, userChecks, type WireUser } from '../../helpers/user.js';

/**
 * Project roles and tenant roles on a user (descope-api.md 4.10): role/set and role/remove (v1), role/add (v2,
 * which enrols the user in the tenant, and the legacy v1, which needs membership). test/fixtures/basic.json has
 * the project roles Viewer and Editor, the built-in Tenant Admin, and Approver scoped to tenant T2Acme.
 */

const mock = useMock();
const sdk = mock.sdk();

const { freshUser, changed, refused } = userChecks(sdk, 'roles');

const acme = (roleNames: string[], permissions: string[]) => ({
  tenantId: 'T2Acme',
  tenantName: 'Acme',
  roleNames,
  permissions,
});

describe('project roles: setRoles / addRoles / removeRoles', () => {
  it('sets, adds (ignoring duplicates) and removes, with the permissions derived from the roles', async () => {
    const { loginId, user } = await freshUser();
    const both = { ...user, roleNames: ['Viewer', 'Editor'], permissions: ['Read Reports', 'User Admin'] };
    await changed(sdk.management.user.setRoles(loginId, ['Viewer', 'Editor']), loginId, both);
    const added = {
      ...both,
      roleNames: ['Viewer', 'Editor', 'Tenant Admin'],
      permissions: ['Read Reports', 'User Admin', 'SSO Admin', 'Impersonate'],
    };
    await changed(sdk.management.user.addRoles(user.userId, ['Editor', 'Tenant Admin']), loginId, added);
    const removed = { ...added, roleNames: ['Editor', 'Tenant Admin'] };
    await changed(sdk.management.user.removeRoles(loginId, ['Viewer', 'Not Held']), loginId, removed);
    await changed(sdk.management.user.setRoles(loginId, []), loginId, user);
  });

  it('refuses an unknown role, or a tenant-scoped one used as a project role', async () => {
    const { loginId, user } = await freshUser({ roles: ['Viewer'] });
    await refused(sdk.management.user.setRoles(loginId, ['Viewer', 'Ghost']), loginId, user);
    await refused(sdk.management.user.addRoles(loginId, ['Approver']), loginId, user);
  });
});

describe('tenant roles: setTenantRoles / addTenantRoles / removeTenantRoles', () => {
  it('v2 add enrols a non-member, with project or tenant-scoped roles of that tenant', async () => {
    const { loginId, user } = await freshUser();
    const enrolled = { ...user, userTenants: [acme(['Approver'], ['Impersonate'])] };
    await changed(sdk.management.user.addTenantRoles(loginId, 'T2Acme', ['Approver']), loginId, enrolled);
    const more = { ...user, userTenants: [acme(['Approver', 'Viewer'], ['Impersonate', 'Read Reports'])] };
    await changed(
      sdk.management.user.addTenantRoles(user.userId, 'T2Acme', ['Viewer', 'Approver']),
      loginId,
      more,
    );
    expect((await loaded(sdk, loginId)) as WireUser).toMatchObject({ roleNames: [], permissions: [] });
  });

  it('set and remove act inside an existing membership only', async () => {
    const { loginId, user } = await freshUser({
      userTenants: [{ tenantId: 'T2Acme', roleNames: ['Viewer'] }],
    });
    const set = {
      ...user,
      userTenants: [acme(['Approver', 'Editor'], ['Impersonate', 'Read Reports', 'User Admin'])],
    };
    await changed(
      sdk.management.user.setTenantRoles(loginId, 'T2Acme', ['Approver', 'Editor']),
      loginId,
      set,
    );
    const removed = { ...user, userTenants: [acme(['Editor'], ['Read Reports', 'User Admin'])] };
    await changed(sdk.management.user.removeTenantRoles(loginId, 'T2Acme', ['Approver']), loginId, removed);
    await refused(sdk.management.user.setTenantRoles(loginId, 'T2Globex', ['Viewer']), loginId, removed);
    await refused(sdk.management.user.removeTenantRoles(loginId, 'T2Globex', ['Viewer']), loginId, removed);
  });

  it("refuses an unknown tenant, and another tenant's scoped role", async () => {
    const { loginId, user } = await freshUser();
    await refused(sdk.management.user.addTenantRoles(loginId, 'T2Nowhere', ['Viewer']), loginId, user);
    await refused(sdk.management.user.addTenantRoles(loginId, 'T2Globex', ['Approver']), loginId, user);
  });
});

describe('legacy POST /v1/mgmt/user/update/role/add (raw HTTP: Node uses v2)', () => {
  const path = '/v1/mgmt/user/update/role/add';

  it('adds project roles, and tenant roles only to a member', async () => {
    const { loginId, user } = await freshUser();
    const notMember = await mock.http('POST', path, {
      body: { loginId, tenantId: 'T2Acme', roleNames: ['Approver'] },
    });
    expectRefused(notMember, 400, 'E011004');
    expectUser(await loaded(sdk, loginId), user);

    const project = await mock.http('POST', path, { body: { identifier: loginId, roleNames: ['Viewer'] } });
    expect(project.status).toBe(200);
    const withViewer = { ...user, roleNames: ['Viewer'], permissions: ['Read Reports'] };
    expectUser(project.body.user, withViewer);

    await sdk.management.user.addTenant(loginId, 'T2Acme');
    const member = await mock.http('POST', path, {
      body: { loginId, tenantId: 'T2Acme', roleNames: ['Approver'] },
    });
    expect(member.status).toBe(200);
    const expected = { ...withViewer, userTenants: [acme(['Approver'], ['Impersonate'])] };
    expectUser(member.body.user, expected);
    expectUser(await loaded(sdk, loginId), expected);
  });

  it('treats a null roleNames as none and refuses a wrong type', async () => {
    const { loginId, user } = await freshUser({ roles: ['Viewer'] });
    const nulls = await mock.http('POST', path, { body: { loginId, roleNames: null, tenantId: null } });
    expect(nulls.status).toBe(200);
    expectUser(nulls.body.user, user);
    const typed = await mock.http('POST', path, { body: { loginId, roleNames: 'Viewer' } });
    expectRefused(typed, 400, 'E011001');
    expectUser(await loaded(sdk, loginId), user);
  });
});
