import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { ssoProject } from './ssoProject.js';

/** `management.tenant.generateSSOConfigurationLink` and `revokeSSOConfigurationLink` (descope-mgmt-more.md §2.2). */
const mock = useMock();

describe('SSO configuration links', () => {
  it("answers a link under the mock's own origin, a new token each time", async () => {
    const { sdk } = await ssoProject(mock);
    const { tenant } = sdk.management;
    const first = await tenant.generateSSOConfigurationLink('T2Acme', 3600);
    expect(first.ok).toBe(true);
    const link = new URL(first.data!.adminSSOConfigurationLink);
    expect(link.origin).toBe(mock.url);
    expect(link.pathname).toBe('/sso-setup');
    expect(link.searchParams.get('t')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const second = await tenant.generateSSOConfigurationLink('T2Acme', 60, '', 'admin@acme.example');
    expect(second.data!.adminSSOConfigurationLink).not.toBe(first.data!.adminSSOConfigurationLink);

    const revoked = await tenant.revokeSSOConfigurationLink('T2Acme');
    expect(revoked.ok).toBe(true);
    expect(revoked.data).toEqual({});
  });

  it('refuses an email that is malformed or longer than 320 bytes (a link is kept: it is bounded by bytes)', async () => {
    const { sdk } = await ssoProject(mock);
    const { tenant } = sdk.management;
    expectRefused(
      await tenant.generateSSOConfigurationLink('T2Acme', 60, '', 'not-an-email'),
      400,
      'E011004',
    );
    const long = `${'a'.repeat(64 * 1024)}@acme.example`;
    expectRefused(await tenant.generateSSOConfigurationLink('T2Acme', 60, '', long), 400, 'E011004');
    expect((await tenant.generateSSOConfigurationLink('T2Acme', 60, '', 'admin@acme.example')).ok).toBe(true);
  });

  it('names a configuration of the tenant, when given', async () => {
    const { sdk } = await ssoProject(mock);
    const { tenant, sso } = sdk.management;
    expectRefused(await tenant.generateSSOConfigurationLink('T2Acme', 60, 'okta'), 400, 'E011004');
    expect((await sso.newSettings('T2Acme', 'okta', 'Okta')).ok).toBe(true);
    expect((await tenant.generateSSOConfigurationLink('T2Acme', 60, 'okta')).ok).toBe(true);
    expect((await tenant.revokeSSOConfigurationLink('T2Acme', 'okta')).ok).toBe(true);
  });

  it('refuses an unknown tenant, a missing tenantId or expireTime, and a duration that is not positive', async () => {
    const { sdk, http } = await ssoProject(mock);
    const { tenant } = sdk.management;
    expectRefused(await tenant.generateSSOConfigurationLink('T2Nope', 60), 400, 'E011004');
    expectRefused(await tenant.revokeSSOConfigurationLink('T2Nope'), 400, 'E011004');
    const generate = '/v2/mgmt/tenant/adminlinks/sso/generate';
    expectRefused(await http('POST', generate, { expireTime: 60 }), 400, 'E011002');
    expectRefused(await http('POST', '/v1/mgmt/tenant/adminlinks/sso/revoke', {}), 400, 'E011002');
    expectRefused(await http('POST', generate, { tenantId: 'T2Acme' }), 400, 'E011002');
    expectRefused(await tenant.generateSSOConfigurationLink('T2Acme', 0), 400, 'E011004');
    expectRefused(await http('POST', generate, { tenantId: 'T2Acme', expireTime: -5 }), 400, 'E011004');
    // int64 as a string, as proto3 JSON allows.
    expect((await http('POST', generate, { tenantId: 'T2Acme', expireTime: '120' })).status).toBe(200);
  });
});
