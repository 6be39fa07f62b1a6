import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';

const mock = useMock({ fixtures: 'none' });

const ADA = 'U2AppsAda000000000000000000';
const BOB = 'U2AppsBob000000000000000000';
/** A project whose outbound apps and tokens come from the fixture format (through the control plane). */
const PROJECT = {
  tenants: [
    { id: 'T2Acme', name: 'Acme' },
    { id: 'T2Globex', name: 'Globex' },
  ],
  users: [
    { loginId: 'ada@example.com', userId: ADA, userTenants: [{ tenantId: 'T2Acme' }] },
    { loginId: 'bob@example.com', userId: BOB },
  ],
  outboundApplications: [
    { id: 'crm', name: 'CRM', clientSecret: 'crm-secret', defaultScopes: ['read'] },
    { id: 'wiki', name: 'Wiki' },
  ],
  outboundTokens: [
    {
      appId: 'crm',
      userId: ADA,
      accessToken: 'ada-crm',
      refreshToken: 'ada-rt',
      scopes: ['read'],
      createdTime: 1,
    },
    { appId: 'crm', userId: ADA, tenantId: 'T2Acme', accessToken: 'ada-crm-acme' },
    { appId: 'wiki', userId: BOB, accessToken: 'bob-wiki', accessTokenExpiry: 4_000_000_000 },
    { appId: 'crm', tenantId: 'T2Acme', accessToken: 'acme-crm' },
    { appId: 'wiki', tenantId: 'T2Globex', accessToken: 'globex-wiki' },
  ],
};

async function newProject(project: unknown = PROJECT) {
  const created = await mock.control('POST', '/_mock/projects', project);
  expect(created.status).toBe(201);
  const credentials = created.body as { projectId: string; managementKey: string };
  return {
    ...credentials,
    outbound: mock.sdk(credentials).management.outboundApplication,
    sdk: mock.sdk(credentials),
  };
}

describe('outbound applications and tokens in fixtures', () => {
  it('seeds apps and tokens that the SDK loads and fetches', async () => {
    const { outbound } = await newProject();
    expect((await outbound.loadAllApplications()).data!.map((app) => app.id)).toEqual(['crm', 'wiki']);
    expect((await outbound.loadApplication('crm')).data).toMatchObject({
      defaultScopes: ['read'],
      clientSecret: '',
    });
    const token = (await outbound.fetchTokenByScopes('crm', ADA, ['read'], { withRefreshToken: true })).data!;
    expect(token).toMatchObject({ accessToken: 'ada-crm', refreshToken: 'ada-rt', accessTokenExpiry: '0' });
    expect((await outbound.fetchToken('crm', ADA, 'T2Acme')).data!.accessToken).toBe('ada-crm-acme');
    expect((await outbound.fetchToken('wiki', BOB)).data!.accessTokenExpiry).toBe('4000000000');
    expect((await outbound.fetchTenantToken('crm', 'T2Acme')).data!.accessToken).toBe('acme-crm');
    expect((await outbound.fetchTenantToken('wiki', 'T2Globex')).data!.accessToken).toBe('globex-wiki');
  });

  it('refuses a fixture the API would refuse, naming the path', async () => {
    const refused = async (patch: object, path: string) => {
      const answer = await mock.control('POST', '/_mock/projects', { ...PROJECT, ...patch });
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain(path);
    };
    await refused(
      { outboundTokens: [{ appId: 'nope', userId: ADA, accessToken: 'x' }] },
      'outboundTokens[0]',
    );
    await refused(
      { outboundTokens: [{ appId: 'crm', userId: 'U2Nobody', accessToken: 'x' }] },
      'outboundTokens[0]',
    );
    await refused({ outboundTokens: [{ appId: 'crm', userId: ADA }] }, 'outboundTokens[0]');
    await refused(
      { outboundTokens: [{ appId: 'crm', tenantId: 'T2Nope', accessToken: 'x' }] },
      'outboundTokens[0]',
    );
    await refused(
      {
        outboundTokens: [
          { appId: 'crm', userId: ADA, accessToken: 'x' },
          { appId: 'crm', userId: ADA, accessToken: 'y' },
        ],
      },
      'outboundTokens[1]',
    );
    // The schema names a path with dots, the seed (the API's checks) with brackets.
    await refused({ outboundApplications: [{ id: 'crm', name: '' }] }, 'outboundApplications.0.name');
    await refused(
      { outboundApplications: [{ id: 'crm', name: 'x', tenantId: 'T2Nope' }] },
      'outboundApplications[0]',
    );
    await refused(
      { outboundApplications: [{ id: 'crm', name: 'x', clientSecret: 'x'.repeat(4097) }] },
      'outboundApplications.0.clientSecret',
    );
  });
});

