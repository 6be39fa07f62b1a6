import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { ssoProject } from './ssoProject.js';

/** `management.sso.configureSAMLSettings`, `configureSAMLByMetadata`, `loadSettings` (descope-mgmt-more.md §2). */
const mock = useMock();

const SAML = {
  idpUrl: 'https://idp.example/saml',
  entityId: 'entity1234',
  idpCert: 'my certificate',
  attributeMapping: { name: 'displayName', email: 'mail', group: 'groups' },
};

describe('SAML configuration', () => {
  it('has its SP side before any configure, blank IdP fields, and authType none', async () => {
    const { sdk, projectId } = await ssoProject(mock);
    const loaded = await sdk.management.sso.loadSettings('T2Acme');
    expect(loaded.ok).toBe(true);
    const { saml, oidc, tenant, ssoId } = loaded.data as any;
    expect(ssoId).toBe('');
    expect(tenant).toMatchObject({ id: 'T2Acme', name: 'Acme', authType: 'none', domains: [] });
    expect(saml).toMatchObject({ idpSSOUrl: '', idpEntityId: '', idpCertificate: '', idpMetadataUrl: '' });
    expect(saml.spEntityId).toBe(`${projectId}-T2Acme`);
    expect(saml.spACSUrl).toContain(`projectId=${projectId}`);
    expect(saml.spACSUrl).toContain('tenantId=T2Acme');
    expect(saml.spACSUrl.startsWith(`${mock.url}/`)).toBe(true);
    expect(oidc).toMatchObject({ name: '', clientId: '', clientSecret: '', scope: [] });
  });

  it('configure → load → update → load → delete → load, with the renames of the live service', async () => {
    const { sdk, projectId, http } = await ssoProject(mock);
    const { sso, tenant } = sdk.management;
    const configured = await sso.configureSAMLSettings(
      'T2Acme',
      { ...SAML, roleMappings: [{ groups: ['grp1', 'grp2'], roleName: 'Approver' }] },
      'https://app.example/after',
      ['acme.example', 'app.acme.example'],
    );
    expect(configured.ok).toBe(true);
    expect(configured.data).toEqual({});

    const first = (await sso.loadSettings('T2Acme')).data as any;
    expect(first.saml).toMatchObject({
      idpSSOUrl: SAML.idpUrl,
      idpEntityId: SAML.entityId,
      idpCertificate: SAML.idpCert,
      redirectUrl: 'https://app.example/after',
      spEntityId: `${projectId}-T2Acme`,
    });
    expect(first.saml.attributeMapping).toMatchObject({
      name: 'displayName',
      email: 'mail',
      group: 'groups',
    });
    // The SDK turns `{role: {id, name}}` into `roleName`; the wire carries the role's ID.
    expect(first.saml.groupsMapping).toEqual([{ roleName: 'Approver', groups: ['grp1', 'grp2'] }]);
    expect(first.tenant).toMatchObject({ authType: 'saml', domains: ['acme.example', 'app.acme.example'] });
    expect((await tenant.load('T2Acme')).data).toMatchObject({
      authType: 'saml',
      domains: ['acme.example', 'app.acme.example'],
    });

    const raw = await http('GET', '/v2/mgmt/sso/settings?tenantId=T2Acme');
    expect(raw.body.saml.groupsMapping).toEqual([
      { role: { id: expect.stringMatching(/^RO/), name: 'Approver' }, groups: ['grp1', 'grp2'] },
    ]);

    // An update: absent keys stay, given ones change, the project role "Tenant Admin" maps too.
    expect(
      (
        await sso.configureSAMLSettings('T2Acme', {
          idpUrl: 'https://idp.example/v2',
          roleMappings: [{ groups: ['admins'], roleName: 'Tenant Admin' }],
        } as any)
      ).ok,
    ).toBe(true);
    const second = (await sso.loadSettings('T2Acme')).data as any;
    expect(second.saml).toMatchObject({
      idpSSOUrl: 'https://idp.example/v2',
      idpEntityId: SAML.entityId,
      redirectUrl: 'https://app.example/after',
    });
    expect(second.saml.groupsMapping).toEqual([{ roleName: 'Tenant Admin', groups: ['admins'] }]);
    expect(second.tenant.domains).toEqual(['acme.example', 'app.acme.example']);

    expect((await sso.deleteSettings('T2Acme')).ok).toBe(true);
    const deleted = await sso.loadSettings('T2Acme');
    expect(deleted.ok).toBe(true);
    expect((deleted.data as any).saml).toMatchObject({ idpSSOUrl: '', idpEntityId: '', idpCertificate: '' });
    expect((deleted.data as any).saml.groupsMapping).toEqual([]);
    expect((deleted.data as any).tenant).toMatchObject({ authType: 'none' });
  });

  it('by metadata: the URL is stored (never fetched), with the mapping and the redirect URL', async () => {
    const { sdk, projectId } = await ssoProject(mock);
    const { sso } = sdk.management;
    const configured = await sso.configureSAMLByMetadata(
      'T2Globex',
      {
        idpMetadataUrl: 'https://unreachable.invalid/metadata',
        roleMappings: [{ groups: ['g'], roleName: 'Viewer' }],
        defaultSSORoles: ['Viewer'],
      },
      'https://app.example/back',
      ['globex.example'],
    );
    expect(configured.ok).toBe(true);
    const { saml, tenant } = (await sso.loadSettings('T2Globex')).data as any;
    expect(saml).toMatchObject({
      idpMetadataUrl: 'https://unreachable.invalid/metadata',
      redirectUrl: 'https://app.example/back',
      defaultSSORoles: ['Viewer'],
      spEntityId: `${projectId}-T2Globex`,
    });
    expect(saml.groupsMapping).toEqual([{ roleName: 'Viewer', groups: ['g'] }]);
    expect(tenant).toMatchObject({ authType: 'saml', domains: ['globex.example'] });
  });

  it('sets the redirect URLs alone, and stores and echoes fgaMappings', async () => {
    const { sdk, http } = await ssoProject(mock);
    const { sso } = sdk.management;
    expect(
      (await sso.configureSSORedirectURL('T2Acme', 'https://saml.example/cb', 'https://oauth.example/cb')).ok,
    ).toBe(true);
    const fgaMappings = {
      admins: { relations: [{ resource: 'doc1', relationDefinition: 'owner', namespace: 'doc' }] },
    };
    const raw = await http('POST', '/v1/mgmt/sso/saml', { tenantId: 'T2Acme', settings: { fgaMappings } });
    expect(raw).toMatchObject({ status: 200, body: {} });
    const { saml, oidc } = (await sso.loadSettings('T2Acme')).data as any;
    expect(saml.redirectUrl).toBe('https://saml.example/cb');
    expect(oidc.redirectUrl).toBe('https://oauth.example/cb');
    expect(saml.fgaMappings).toEqual(fgaMappings);
  });

  it('refuses an unknown role (400 E011004) and writes nothing; a role of another tenant is unknown here', async () => {
    const { sdk } = await ssoProject(mock);
    const { sso } = sdk.management;
    const unknown = await sso.configureSAMLSettings('T2Acme', {
      ...SAML,
      roleMappings: [{ groups: ['g'], roleName: 'Nope' }],
    });
    expect(expectRefused(unknown, 400, 'E011004').errorMessage).toContain('Nope');
    const otherTenants = await sso.configureSAMLSettings('T2Globex', {
      ...SAML,
      roleMappings: [{ groups: ['g'], roleName: 'Approver' }],
    });
    expectRefused(otherTenants, 400, 'E011004');
    const { saml, tenant } = (await sso.loadSettings('T2Acme')).data as any;
    expect(saml.idpSSOUrl).toBe('');
    expect(tenant.authType).toBe('none');
  });

  it('follows a role rename, and drops the mapping when the role is deleted', async () => {
    const { sdk, projectId } = await ssoProject(mock);
    const { sso, role } = sdk.management;
    await sso.configureSAMLSettings('T2Acme', {
      ...SAML,
      roleMappings: [
        { groups: ['a'], roleName: 'Viewer' },
        { groups: ['b'], roleName: 'Approver' },
      ],
      defaultSSORoles: ['Viewer'],
    });
    expect((await role.update('Viewer', 'Reader')).ok).toBe(true);
    let saml = ((await sso.loadSettings('T2Acme')).data as any).saml;
    expect(saml.groupsMapping).toEqual([
      { roleName: 'Reader', groups: ['a'] },
      { roleName: 'Approver', groups: ['b'] },
    ]);
    expect(saml.defaultSSORoles).toEqual(['Reader']);
    expect((await role.delete('Reader')).ok).toBe(true);
    saml = ((await sso.loadSettings('T2Acme')).data as any).saml;
    expect(saml.groupsMapping).toEqual([{ roleName: 'Approver', groups: ['b'] }]);
    expect(saml.defaultSSORoles).toEqual([]);
    // Gone from the record too, not only from the answer: the snapshot holds no mapping to a missing role.
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    const acme = snapshot.tenants.find((tenant: { id: string }) => tenant.id === 'T2Acme');
    expect(acme.sso[0].saml.groupsMapping).toEqual([{ roleName: 'Approver', groups: ['b'] }]);
    expect(acme.sso[0].saml.defaultSSORoles).toEqual([]);
  });
});
