import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { ssoProject } from './ssoProject.js';

/**
 * Several configurations per tenant: `management.sso.newSettings`, `loadAllSettings`, `deleteSettings` with an
 * `ssoId`, `recalculateSSOMappings` (descope-mgmt-more.md §2.2).
 */
const mock = useMock();

describe('SSO configurations of a tenant', () => {
  it('new → load → configure → loadAll → delete → loadAll; the default one is always listed first', async () => {
    const { sdk, http, projectId } = await ssoProject(mock);
    const { sso } = sdk.management;
    const created = await sso.newSettings('T2Acme', 'okta', 'Okta');
    expect(created.ok).toBe(true);
    expect(created.data).toMatchObject({ ssoId: 'okta', tenant: { id: 'T2Acme' } });
    expect((created.data as any).saml.spEntityId).toBe(`${projectId}-T2Acme-okta`);

    const configured = await sso.configureOIDCSettings(
      'T2Acme',
      { name: 'Okta', clientId: 'c1' },
      undefined,
      'okta',
    );
    expect(configured.ok).toBe(true);
    expect(((await sso.loadSettings('T2Acme', 'okta')).data as any).oidc).toMatchObject({ clientId: 'c1' });
    // The default configuration is another record.
    expect(((await sso.loadSettings('T2Acme')).data as any).oidc.clientId).toBe('');

    // The default one, stored only now (after "okta"), still comes first.
    expect((await sso.configureSSORedirectURL('T2Acme', 'https://app.example/saml')).ok).toBe(true);
    const all = await sso.loadAllSettings('T2Acme');
    expect(all.ok).toBe(true);
    expect(all.data?.map((settings) => settings.ssoId)).toEqual(['', 'okta']);
    const raw = await http('GET', '/v2/mgmt/sso/settings/all?tenantId=T2Acme');
    expect(Object.keys(raw.body)).toEqual(['SSOSettings']);

    expect((await sso.deleteSettings('T2Acme', 'okta')).ok).toBe(true);
    expect((await sso.loadAllSettings('T2Acme')).data?.map((settings) => settings.ssoId)).toEqual(['']);
    expectRefused(await sso.loadSettings('T2Acme', 'okta'), 400, 'E011004');
  });

  it('makes up an ssoId when none is given, and refuses a taken one or a missing display name', async () => {
    const { sdk, http } = await ssoProject(mock);
    const { sso } = sdk.management;
    const made = await http('POST', '/v1/mgmt/sso/settings/new', { tenantId: 'T2Acme', displayName: 'Any' });
    expect(made.status).toBe(200);
    expect(made.body.ssoId).toMatch(/^SI[A-Za-z0-9]{26}$/);
    expectRefused(await sso.newSettings('T2Acme', made.body.ssoId, 'Again'), 400, 'E011004');
    expectRefused(await sso.newSettings('T2Acme', 'x', ''), 400, 'E011002');
  });

  it('answers recalculate-mappings with {} (no IdP groups yet), and refuses an unknown configuration', async () => {
    const { sdk } = await ssoProject(mock);
    const { sso } = sdk.management;
    const recalculated = await sso.recalculateSSOMappings('T2Acme');
    expect(recalculated.ok).toBe(true);
    expect(recalculated.data).toEqual({});
    expectRefused(await sso.recalculateSSOMappings('T2Acme', 'ghost'), 400, 'E011004');
    expectRefused(
      await sso.configureSSORedirectURL('T2Acme', 'https://x', undefined, 'ghost'),
      400,
      'E011004',
    );
    expectRefused(await sso.deleteSettings('T2Acme', 'ghost'), 400, 'E011004');
  });

  it("refuses an unknown tenant with the tenant calls' error and a missing tenantId with E011002, on every call", async () => {
    const { sdk, http } = await ssoProject(mock);
    const { sso } = sdk.management;
    const unknown = [
      await sso.loadSettings('T2Nope'),
      await sso.loadAllSettings('T2Nope'),
      await sso.newSettings('T2Nope', 'a', 'A'),
      await sso.deleteSettings('T2Nope'),
      await sso.configureOIDCSettings('T2Nope', { name: 'n', clientId: 'c' }),
      await sso.configureSAMLSettings('T2Nope', { idpUrl: 'u', idpCert: 'c', entityId: 'e' }),
      await sso.configureSAMLByMetadata('T2Nope', { idpMetadataUrl: 'u' }),
      await sso.configureSSORedirectURL('T2Nope', 'u'),
      await sso.recalculateSSOMappings('T2Nope'),
      await sso.getSettings('T2Nope'),
      await sso.configureSettings('T2Nope', 'u', 'c', 'e', 'r', []),
      await sso.configureMetadata('T2Nope', 'u', 'r', []),
      await sso.configureMapping('T2Nope', []),
    ];
    for (const answer of unknown) {
      expect(expectRefused(answer, 400, 'E011004').errorMessage).toBe('Tenant "T2Nope" does not exist');
    }
    for (const [method, path] of [
      ['GET', '/v2/mgmt/sso/settings'],
      ['GET', '/v2/mgmt/sso/settings/all'],
      ['DELETE', '/v1/mgmt/sso/settings'],
      ['POST', '/v1/mgmt/sso/settings/new'],
      ['POST', '/v1/mgmt/sso/oidc'],
      ['POST', '/v1/mgmt/sso/saml'],
      ['POST', '/v1/mgmt/sso/redirect'],
      ['POST', '/v1/mgmt/sso/recalculate-mappings'],
      ['POST', '/v1/mgmt/sso/mapping'],
    ] as const) {
      const answer = await http(method, path, method === 'POST' ? {} : undefined);
      expect(expectRefused(answer, 400, 'E011002').errorMessage, path).toBe('The tenantId field is required');
    }
    expectRefused(await http('POST', '/v1/mgmt/sso/saml', { tenantId: 5 }), 400, 'E011001');
    expectRefused(
      await http('POST', '/v1/mgmt/sso/saml/metadata', { tenantId: 'T2Acme', settings: { idpUrl: 'u' } }),
      400,
      'E011002',
    );
  });
});