describe('what deletes take with them', () => {
  it("a user delete takes the user's tokens, a tenant delete the tenant's, an app delete the app's", async () => {
    const { projectId, outbound, sdk } = await newProject();
    await sdk.management.user.delete(ADA);
    expectRefused(await outbound.fetchToken('crm', ADA), 400, 'E011004');
    expectRefused(await outbound.fetchToken('crm', ADA, 'T2Acme'), 400, 'E011004');
    expect((await outbound.fetchTenantToken('crm', 'T2Acme')).ok).toBe(true);

    await outbound.updateApplication({ id: 'crm', name: 'CRM', tenantId: 'T2Acme' } as {
      id: string;
      name: string;
    });
    await sdk.management.tenant.delete('T2Acme');
    expectRefused(await outbound.fetchTenantToken('crm', 'T2Acme'), 400, 'E011004');
    // The app outlives its tenant, which it no longer names (so a snapshot of the project restores).
    expect((await outbound.loadApplication('crm')).data).toMatchObject({ tenantId: '' });
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    expect((await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot)).status).toBe(200);
    expect((await outbound.fetchToken('wiki', BOB)).ok).toBe(true);

    await outbound.deleteApplication('wiki');
    expectRefused(await outbound.fetchToken('wiki', BOB), 400, 'E011004');
    expect((await outbound.listAppsWithUserToken(BOB)).data).toEqual([]);
    const rows = mock.app.services.store.db.prepare(
      'SELECT count(*) AS n FROM outbound_tokens WHERE project_id = ? AND app_id = ?',
    );
    expect(rows.get(projectId, 'wiki')).toEqual({ n: 0 });
  });

  it('a project delete takes its apps and tokens', async () => {
    const { projectId } = await newProject();
    expect((await mock.control('DELETE', `/_mock/projects/${projectId}`)).status).toBe(200);
    const count = (table: string) =>
      mock.app.services.store.db
        .prepare(`SELECT count(*) AS n FROM ${table} WHERE project_id = ?`)
        .get(projectId);
    expect(count('outbound_apps')).toEqual({ n: 0 });
    expect(count('outbound_tokens')).toEqual({ n: 0 });
  });
});

describe('snapshots', () => {
  it('a snapshot carries apps (the secret as its hash) and tokens; a restore gives them back', async () => {
    const { projectId, outbound } = await newProject();
    await outbound.uploadUserToken({
      appId: 'wiki',
      userId: ADA,
      refreshToken: 'uploaded',
      scopes: ['edit'],
    });
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    expect(JSON.stringify(snapshot)).not.toContain('crm-secret');
    expect(snapshot.outboundApplications[0].clientSecretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshot.outboundTokens).toHaveLength(6);

    await outbound.deleteApplication('crm');
    await outbound.deleteApplication('wiki');
    const restored = await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot);
    expect(restored.status).toBe(200);
    const token = (await outbound.fetchTokenByScopes('wiki', ADA, ['edit'], { withRefreshToken: true }))
      .data!;
    expect(token.refreshToken).toBe('uploaded');
    expect((await outbound.fetchTenantToken('crm', 'T2Acme')).data!.accessToken).toBe('acme-crm');
    expect((await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body).toEqual(snapshot);
  });
});
