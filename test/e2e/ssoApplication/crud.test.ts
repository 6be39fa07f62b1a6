import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { appProject, EMPTY_OIDC, EMPTY_SAML, EMPTY_WSFED } from './project.js';

/**
 * Management `ssoApplication.*` (descope-mgmt-more.md §3) through the official SDK: each application type
 * from create to delete, the seeded default application, and what the calls refuse.
 */
const mock = useMock();

describe('the default application', () => {
  it('is listed and loadable, its issuer and discovery URL the OIDC provider the mock serves', async () => {
    const { projectId, sdk } = await appProject(mock);
    const all = await sdk.management.ssoApplication.loadAll();
    expect(all.ok).toBe(true);
    expect(all.data?.map((app) => app.id)).toEqual(['descope-default-oidc']);
    const loaded = await sdk.management.ssoApplication.load('descope-default-oidc');
    expect(loaded.data).toEqual(all.data?.[0]);
    const issuer = `${mock.url}/${projectId}`;
    expect(loaded.data).toEqual({
      id: 'descope-default-oidc',
      name: 'OIDC Default Application',
      description: '',
      enabled: true,
      logo: '',
      appType: 'oidc',
      oidcSettings: {
        ...EMPTY_OIDC,
        issuer,
        discoveryUrl: `${issuer}/.well-known/openid-configuration`,
      },
      samlSettings: EMPTY_SAML,
      wsfedSettings: EMPTY_WSFED,
    });
    const discovery = await fetch(loaded.data?.oidcSettings.discoveryUrl as string);
    expect(discovery.status).toBe(200);
    expect((await discovery.json()).issuer).toBe(issuer);
  });

  it('cannot be deleted, but can be updated', async () => {
    const { sdk } = await appProject(mock);
    const { ssoApplication } = sdk.management;
    expectRefused(await ssoApplication.delete('descope-default-oidc'), 400, 'E011004');
    const updated = await ssoApplication.updateOidcApplication({
      id: 'descope-default-oidc',
      name: 'Our client',
      loginPageUrl: 'https://app.example.com/login',
    });
    expect(updated.ok).toBe(true);
    expect((await ssoApplication.load('descope-default-oidc')).data).toMatchObject({
      name: 'Our client',
      enabled: true,
      oidcSettings: { loginPageUrl: 'https://app.example.com/login' },
    });
  });
});

