import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';

const mock = useMock();
const sdk = mock.sdk();
const outbound = () => sdk.management.outboundApplication;

const secretHashOf = (appId: string) =>
  (
    mock.app.services.store.db
      .prepare('SELECT secret_hash AS hash FROM outbound_apps WHERE app_id = ?')
      .get(appId) as { hash: string } | undefined
  )?.hash;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('management.outboundApplication create / load / update / delete', () => {
  it('creates, loads, replaces and deletes an app; the secret is kept as a hash and reads back ""', async () => {
    const created = await outbound().createApplication({
      name: 'CRM',
      description: 'the CRM',
      clientId: 'crm-client',
      clientSecret: 'crm-secret',
      authorizationUrl: 'https://crm.example.com/authorize',
      authorizationUrlParams: [{ key: 'audience', value: 'api' }],
      tokenUrl: 'https://crm.example.com/token',
      defaultScopes: ['read', 'write'],
      pkce: true,
      accessType: 'offline',
      prompt: ['consent'],
    });
    expect(created.ok).toBe(true);
    const app = created.data!;
    expect(app).toEqual({
      id: expect.stringMatching(/^OA/),
      name: 'CRM',
      description: 'the CRM',
      clientId: 'crm-client',
      logo: '',
      discoveryUrl: '',
      authorizationUrl: 'https://crm.example.com/authorize',
      authorizationUrlParams: [{ key: 'audience', value: 'api' }],
      tokenUrl: 'https://crm.example.com/token',
      tokenUrlParams: [],
      revocationUrl: '',
      defaultScopes: ['read', 'write'],
      defaultRedirectUrl: '',
      callbackDomain: '',
      pkce: true,
      accessType: 'offline',
      prompt: ['consent'],
      clientSecret: '',
      appType: '',
      useDcr: false,
      dcrUrl: '',
      tenantId: '',
    });
    expect(secretHashOf(app.id)).toBe(sha256('crm-secret'));
    expect((await outbound().loadApplication(app.id)).data).toEqual(app);
    expect((await outbound().loadAllApplications()).data!.map((a) => a.id)).toContain(app.id);

    // A full replace: what is left out goes back to its default; a secret left out is kept. (`tenantId` is in
    // the spec's app and the SDK sends it, though the SDK's type leaves it out.)
    const replacement = { id: app.id, name: 'CRM 2', tenantId: 'T2Acme' };
    const updated = await outbound().updateApplication(replacement);
    expect(updated.data).toEqual({
      ...app,
      name: 'CRM 2',
      description: '',
      clientId: '',
      authorizationUrl: '',
      authorizationUrlParams: [],
      tokenUrl: '',
      defaultScopes: [],
      pkce: false,
      accessType: '',
      prompt: [],
      tenantId: 'T2Acme',
    });
    expect((await outbound().loadApplication(app.id)).data).toEqual(updated.data);
    expect(secretHashOf(app.id)).toBe(sha256('crm-secret'));
    await outbound().updateApplication({ id: app.id, name: 'CRM 3', clientSecret: 'rotated' });
    expect(secretHashOf(app.id)).toBe(sha256('rotated'));

    expect((await outbound().deleteApplication(app.id)).ok).toBe(true);
    expectRefused(await outbound().loadApplication(app.id), 400, 'E011004');
    expectRefused(await outbound().deleteApplication(app.id), 400, 'E011004');
  });

  it('keeps a given ID and refuses it twice', async () => {
    const app = (await outbound().createApplication({ id: 'my-crm', name: 'Mine' })).data!;
    expect(app.id).toBe('my-crm');
    expectRefused(await outbound().createApplication({ id: 'my-crm', name: 'Again' }), 400, 'E011004');
  });

  it('creates by template: the template fills the app, overrides and the request win', async () => {
    const result = await outbound().createApplicationByTemplate({
      templateId: 'google',
      id: 'google-drive',
      clientId: 'g-client',
      clientSecret: 'g-secret',
      tenantId: 'T2Globex',
      overrides: { name: 'Drive', defaultScopes: ['https://www.googleapis.com/auth/drive'] },
    });
    expect(result.data).toMatchObject({
      id: 'google-drive',
      name: 'Drive',
      clientId: 'g-client',
      tenantId: 'T2Globex',
      authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      defaultScopes: ['https://www.googleapis.com/auth/drive'],
      pkce: true,
      clientSecret: '',
    });
    expect(secretHashOf('google-drive')).toBe(sha256('g-secret'));
    for (const templateId of ['github', 'slack', 'microsoft']) {
      const made = await outbound().createApplicationByTemplate({ templateId });
      expect(made.data!.tokenUrl).toMatch(/^https:\/\//);
    }
  });

  it('refuses what the API refuses, writing nothing', async () => {
    const before = (await outbound().loadAllApplications()).data!.length;
    expectRefused(await outbound().createApplication({ name: '' }), 400, 'E011002');
    const unknownTenant = { name: 'x', tenantId: 'T2Nope' };
    expectRefused(await outbound().createApplication(unknownTenant), 400, 'E011004');
    expectRefused(await outbound().createApplication({ name: 'x', id: 'bad id!' }), 400, 'E011004');
    const badPrompt = await mock.http('POST', '/v1/mgmt/outbound/app/create', {
      body: { name: 'x', prompt: ['always'] },
    });
    expectRefused(badPrompt, 400, 'E011004');
    const badAccess = await mock.http('POST', '/v1/mgmt/outbound/app/create', {
      body: { name: 'x', accessType: 'forever' },
    });
    expectRefused(badAccess, 400, 'E011004');
    const longSecret = await outbound().createApplication({ name: 'x', clientSecret: 'é'.repeat(2049) });
    expectRefused(longSecret, 400, 'E011004');
    expectRefused(await outbound().createApplicationByTemplate({ templateId: 'nope' }), 400, 'E011004');
    expectRefused(await outbound().createApplicationByTemplate({ templateId: '' }), 400, 'E011002');
    expect((await outbound().loadAllApplications()).data!.length).toBe(before);

    expectRefused(await outbound().updateApplication({ id: 'OA2Nobody', name: 'x' }), 400, 'E011004');
    expectRefused(await outbound().updateApplication({ id: '', name: 'x' }), 400, 'E011002');
    const wrongType = await mock.http('POST', '/v1/mgmt/outbound/app/create', { body: { name: 5 } });
    expectRefused(wrongType, 400, 'E011001');
  });
});
