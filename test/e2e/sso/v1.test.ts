import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { ssoProject } from './ssoProject.js';

/**
 * The v1 calls, `management.sso.getSettings`, `configureSettings`, `configureMetadata`, `configureMapping`:
 * views of the default configuration's SAML block (descope-mgmt-more.md §2.1, the python-sdk e2e flow).
 */
const mock = useMock();

const BLANK_MAPPING = {
  name: '',
  email: '',
  username: '',
  phoneNumber: '',
  group: '',
  givenName: '',
  middleName: '',
  familyName: '',
  picture: '',
  verifiedEmail: '',
  verifiedPhone: '',
  customAttributes: {},
};

describe('v1 SSO settings', () => {
  it('reads a fresh tenant: blank IdP, the SP side, the default user mapping', async () => {
    const { sdk, projectId } = await ssoProject(mock);
    const settings = await sdk.management.sso.getSettings('T2Acme');
    expect(settings.ok).toBe(true);
    expect(settings.data).toEqual({
      tenantId: 'T2Acme',
      idpEntityId: '',
      idpSSOUrl: '',
      idpCertificate: '',
      idpMetadataUrl: '',
      spEntityId: `${projectId}-T2Acme`,
      spACSUrl: expect.stringContaining(`projectId=${projectId}`),
      spCertificate: '',
      userMapping: { ...BLANK_MAPPING, name: 'name', email: 'email', phoneNumber: 'phone' },
      groupsMapping: [],
      redirectUrl: '',
      domains: [],
      domain: '',
    });
    expect(settings.data?.spACSUrl).toContain('tenantId=T2Acme');
  });

  it('configure → metadata → mapping → get → delete → get, as the live service answers it', async () => {
    const { sdk, projectId } = await ssoProject(mock);
    const { sso } = sdk.management;
    const configured = await sso.configureSettings(
      'T2Acme',
      'http://idpURL',
      'mycert',
      'entity',
      'https://redirect',
      ['domain.com', 'app.domain.com'],
    );
    expect(configured.ok).toBe(true);
    let settings = (await sso.getSettings('T2Acme')).data!;
    expect(settings).toMatchObject({
      idpEntityId: 'entity',
      idpSSOUrl: 'http://idpURL',
      idpCertificate: 'mycert',
      spEntityId: `${projectId}-T2Acme`,
      redirectUrl: 'https://redirect',
      domain: 'domain.com',
      domains: ['domain.com', 'app.domain.com'],
    });

    // Without a redirect URL the old one stays; the domains are replaced.
    expect(
      (await sso.configureMetadata('T2Acme', 'http://idpMetadataURL', undefined as any, ['domain2.com'])).ok,
    ).toBe(true);
    // The mapping is replaced whole: after {name: "MyName"} the default email mapping is gone.
    const mapped = await sso.configureMapping('T2Acme', [{ groups: ['a'], roleName: 'Tenant Admin' }], {
      name: 'MyName',
    });
    expect(mapped.ok).toBe(true);
    settings = (await sso.getSettings('T2Acme')).data!;
    expect(settings).toMatchObject({
      idpMetadataUrl: 'http://idpMetadataURL',
      redirectUrl: 'https://redirect',
      domain: 'domain2.com',
      domains: ['domain2.com'],
      userMapping: { ...BLANK_MAPPING, name: 'MyName' },
    });
    expect(settings.groupsMapping).toEqual([
      { role: { id: expect.stringMatching(/^RO/), name: 'Tenant Admin' }, groups: ['a'] },
    ]);
    // The v2 load is a view of the same record.
    const v2 = (await sso.loadSettings('T2Acme')).data as any;
    expect(v2.saml).toMatchObject({ idpMetadataUrl: 'http://idpMetadataURL', idpSSOUrl: 'http://idpURL' });
    expect(v2.saml.attributeMapping).toEqual(settings.userMapping);

    expect((await sso.deleteSettings('T2Acme')).ok).toBe(true);
    settings = (await sso.getSettings('T2Acme')).data!;
    expect(settings).toMatchObject({ idpEntityId: '', idpSSOUrl: '', idpCertificate: '', groupsMapping: [] });
  });

  it('refuses an unknown role in a mapping and an unknown or missing tenant', async () => {
    const { sdk, http } = await ssoProject(mock);
    const { sso } = sdk.management;
    expectRefused(
      await sso.configureMapping('T2Acme', [{ groups: ['a'], roleName: 'Nobody' }]),
      400,
      'E011004',
    );
    expectRefused(await sso.getSettings('T2Nope'), 400, 'E011004');
    const missing = await http('GET', '/v1/mgmt/sso/settings');
    expect(expectRefused(missing, 400, 'E011002').errorMessage).toBe('The tenantId field is required');
    expectRefused(await http('POST', '/v1/mgmt/sso/metadata', { idpMetadataURL: 'x' }), 400, 'E011002');
  });
});
