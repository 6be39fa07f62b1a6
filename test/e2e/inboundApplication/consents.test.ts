import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';

const mock = useMock({ fixtures: 'none' });

const ADA = 'U2ConsentAda000000000000000';
const BOB = 'U2ConsentBob000000000000000';
/** A project whose inbound apps and consents come from the fixture format (through the control plane). */
const PROJECT = {
  tenants: [
    { id: 'T2Acme', name: 'Acme' },
    { id: 'T2Globex', name: 'Globex' },
  ],
  users: [
    { loginId: 'ada@example.com', userId: ADA },
    { loginId: 'bob@example.com', userId: BOB },
  ],
  inboundApplications: [
    { id: 'TP2Partner', clientId: 'CI2Partner', name: 'Partner', secret: 'partner-secret' },
    { id: 'TP2Other', name: 'Other', permissionsScopes: [{ name: 'read' }] },
  ],
  consents: [
    {
      id: 'CS2AdaPartner',
      appId: 'TP2Partner',
      userId: ADA,
      scopes: ['read'],
      grantedBy: ADA,
      createdTime: 1000,
    },
    { id: 'CS2BobPartner', appId: 'TP2Partner', userId: BOB, tenantId: 'T2Acme', scopes: ['read', 'write'] },
    { id: 'CS2AdaOther', appId: 'TP2Other', userId: ADA, tenantId: 'T2Globex' },
    { id: 'CS2Acme', appId: 'TP2Other', tenantId: 'T2Acme', scopes: ['admin'] },
  ],
};

async function newProject(project: unknown = PROJECT) {
  const created = await mock.control('POST', '/_mock/projects', project);
  expect(created.status).toBe(201);
  const credentials = created.body as { projectId: string; managementKey: string };
  const sdk = mock.sdk(credentials);
  const ids = async (options?: Parameters<typeof sdk.management.inboundApplication.searchConsents>[0]) =>
    (await sdk.management.inboundApplication.searchConsents(options)).data!.map((consent) => consent.id);
  return { ...credentials, sdk, inbound: sdk.management.inboundApplication, ids };
}

