import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { ssoProject } from './ssoProject.js';

/** `management.sso.configureOIDCSettings` and `loadSettings` (descope-mgmt-more.md §2). */
const mock = useMock();

const OIDC = {
  name: 'myProvider',
  clientId: 'iddd',
  clientSecret: 'secret',
  authUrl: 'https://idp.example/auth',
  tokenUrl: 'https://idp.example/token',
  userDataUrl: 'https://idp.example/userInfo',
  scope: ['openid', 'profile', 'email'],
  attributeMapping: { loginId: 'subject', name: 'name', email: 'email', phoneNumber: 'phoneNumber' },
};

describe('OIDC configuration', () => {
  it('configure → load → update → load → delete → load; the client secret reads back ""', async () => {
    const { sdk, http } = await ssoProject(mock);
    const { sso } = sdk.management;
    const configured = await sso.configureOIDCSettings(
      'T2Acme',
      { ...OIDC, roleMappings: [{ roleName: 'Approver', groups: ['ops'] }] },
      ['acme.example'],
    );
    expect(configured.ok).toBe(true);
    expect(configured.data).toEqual({});

    const first = (await sso.loadSettings('T2Acme')).data as any;
    const { attributeMapping, clientSecret, ...plain } = OIDC;
    expect(first.oidc).toMatchObject({ ...plain, clientSecret: '' });
    // The SDK renames the wire's userAttrMapping to attributeMapping.
    expect(first.oidc.attributeMapping).toMatchObject({ ...attributeMapping, givenName: '', picture: '' });
    expect(first.tenant).toMatchObject({ authType: 'oidc', domains: ['acme.example'] });
    const raw = await http('GET', '/v2/mgmt/sso/settings?tenantId=T2Acme');
    expect(raw.body.oidc.userAttrMapping).toMatchObject(attributeMapping);
    expect(raw.body.oidc.clientSecret).toBe('');
    expect(raw.body.oidc.groupsMapping).toEqual([
      { role: { id: expect.stringMatching(/^RO/), name: 'Approver' }, groups: ['ops'] },
    ]);

    // Absent keys stay; "" and [] reset.
    expect(
      (await sso.configureOIDCSettings('T2Acme', { clientId: 'other', scope: [], issuer: '' } as any)).ok,
    ).toBe(true);
    const second = (await sso.loadSettings('T2Acme')).data as any;
    expect(second.oidc).toMatchObject({ name: 'myProvider', clientId: 'other', scope: [], issuer: '' });
    expect(second.tenant.domains).toEqual(['acme.example']);

    expect((await sso.deleteSettings('T2Acme')).ok).toBe(true);
    const deleted = (await sso.loadSettings('T2Acme')).data as any;
    expect(deleted.oidc).toMatchObject({ name: '', clientId: '', authUrl: '', scope: [] });
    expect(deleted.tenant).toMatchObject({ authType: 'none', domains: [] });
  });

  it('makes the tenant an SSO tenant: sso.start finds it by a domain of its email, and not after a delete', async () => {
    const { sdk } = await ssoProject(mock);
    const REDIRECT = 'http://app.test/callback';
    expect(await sdk.sso.start('someone@globex.example', REDIRECT)).toMatchObject({ ok: false });
    expect((await sdk.management.sso.configureOIDCSettings('T2Globex', OIDC, ['globex.example'])).ok).toBe(
      true,
    );
    const started = await sdk.sso.start('someone@globex.example', REDIRECT);
    expect(started.ok).toBe(true);
    expect((started.data as { url: string }).url).toContain('/_mock/idp/');
    expect((await sdk.management.sso.deleteSettings('T2Globex')).ok).toBe(true);
    expectRefused(await sdk.sso.start('T2Globex', REDIRECT), 400, 'E011004');
  });

  it('accepts the load shape groupsMapping (Go SDK), default roles and fgaMappings, and echoes them', async () => {
    const { sdk, http } = await ssoProject(mock);
    const fgaMappings = {
      ops: { relations: [{ resource: 'r1', relationDefinition: 'editor', namespace: 'doc' }] },
    };
    const answer = await http('POST', '/v1/mgmt/sso/oidc', {
      tenantId: 'T2Acme',
      settings: {
        name: 'Go',
        groupsMapping: [{ role: { name: 'Viewer' }, groups: ['all'] }],
        defaultSSORoles: ['Approver'],
        fgaMappings,
      },
    });
    expect(answer).toMatchObject({ status: 200, body: {} });
    const { oidc } = (await sdk.management.sso.loadSettings('T2Acme')).data as any;
    expect(oidc.groupsMapping).toEqual([
      { role: { id: expect.any(String), name: 'Viewer' }, groups: ['all'] },
    ]);
    expect(oidc.defaultSSORoles).toEqual(['Approver']);
    expect(oidc.fgaMappings).toEqual(fgaMappings);
  });

  it('refuses a missing settings (E011002), a wrong type (E011001) and an unknown role (E011004)', async () => {
    const { http } = await ssoProject(mock);
    expectRefused(await http('POST', '/v1/mgmt/sso/oidc', { tenantId: 'T2Acme' }), 400, 'E011002');
    expectRefused(
      await http('POST', '/v1/mgmt/sso/oidc', { tenantId: 'T2Acme', settings: { scope: 'openid' } }),
      400,
      'E011001',
    );
    expectRefused(
      await http('POST', '/v1/mgmt/sso/oidc', {
        tenantId: 'T2Acme',
        settings: { roleMappings: [{ roleName: 'Ghost', groups: [] }] },
      }),
      400,
      'E011004',
    );
  });
});