describe('each application type, create → load → update → load → delete', () => {
  it('OIDC: every field echoed, the update replaces them (enabled false too), the delete leaves loadAll', async () => {
    const { projectId, sdk } = await appProject(mock);
    const { ssoApplication } = sdk.management;
    const created = await ssoApplication.createOidcApplication({
      id: 'crm',
      name: 'CRM',
      description: 'Sales CRM',
      logo: 'https://crm.example.com/logo.png',
      loginPageUrl: 'https://crm.example.com/login',
      forceAuthentication: true,
    });
    expect(created.data).toEqual({ id: 'crm' });
    const issuer = `${mock.url}/${projectId}`;
    expect((await ssoApplication.load('crm')).data).toEqual({
      id: 'crm',
      name: 'CRM',
      description: 'Sales CRM',
      enabled: true,
      logo: 'https://crm.example.com/logo.png',
      appType: 'oidc',
      oidcSettings: {
        ...EMPTY_OIDC,
        loginPageUrl: 'https://crm.example.com/login',
        issuer,
        discoveryUrl: `${issuer}/.well-known/openid-configuration`,
        forceAuthentication: true,
      },
      samlSettings: EMPTY_SAML,
      wsfedSettings: EMPTY_WSFED,
    });

    const update = { id: 'crm', name: 'CRM 2', enabled: false, loginPageUrl: 'https://crm2.example.com' };
    expect((await ssoApplication.updateOidcApplication(update)).ok).toBe(true);
    const loaded = (await ssoApplication.load('crm')).data;
    expect(loaded).toMatchObject({ name: 'CRM 2', enabled: false, description: '', logo: '' });
    expect(loaded?.oidcSettings).toMatchObject({
      loginPageUrl: 'https://crm2.example.com',
      forceAuthentication: false,
    });

    expect((await ssoApplication.delete('crm')).ok).toBe(true);
    expectRefused(await ssoApplication.load('crm'), 400, 'E011004');
    expect((await ssoApplication.loadAll()).data?.map((app) => app.id)).toEqual(['descope-default-oidc']);
  });

  it('SAML: a generated ID, the settings echoed with the IdP URLs derived', async () => {
    const { projectId, sdk } = await appProject(mock);
    const { ssoApplication } = sdk.management;
    const settings = {
      loginPageUrl: 'https://hr.example.com/login',
      useMetadataInfo: false,
      entityId: 'hr-sp',
      acsUrl: 'https://hr.example.com/acs',
      certificate: 'MIIC-cert',
      attributeMapping: [{ name: 'mail', type: 'string', value: 'email' }],
      groupsMapping: [
        {
          name: 'groups',
          type: 'string',
          filterType: 'roles',
          value: 'staff',
          roles: [{ id: 'R1', name: 'Staff' }],
        },
      ],
      acsAllowedCallbacks: ['https://hr.example.com/acs2'],
      subjectNameIdType: 'email',
      defaultRelayState: '/home',
      defaultSignatureAlgorithm: 'sha256',
    };
    const created = await ssoApplication.createSamlApplication({ name: 'HR', ...settings });
    const id = created.data?.id as string;
    expect(id).toMatch(/^SA[A-Za-z0-9]{26}$/);
    const loaded = (await ssoApplication.load(id)).data;
    const idp = (what: string) =>
      `${mock.url}/v1/auth/saml/idp/${what}?projectId=${projectId}&ssoAppId=${id}`;
    expect(loaded).toMatchObject({ id, name: 'HR', enabled: true, appType: 'saml' });
    expect(loaded?.oidcSettings).toEqual(EMPTY_OIDC);
    expect(loaded?.wsfedSettings).toEqual(EMPTY_WSFED);
    expect(loaded?.samlSettings).toEqual({
      ...EMPTY_SAML,
      ...settings,
      idpMetadataUrl: idp('metadata'),
      idpEntityId: idp('metadata'),
      idpSsoUrl: idp('sso'),
      idpInitiatedUrl: idp('initiated'),
      idpLogoutUrl: idp('logout'),
    });

    const update = {
      id,
      name: 'HR 2',
      loginPageUrl: '',
      useMetadataInfo: true,
      metadataUrl: 'https://hr.example.com/md',
    };
    expect((await ssoApplication.updateSamlApplication(update)).ok).toBe(true);
    const updated = (await ssoApplication.load(id)).data;
    expect(updated?.samlSettings).toMatchObject({
      useMetadataInfo: true,
      metadataUrl: 'https://hr.example.com/md',
    });
    expect(updated?.samlSettings).toMatchObject({
      entityId: '',
      attributeMapping: [],
      acsAllowedCallbacks: [],
    });

    expect((await ssoApplication.delete(id)).ok).toBe(true);
    expectRefused(await ssoApplication.load(id), 400, 'E011004');
  });

  it('WS-Fed: realm and reply URL echoed, then replaced, then gone', async () => {
    const { projectId, sdk } = await appProject(mock);
    const { ssoApplication } = sdk.management;
    const fields = {
      id: 'intranet',
      name: 'Intranet',
      loginPageUrl: 'https://intranet.example.com/login',
      realm: 'urn:intranet',
      replyUrl: 'https://intranet.example.com/reply',
      logoutRedirectUrl: 'https://intranet.example.com/bye',
      errorRedirectUrl: 'https://intranet.example.com/error',
    };
    expect((await ssoApplication.createWsFedApplication(fields)).data).toEqual({ id: 'intranet' });
    const loaded = (await ssoApplication.load('intranet')).data;
    const { id: _, name: __, ...settings } = fields;
    expect(loaded).toMatchObject({ appType: 'wsfed', enabled: true, samlSettings: EMPTY_SAML });
    expect(loaded?.wsfedSettings).toMatchObject(settings);
    expect(loaded?.wsfedSettings?.idpSsoUrl).toBe(
      `${mock.url}/v1/auth/wsfed/idp/sso?projectId=${projectId}&ssoAppId=intranet`,
    );

    const update = {
      id: 'intranet',
      name: 'Intranet 2',
      loginPageUrl: '',
      realm: 'urn:intranet2',
      replyUrl: 'https://x.example.com',
    };
    expect((await ssoApplication.updateWsFedApplication(update)).ok).toBe(true);
    expect((await ssoApplication.load('intranet')).data?.wsfedSettings).toMatchObject({
      realm: 'urn:intranet2',
      replyUrl: 'https://x.example.com',
      logoutRedirectUrl: '',
    });
    expect((await ssoApplication.delete('intranet')).ok).toBe(true);
    expect((await ssoApplication.loadAll()).data?.map((app) => app.id)).toEqual(['descope-default-oidc']);
  });
});
