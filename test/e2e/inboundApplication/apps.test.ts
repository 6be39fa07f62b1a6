import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';

const mock = useMock();
const sdk = mock.sdk();
const inbound = () => sdk.management.inboundApplication;

const READ_SCOPE = { name: 'read', description: 'Read things' };

describe('management.inboundApplication create / load / update / patch / delete', () => {
  it('creates, loads (by ID and client ID), replaces, patches and deletes an app', async () => {
    const created = await inbound().createApplication({
      name: 'Partner',
      description: 'A partner app',
      loginPageUrl: 'https://partner.example.com/login',
      approvedCallbackUrls: ['https://partner.example.com/cb'],
      permissionsScopes: [READ_SCOPE],
      attributesScopes: [{ name: 'email', description: 'Email', values: ['email'], optional: true }],
    });
    expect(created.ok).toBe(true);
    const { id, clientId, cleartext } = created.data!;
    expect(id).toMatch(/^TP/);
    expect(clientId).not.toBe(id);
    expect(cleartext.length).toBeGreaterThanOrEqual(32);

    const app = (await inbound().loadApplication(id)).data!;
    expect(app).toEqual({
      id,
      clientId,
      name: 'Partner',
      description: 'A partner app',
      logo: '',
      loginPageUrl: 'https://partner.example.com/login',
      approvedCallbackUrls: ['https://partner.example.com/cb'],
      permissionsScopes: [{ ...READ_SCOPE, values: [], optional: false }],
      attributesScopes: [{ name: 'email', description: 'Email', values: ['email'], optional: true }],
      connectionsScopes: [],
      dynamic: false,
      status: 'active',
      audienceWhitelist: [],
      defaultAudience: '',
      nonConfidentialClient: false,
      forceAddAllAuthorizationInfo: false,
      customAttributes: {},
      allowedTenants: [],
    });
    const byClientId = await mock.http('GET', `/v1/mgmt/thirdparty/app/load?clientId=${clientId}`);
    expect(byClientId.body).toEqual(app);
    expect((await inbound().loadAllApplications()).data).toEqual([app]);

    // update replaces: what is left out goes back to its default.
    expect((await inbound().updateApplication({ id, name: 'Partner 2', permissionsScopes: [] })).ok).toBe(
      true,
    );
    const replaced = (await inbound().loadApplication(id)).data!;
    expect(replaced).toEqual({
      ...app,
      name: 'Partner 2',
      description: '',
      loginPageUrl: '',
      approvedCallbackUrls: [],
      permissionsScopes: [],
      attributesScopes: [],
    });

    // patch changes only what it names.
    expect(
      (await inbound().patchApplication({ id, description: 'patched', logo: 'https://x/logo.png' })).ok,
    ).toBe(true);
    expect((await inbound().loadApplication(id)).data).toEqual({
      ...replaced,
      description: 'patched',
      logo: 'https://x/logo.png',
    });

    expect((await inbound().deleteApplication(id)).ok).toBe(true);
    expectRefused(await inbound().loadApplication(id), 400, 'E011004');
    expectRefused(await inbound().deleteApplication(id), 400, 'E011004');
  });

  it('answers the secret, and a rotation replaces it', async () => {
    const { id, cleartext } = (
      await inbound().createApplication({ name: 'Secretive', permissionsScopes: [] })
    ).data!;
    expect((await inbound().getApplicationSecret(id)).data).toEqual({ cleartext });
    const rotated = await inbound().rotateApplicationSecret(id);
    expect(rotated.ok).toBe(true);
    const fresh = (await inbound().getApplicationSecret(id)).data!.cleartext;
    expect(fresh).not.toBe(cleartext);
    const rawRotate = await mock.http('POST', '/v1/mgmt/thirdparty/app/rotate', { body: { id } });
    expect(rawRotate.body.cleartext).not.toBe(fresh);
    expect((await inbound().getApplicationSecret(id)).data!.cleartext).toBe(rawRotate.body.cleartext);
    expectRefused(await inbound().getApplicationSecret('TP2Nobody'), 400, 'E011004');
    expectRefused(await inbound().rotateApplicationSecret(''), 400, 'E011002');
  });

  it('deletes a batch all or none', async () => {
    const make = async (name: string) =>
      (await inbound().createApplication({ name, permissionsScopes: [] })).data!.id;
    const [a, b] = [await make('A'), await make('B')];
    expectRefused(await inbound().deleteApplicationBatch([a, 'TP2Nobody']), 400, 'E011004');
    expect((await inbound().loadApplication(a)).ok).toBe(true);
    expect((await inbound().deleteApplicationBatch([a, b])).ok).toBe(true);
    expectRefused(await inbound().loadApplication(b), 400, 'E011004');
    expectRefused(await inbound().deleteApplicationBatch([]), 400, 'E011002');
  });

  it('refuses what the API refuses', async () => {
    expectRefused(await inbound().createApplication({ name: '', permissionsScopes: [] }), 400, 'E011002');
    expectRefused(
      await inbound().createApplication({ name: 'x', permissionsScopes: [{ name: '', description: '' }] }),
      400,
      'E011002',
    );
    expectRefused(
      await inbound().createApplication({ name: 'x', loginPageUrl: 'not a url', permissionsScopes: [] }),
      400,
      'E011004',
    );
    const { id } = (await inbound().createApplication({ name: 'Kept', permissionsScopes: [] })).data!;
    expectRefused(await inbound().patchApplication({ id, name: '' }), 400, 'E011002');
    expectRefused(await inbound().updateApplication({ id, name: '', permissionsScopes: [] }), 400, 'E011002');
    expectRefused(await inbound().patchApplication({ id: 'TP2Nobody', name: 'x' }), 400, 'E011004');
    expect((await inbound().loadApplication(id)).data!.name).toBe('Kept');
    expectRefused(await mock.http('GET', '/v1/mgmt/thirdparty/app/load'), 400, 'E011002');
    expectRefused(await mock.http('GET', '/v1/mgmt/thirdparty/app/load?clientId=nope'), 400, 'E011004');
    const paged = await mock.http('GET', '/v1/mgmt/thirdparty/apps/load?page=0&limit=1');
    expect(paged.body.apps).toHaveLength(1);
    expect(paged.body.total).toBeGreaterThan(1);
  });
});
