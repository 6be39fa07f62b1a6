import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { appProject, loadedSsoAppIds, ssoAppIdsOf } from './project.js';

/**
 * An OIDC application's client secret (`getApplicationSecret`, `rotateApplicationSecret`), and the users
 * whose `ssoAppIds` name an application (descope-mgmt-more.md §3).
 */
const mock = useMock();

describe('the client secret of an OIDC application', () => {
  it('is answered in clear, kept by an update, and replaced by a rotation', async () => {
    const { sdk } = await appProject(mock);
    const { ssoApplication } = sdk.management;
    await ssoApplication.createOidcApplication({ id: 'crm', name: 'CRM', loginPageUrl: '' });
    const first = await ssoApplication.getApplicationSecret('crm');
    expect(first.ok).toBe(true);
    const secret = first.data?.cleartext as string;
    expect(secret).toMatch(/^[A-Za-z0-9]{48}$/);
    expect((await ssoApplication.getApplicationSecret('crm')).data).toEqual({ cleartext: secret });

    await ssoApplication.updateOidcApplication({ id: 'crm', name: 'CRM 2', loginPageUrl: '' });
    expect((await ssoApplication.getApplicationSecret('crm')).data?.cleartext).toBe(secret);

    const rotated = await ssoApplication.rotateApplicationSecret('crm');
    expect(rotated.ok).toBe(true);
    const next = rotated.data?.cleartext as string;
    expect(next).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(next).not.toBe(secret);
    expect((await ssoApplication.getApplicationSecret('crm')).data).toEqual({ cleartext: next });
  });

  it('is one per application, the default one included; a create may bring its own (clientSecret)', async () => {
    const { sdk, projectId, managementKey } = await appProject(mock);
    const { ssoApplication } = sdk.management;
    const auth = `Bearer ${projectId}:${managementKey}`;
    const body = { id: 'imported', name: 'Imported', clientSecret: 'the-secret-we-had' };
    expect((await mock.http('POST', '/v1/mgmt/sso/idp/app/oidc/create', { auth, body })).status).toBe(200);
    expect((await ssoApplication.getApplicationSecret('imported')).data?.cleartext).toBe('the-secret-we-had');
    const defaultSecret = (await ssoApplication.getApplicationSecret('descope-default-oidc')).data?.cleartext;
    expect(defaultSecret).toMatch(/^[A-Za-z0-9]{48}$/);
    const rotated = await ssoApplication.rotateApplicationSecret('descope-default-oidc');
    expect(rotated.data?.cleartext).not.toBe(defaultSecret);
  });

  it('does not exist for SAML and WS-Fed applications, nor for an unknown ID', async () => {
    const { sdk, projectId, managementKey } = await appProject(mock);
    const { ssoApplication } = sdk.management;
    await ssoApplication.createSamlApplication({ id: 'saml', name: 'SAML', loginPageUrl: '' });
    const wsfed = {
      id: 'wsfed',
      name: 'WS',
      loginPageUrl: '',
      realm: 'r',
      replyUrl: 'https://x.example.com',
    };
    await ssoApplication.createWsFedApplication(wsfed);
    for (const id of ['saml', 'wsfed', 'nowhere']) {
      expectRefused(await ssoApplication.getApplicationSecret(id), 400, 'E011004');
      expectRefused(await ssoApplication.rotateApplicationSecret(id), 400, 'E011004');
    }
    const auth = `Bearer ${projectId}:${managementKey}`;
    expectRefused(await mock.http('GET', '/v1/mgmt/sso/idp/app/secret', { auth }), 400, 'E011002');
    expectRefused(await mock.http('POST', '/v1/mgmt/sso/idp/app/rotate', { auth, body: {} }), 400, 'E011002');
  });
});

describe("users' ssoAppIds", () => {
  it('name an application from its create on, and lose it when it is deleted', async () => {
    const { sdk } = await appProject(mock, {
      users: [
        { loginId: 'ada@example.com', ssoAppIds: ['descope-default-oidc'] },
        { loginId: 'bob@example.com' },
      ],
    });
    const { ssoApplication, user } = sdk.management;
    // Read first, so the catalog has remembered that neither app exists.
    expectRefused(await user.addSSOapps('ada@example.com', ['crm']), 400, 'E011004');
    await ssoApplication.createOidcApplication({ id: 'crm', name: 'CRM', loginPageUrl: '' });
    await ssoApplication.createSamlApplication({ id: 'hr', name: 'HR', loginPageUrl: '' });
    expect(ssoAppIdsOf(await user.addSSOapps('ada@example.com', ['crm', 'hr']))).toEqual([
      'descope-default-oidc',
      'crm',
      'hr',
    ]);
    expect((await user.setSSOapps('bob@example.com', ['crm'])).ok).toBe(true);
    const holdingCrm = async () =>
      (await user.search({ ssoAppIds: ['crm'] })).data?.users.map((found) => found.loginIds[0]).sort();
    expect(await holdingCrm()).toEqual(['ada@example.com', 'bob@example.com']);

    expect((await ssoApplication.delete('crm')).ok).toBe(true);
    expect(await loadedSsoAppIds(sdk, 'ada@example.com')).toEqual(['descope-default-oidc', 'hr']);
    expect(await loadedSsoAppIds(sdk, 'bob@example.com')).toEqual([]);
    expect(await holdingCrm()).toEqual([]);
    // The catalog sees the delete: the app can be named no more.
    expectRefused(await user.addSSOapps('bob@example.com', ['crm']), 400, 'E011004');
    expectRefused(
      await user.create('carol@example.com', { email: 'carol@example.com', ssoAppIds: ['crm'] }),
      400,
      'E011004',
    );
  });
});
