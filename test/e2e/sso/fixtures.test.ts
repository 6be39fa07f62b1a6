import { describe, expect, it } from 'vitest';
import { useMock } from '../../helpers/mock.js';
import { SSO_FIXTURE, ssoProject } from './ssoProject.js';

/** SSO configurations in fixtures (`tenants[].sso`), snapshots and resets, and gone with their tenant. */
const mock = useMock();

const SEEDED = {
  ...SSO_FIXTURE,
  tenants: [
    {
      id: 'T2Acme',
      name: 'Acme',
      authType: 'saml',
      domains: ['acme.example'],
      sso: [
        {
          saml: {
            idpSSOUrl: 'https://idp.acme.example/saml',
            idpEntityId: 'acme-idp',
            groupsMapping: [{ roleName: 'Approver', groups: ['approvers'] }],
          },
        },
        { ssoId: 'okta', displayName: 'Okta', oidc: { name: 'Okta', clientId: 'c1', clientSecret: 's1' } },
      ],
    },
    { id: 'T2Globex', name: 'Globex' },
  ],
};

describe('SSO configurations in fixtures and snapshots', () => {
  it('seeds them: roles by name (a tenant role, a project role), both configurations listed', async () => {
    const { sdk } = await ssoProject(mock, SEEDED);
    const { sso } = sdk.management;
    const all = (await sso.loadAllSettings('T2Acme')).data as any[];
    expect(all.map((settings) => settings.ssoId)).toEqual(['', 'okta']);
    expect(all[0].saml).toMatchObject({
      idpSSOUrl: 'https://idp.acme.example/saml',
      idpEntityId: 'acme-idp',
    });
    expect(all[0].saml.groupsMapping).toEqual([{ roleName: 'Approver', groups: ['approvers'] }]);
    expect(all[0].saml.attributeMapping).toMatchObject({
      name: 'name',
      email: 'email',
      phoneNumber: 'phone',
    });
    expect(all[0].tenant).toMatchObject({ authType: 'saml', domains: ['acme.example'] });
    expect(all[1].oidc).toMatchObject({ name: 'Okta', clientId: 'c1', clientSecret: '' });
  });

  it('refuses a fixture whose mapping names an unknown role, naming the path (400)', async () => {
    const tenants = [
      { id: 'T2Acme', name: 'Acme', sso: [{ saml: { groupsMapping: [{ roleName: 'Ghost', groups: [] }] } }] },
    ];
    const answer = await mock.control('POST', '/_mock/projects', { ...SSO_FIXTURE, tenants });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('tenants[0].sso[0].saml.groupsMapping[0].roleName');
  });

  it('snapshot → reset → restore gives the configured state back; the reset the seeded one', async () => {
    const { sdk, projectId } = await ssoProject(mock, SEEDED);
    const { sso } = sdk.management;
    await sso.configureSAMLSettings('T2Globex', {
      idpUrl: 'https://idp.globex.example',
      idpCert: 'CERT',
      entityId: 'globex',
      roleMappings: [{ groups: ['g'], roleName: 'Viewer' }],
    });
    await sso.deleteSettings('T2Acme', 'okta');
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    const globex = snapshot.tenants.find((tenant: { id: string }) => tenant.id === 'T2Globex');
    expect(globex.sso[0].saml).toMatchObject({
      idpSSOUrl: 'https://idp.globex.example',
      groupsMapping: [{ roleName: 'Viewer', groups: ['g'] }],
    });

    expect((await mock.control('POST', '/_mock/reset', { projectId })).status).toBe(200);
    expect(((await sso.loadSettings('T2Globex')).data as any).saml.idpSSOUrl).toBe('');
    expect((await sso.loadAllSettings('T2Acme')).data?.map((settings) => settings.ssoId)).toEqual([
      '',
      'okta',
    ]);

    expect((await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot)).status).toBe(200);
    const restored = (await sso.loadSettings('T2Globex')).data as any;
    expect(restored.saml).toMatchObject({ idpSSOUrl: 'https://idp.globex.example', idpEntityId: 'globex' });
    expect(restored.saml.groupsMapping).toEqual([{ roleName: 'Viewer', groups: ['g'] }]);
    expect(restored.tenant.authType).toBe('saml');
    expect((await sso.loadAllSettings('T2Acme')).data?.map((settings) => settings.ssoId)).toEqual(['']);
  });

  it('go with their tenant: a tenant deleted and made again has no SSO configuration', async () => {
    const { sdk } = await ssoProject(mock, SEEDED);
    const { sso, tenant } = sdk.management;
    expect((await tenant.delete('T2Acme')).ok).toBe(true);
    expect((await tenant.createWithId('T2Acme', 'Acme again')).ok).toBe(true);
    const all = (await sso.loadAllSettings('T2Acme')).data as any[];
    expect(all.map((settings) => settings.ssoId)).toEqual(['']);
    expect(all[0].saml).toMatchObject({ idpSSOUrl: '', idpEntityId: '', groupsMapping: [] });
    expect(all[0].tenant).toMatchObject({ authType: 'none', domains: [] });
  });
});
