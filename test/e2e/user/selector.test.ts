import { describe, expect, it } from 'vitest';
import { expectRefused, type Sdk, useMock } from '../../helpers/mock.js';
import { loaded, type Outcome } from '../../helpers/user.js';

/**
 * The user selector of every update call (descope-api.md 3.4): an unknown user is 404 E112102, no selector is
 * 400 E011002, and neither writes anything.
 */

const mock = useMock();
const sdk = mock.sdk();

type Call = (sdk: Sdk, id: string) => Promise<Outcome>;

const SDK_UPDATES: [string, Call][] = [
  ['activate', (s, id) => s.management.user.activate(id)],
  ['deactivate', (s, id) => s.management.user.deactivate(id)],
  ['updateLoginId', (s, id) => s.management.user.updateLoginId(id, 'fresh-login')],
  ['updateEmail', (s, id) => s.management.user.updateEmail(id, 'x@example.com', true)],
  ['updatePhone', (s, id) => s.management.user.updatePhone(id, '+15555550100', true)],
  ['updateDisplayName', (s, id) => s.management.user.updateDisplayName(id, 'X')],
  ['updateUserNames', (s, id) => s.management.user.updateUserNames(id, 'G')],
  ['updatePicture', (s, id) => s.management.user.updatePicture(id, 'https://example.com/x.png')],
  ['updateCustomAttribute', (s, id) => s.management.user.updateCustomAttribute(id, 'seats', 1)],
  ['setRoles', (s, id) => s.management.user.setRoles(id, ['Viewer'])],
  ['addRoles', (s, id) => s.management.user.addRoles(id, ['Viewer'])],
  ['removeRoles', (s, id) => s.management.user.removeRoles(id, ['Viewer'])],
  ['setTenantRoles', (s, id) => s.management.user.setTenantRoles(id, 'T2Acme', ['Viewer'])],
  ['addTenantRoles', (s, id) => s.management.user.addTenantRoles(id, 'T2Acme', ['Viewer'])],
  ['removeTenantRoles', (s, id) => s.management.user.removeTenantRoles(id, 'T2Acme', ['Viewer'])],
  ['addTenant', (s, id) => s.management.user.addTenant(id, 'T2Acme')],
  ['removeTenant', (s, id) => s.management.user.removeTenant(id, 'T2Acme')],
  ['addSSOapps', (s, id) => s.management.user.addSSOapps(id, ['descope-default-oidc'])],
  ['setSSOapps', (s, id) => s.management.user.setSSOapps(id, ['descope-default-oidc'])],
  ['removeSSOapps', (s, id) => s.management.user.removeSSOapps(id, ['descope-default-oidc'])],
  ['updateRecoveryEmail', (s, id) => s.management.user.updateRecoveryEmail(id, 'r@example.com', true)],
  ['updateRecoveryPhone', (s, id) => s.management.user.updateRecoveryPhone(id, '+15555550101', true)],
];

const UPDATE_PATHS = [
  '/v1/mgmt/user/update/name',
  '/v1/mgmt/user/update/phone',
  '/v1/mgmt/user/update/email',
  '/v1/mgmt/user/update/picture',
  '/v1/mgmt/user/update/loginid',
  '/v1/mgmt/user/update/status',
  '/v1/mgmt/user/update/customAttribute',
  '/v1/mgmt/user/update/recovery/email',
  '/v1/mgmt/user/update/recovery/phone',
  '/v1/mgmt/user/update/impersonationConsent',
  '/v1/mgmt/user/update/role/set',
  '/v2/mgmt/user/update/role/add',
  '/v1/mgmt/user/update/role/add',
  '/v1/mgmt/user/update/role/remove',
  '/v1/mgmt/user/update/tenant/add',
  '/v1/mgmt/user/update/tenant/remove',
  '/v1/mgmt/user/update/ssoapp/add',
  '/v1/mgmt/user/update/ssoapp/set',
  '/v1/mgmt/user/update/ssoapp/remove',
];

describe('an unknown user', () => {
  it.each(SDK_UPDATES)('management.user.%s answers 404 E112102', async (_, call) => {
    for (const selector of ['nobody@example.com', 'U2Nobody000000000000000000']) {
      const result = await call(sdk, selector);
      expect(result.ok).toBe(false);
      expectRefused(result, 404, 'E112102');
    }
  });
});

describe('no selector', () => {
  it.each(UPDATE_PATHS)('POST %s without loginId answers 400 E011002 and writes nothing', async (path) => {
    const before = await loaded(sdk, 'ada@example.com');
    for (const body of [{}, { loginId: '' }, { loginId: null, identifier: null }]) {
      const raw = await mock.http('POST', path, { body });
      expect(expectRefused(raw, 400, 'E011002').errorMessage).toBe('The loginId field is required');
    }
    expect(await loaded(sdk, 'ada@example.com')).toEqual(before);
  });
});

describe('the identifier alias', () => {
  it.each(UPDATE_PATHS)('POST %s finds the user by identifier', async (path) => {
    // A body with only the selector: each call either succeeds or names a missing or bad field, never the user.
    const raw = await mock.http('POST', path, { body: { identifier: 'ada@example.com' } });
    if (raw.status !== 200) {
      expect(raw.status).toBe(400);
      expect(['E011002', 'E011004']).toContain(raw.body.errorCode);
    } else {
      expect(raw.body.user.userId).toBe('U2Ada0000000000000000000000');
    }
  });
});
