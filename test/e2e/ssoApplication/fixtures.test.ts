import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { appProject, loadedSsoAppIds } from './project.js';

/**
 * SSO applications in fixtures (`ssoApplications`, seeded with the API's rules) and snapshots (every app,
 * the default one and the client secrets included), and gone with their project.
 */
const mock = useMock();

const FIXTURE = {
  ssoApplications: [
    {
      id: 'crm',
      appType: 'oidc',
      name: 'CRM',
      loginPageUrl: 'https://crm.example.com',
      secret: 'crm-secret',
    },
    { id: 'hr', appType: 'saml', name: 'HR', entityId: 'hr-sp', enabled: false },
    { appType: 'wsfed', name: 'Intranet', realm: 'urn:intranet' },
    { id: 'descope-default-oidc', appType: 'oidc', name: 'Our default', forceAuthentication: true },
  ],
  users: [{ loginId: 'ada@example.com', ssoAppIds: ['crm', 'hr'] }],
};

describe('SSO applications in fixtures', () => {
  it('are seeded as a create makes them, the default one replaced, before the users that name them', async () => {
    const { sdk } = await appProject(mock, FIXTURE);
    const { ssoApplication } = sdk.management;
    const apps = (await ssoApplication.loadAll()).data ?? [];
    const generated = apps.find((app) => app.name === 'Intranet');
    expect(generated?.id).toMatch(/^SA/);
    expect(apps.map((app) => app.id)).toEqual(['crm', 'descope-default-oidc', 'hr', generated?.id].sort());
    expect((await ssoApplication.load('crm')).data).toMatchObject({
      enabled: true,
      oidcSettings: { loginPageUrl: 'https://crm.example.com' },
    });
    expect((await ssoApplication.getApplicationSecret('crm')).data?.cleartext).toBe('crm-secret');
    expect((await ssoApplication.load('hr')).data).toMatchObject({
      enabled: false,
      samlSettings: { entityId: 'hr-sp' },
    });
    expect(generated?.wsfedSettings?.realm).toBe('urn:intranet');
    expect((await ssoApplication.load('descope-default-oidc')).data).toMatchObject({
      name: 'Our default',
      oidcSettings: { forceAuthentication: true },
    });
    expect(await loadedSsoAppIds(sdk, 'ada@example.com')).toEqual(['crm', 'hr']);
  });

  it('are refused where the API would refuse them, the error naming the entry', async () => {
    // A shape the schema refuses is E011001 or E011002 (as for a wrong type), a rule of the API E011004.
    const refused = async (fixture: Record<string, unknown>, code = 'E011004') =>
      expectRefused(await mock.control('POST', '/_mock/projects', fixture), 400, code);
    const duplicate = { ssoApplications: [FIXTURE.ssoApplications[0], FIXTURE.ssoApplications[0]] };
    expect((await refused(duplicate)).errorMessage).toContain('ssoApplications[1]');
    const unknownApp = { users: [{ loginId: 'bob@example.com', ssoAppIds: ['nowhere'] }] };
    expect((await refused(unknownApp)).errorMessage).toContain('users[0].ssoAppIds[0]');
    const samlDefault = { ssoApplications: [{ id: 'descope-default-oidc', appType: 'saml', name: 'X' }] };
    expect((await refused(samlDefault)).errorMessage).toContain('ssoApplications[0]');
    const shapes: [Record<string, unknown>, string, string][] = [
      [{ appType: 'oidc' }, 'E011002', 'ssoApplications.0.name'],
      [{ appType: 'cas', name: 'X' }, 'E011001', 'ssoApplications.0.appType'],
      [{ name: 'No type' }, 'E011001', 'ssoApplications.0.appType'],
    ];
    for (const [entry, code, path] of shapes) {
      expect((await refused({ ssoApplications: [entry] }, code)).errorMessage).toContain(path);
    }
  });
});

describe('SSO applications in snapshots', () => {
  it('come back with a restore as they were, secrets and users included', async () => {
    const { projectId, sdk } = await appProject(mock, FIXTURE);
    const { ssoApplication } = sdk.management;
    await ssoApplication.rotateApplicationSecret('crm');
    const before = {
      apps: (await ssoApplication.loadAll()).data,
      crmSecret: (await ssoApplication.getApplicationSecret('crm')).data,
      defaultSecret: (await ssoApplication.getApplicationSecret('descope-default-oidc')).data,
      ada: await loadedSsoAppIds(sdk, 'ada@example.com'),
    };
    expect(before.crmSecret?.cleartext).not.toBe('crm-secret');
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    expect(snapshot.ssoApplications).toHaveLength(4);
    expect(snapshot.ssoApplications.find((app: { id: string }) => app.id === 'crm')).toMatchObject({
      appType: 'oidc',
      secret: before.crmSecret?.cleartext,
    });

    for (const id of ['crm', 'hr']) expect((await ssoApplication.delete(id)).ok).toBe(true);
    await ssoApplication.rotateApplicationSecret('descope-default-oidc');
    expect(await loadedSsoAppIds(sdk, 'ada@example.com')).toEqual([]);

    expect((await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot)).status).toBe(200);
    expect({
      apps: (await ssoApplication.loadAll()).data,
      crmSecret: (await ssoApplication.getApplicationSecret('crm')).data,
      defaultSecret: (await ssoApplication.getApplicationSecret('descope-default-oidc')).data,
      ada: await loadedSsoAppIds(sdk, 'ada@example.com'),
    }).toEqual(before);
    // The same document, key order included.
    const again = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    expect(JSON.stringify(again)).toBe(JSON.stringify(snapshot));
  });

  it('go with their project', async () => {
    const { projectId } = await appProject(mock, FIXTURE);
    const { store } = mock.app.services;
    expect(store.ssoApplications.list(projectId)).toHaveLength(4);
    expect((await mock.control('DELETE', `/_mock/projects/${projectId}`)).status).toBe(200);
    expect(store.ssoApplications.list(projectId)).toEqual([]);
  });
});