describe('consents', () => {
  it('seeds apps (with their secret) and consents the SDK finds, with every filter and paging', async () => {
    const { inbound, ids } = await newProject();
    expect((await inbound.getApplicationSecret('TP2Partner')).data).toEqual({ cleartext: 'partner-secret' });
    expect((await inbound.loadApplication('TP2Other')).data!.permissionsScopes).toEqual([
      { name: 'read', description: '', values: [], optional: false },
    ]);
    const all = (await inbound.searchConsents()).data!;
    expect(all[0]).toEqual({
      id: 'CS2AdaPartner',
      appId: 'TP2Partner',
      userId: ADA,
      tenantId: '',
      scopes: ['read'],
      grantedBy: ADA,
      createdTime: 1000,
      modifiedTime: 1000,
    });
    expect(all.map((consent) => consent.id)).toEqual([
      'CS2AdaPartner',
      'CS2BobPartner',
      'CS2AdaOther',
      'CS2Acme',
    ]);
    expect(await ids({ appId: 'TP2Partner' })).toEqual(['CS2AdaPartner', 'CS2BobPartner']);
    expect(await ids({ userId: ADA })).toEqual(['CS2AdaPartner', 'CS2AdaOther']);
    expect(await ids({ userId: ADA, appId: 'TP2Other' })).toEqual(['CS2AdaOther']);
    expect(await ids({ consentId: 'CS2Acme' })).toEqual(['CS2Acme']);
    expect(await ids({ appId: 'TP2Nobody' })).toEqual([]);
  });

  it('pages with page and limit, counting every match in total', async () => {
    const { projectId, managementKey } = await newProject();
    const search = (body: object) =>
      mock.http('POST', '/v1/mgmt/thirdparty/consents/search', {
        body,
        auth: `Bearer ${projectId}:${managementKey}`,
      });
    const page = await search({ tenantId: 'T2Acme', page: 1, limit: 1 });
    expect(page.body).toEqual({ consents: [expect.objectContaining({ id: 'CS2Acme' })], total: 2 });
    expect((await search({ page: 5, limit: 10 })).body).toEqual({ consents: [], total: 4 });
  });

  it('deletes by every filter given (AND); an empty filter deletes nothing', async () => {
    const { inbound, ids } = await newProject();
    await inbound.deleteConsents({});
    expect(await ids()).toHaveLength(4);
    await inbound.deleteConsents({ appId: 'TP2Partner', userIds: [ADA, 'U2Nobody'] });
    expect(await ids()).toEqual(['CS2BobPartner', 'CS2AdaOther', 'CS2Acme']);
    await inbound.deleteConsents({ consentIds: ['CS2AdaOther'] });
    expect(await ids()).toEqual(['CS2BobPartner', 'CS2Acme']);
    // The tenant variant touches only consents given in a tenant.
    await inbound.deleteTenantConsents({ appId: 'TP2Other' });
    expect(await ids()).toEqual(['CS2BobPartner']);
    await inbound.deleteTenantConsents({});
    expect(await ids()).toEqual(['CS2BobPartner']);
    await inbound.deleteTenantConsents({ tenantId: 'T2Acme' });
    expect(await ids()).toEqual([]);
  });

  it('a user, tenant or app delete takes its consents', async () => {
    const { sdk, inbound, ids } = await newProject();
    await sdk.management.user.delete(ADA);
    expect(await ids()).toEqual(['CS2BobPartner', 'CS2Acme']);
    await sdk.management.tenant.delete('T2Acme');
    expect(await ids()).toEqual([]);
    const again = await newProject();
    await again.inbound.deleteApplication('TP2Partner');
    expect(await again.ids()).toEqual(['CS2AdaOther', 'CS2Acme']);
    expectRefused(await inbound.loadApplication('TP2Nobody'), 400, 'E011004');
  });

  it('refuses a fixture whose consents name what does not exist', async () => {
    const refused = async (consent: object, path: string) => {
      const answer = await mock.control('POST', '/_mock/projects', { ...PROJECT, consents: [consent] });
      expect(answer.status).toBe(400);
      expect(answer.body.errorMessage).toContain(path);
    };
    await refused({ appId: 'TP2Nope', userId: ADA }, 'consents[0].appId');
    await refused({ appId: 'TP2Partner', userId: 'U2Nobody' }, 'consents[0].userId');
    await refused({ appId: 'TP2Partner', userId: ADA, tenantId: 'T2Nope' }, 'consents[0].tenantId');
    await refused({ appId: 'TP2Partner' }, 'consents[0]');
    const duplicate = await mock.control('POST', '/_mock/projects', {
      ...PROJECT,
      inboundApplications: [
        { id: 'TP2A', clientId: 'CI2Same', name: 'A' },
        { id: 'TP2B', clientId: 'CI2Same', name: 'B' },
      ],
      consents: [],
    });
    expect(duplicate.body.errorMessage).toContain('inboundApplications[1]');
  });

  it('a snapshot carries apps with their secret and consents; a restore gives them back', async () => {
    const { projectId, managementKey, inbound } = await newProject();
    const rotate = await mock.http('POST', '/v1/mgmt/thirdparty/app/rotate', {
      body: { id: 'TP2Partner' },
      auth: `Bearer ${projectId}:${managementKey}`,
    });
    const rotated = rotate.body.cleartext as string;
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    expect(snapshot.inboundApplications[0].secret).toBe(rotated);
    expect(snapshot.consents).toHaveLength(4);
    await inbound.deleteApplicationBatch(['TP2Partner', 'TP2Other']);
    expect((await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot)).status).toBe(200);
    expect((await inbound.getApplicationSecret('TP2Partner')).data!.cleartext).toBe(rotated);
    expect((await inbound.searchConsents()).data).toHaveLength(4);
    expect((await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body).toEqual(snapshot);
  });
});
