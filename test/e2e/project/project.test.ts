import { describe, expect, it } from 'vitest';
import { expectRefused, OTHER_PROJECT, TEST_PROJECT, useMock } from '../../helpers/mock.js';

const mock = useMock();

/** A fresh project of the mock (made through the control plane), and the SDK on its key. */
async function newProject(document: Record<string, unknown> = {}) {
  const created = await mock.control('POST', '/_mock/projects', document);
  expect(created.status).toBe(201);
  const credentials = created.body as { projectId: string; managementKey: string };
  return { ...credentials, sdk: mock.sdk(credentials) };
}

const CONFIGURED = {
  name: 'Configured',
  permissions: [{ name: 'read' }],
  roles: [
    { name: 'Reader', permissionNames: ['read'] },
    { name: 'Acme reader', tenantId: 'T2Acme', permissionNames: ['read'] },
  ],
  tenants: [{ id: 'T2Acme', name: 'Acme' }],
  customAttributes: [{ name: 'team', type: 'text' }],
  users: [{ loginId: 'ada@example.com', roleNames: ['Reader'], userTenants: [{ tenantId: 'T2Acme' }] }],
  accessKeys: [{ name: 'ci', secret: 'K2SecretOfTheCiKey00000000000' }],
  sessionTokenTtl: 1200,
};

describe('management.project.updateName / updateTags / listProjects', () => {
  it('renames the project and stores its tags, which listProjects shows', async () => {
    const { projectId, sdk } = await newProject({ name: 'Before' });
    expect((await sdk.management.project.updateName('After')).ok).toBe(true);
    expect((await sdk.management.project.updateTags(['blue', 'green'])).ok).toBe(true);
    const listed = await sdk.management.project.listProjects();
    expect(listed.ok).toBe(true);
    expect(listed.data).toContainEqual({
      id: projectId,
      name: 'After',
      environment: '',
      tags: ['blue', 'green'],
    });
    const raw = await mock.http('POST', '/v1/mgmt/projects/list', { body: {} });
    expect(raw.body.projects).toContainEqual({
      id: projectId,
      name: 'After',
      environment: '',
      tags: ['blue', 'green'],
      tag: 'blue',
    });
  });

  it('lists every project the mock hosts, whichever key asks', async () => {
    const ids = (data: { id: string }[] | undefined) => (data ?? []).map((project) => project.id);
    const fromTest = await mock.sdk().management.project.listProjects();
    const fromOther = await mock.sdk(OTHER_PROJECT).management.project.listProjects();
    expect(ids(fromTest.data)).toEqual(
      expect.arrayContaining([TEST_PROJECT.projectId, OTHER_PROJECT.projectId]),
    );
    expect(ids(fromOther.data)).toEqual(ids(fromTest.data));
  });

  it('refuses an empty name', async () => {
    expectRefused(await mock.sdk().management.project.updateName(''), 400, 'E011002');
  });
});

describe('management.project.delete', () => {
  it('deletes the project and everything in it: its key then gets 401', async () => {
    const { projectId, managementKey, sdk } = await newProject(CONFIGURED);
    expect((await sdk.management.project.delete()).ok).toBe(true);
    expectRefused(await sdk.management.role.loadAll(), 401, 'E011003');
    const rows = mock.app.services.store.db
      .prepare('SELECT count(*) AS n FROM users WHERE project_id = ?')
      .get(projectId) as { n: number };
    expect(rows.n).toBe(0);
    const listed = await mock.sdk().management.project.listProjects();
    expect((listed.data ?? []).map((project) => project.id)).not.toContain(projectId);
    expect(managementKey).toBeTruthy();
  });

  it("refuses the mock's default project, whose key the mock prints", async () => {
    const { projectId, managementKey } = mock.app.services.config;
    const sdk = mock.sdk({ projectId, managementKey });
    expectRefused(await sdk.management.project.delete(), 400, 'E011004');
    expect((await sdk.management.role.loadAll()).ok).toBe(true);
  });
});

describe('management.project.clone', () => {
  it('makes a new project with its own key and the configuration, but no users, tenants or access keys', async () => {
    const source = await newProject(CONFIGURED);
    await source.sdk.management.project.updateTags(['team-a']);
    const cloned = await source.sdk.management.project.clone('Copy', 'production', ['copy']);
    expect(cloned.ok).toBe(true);
    expect(cloned.data).toEqual({
      projectId: expect.stringMatching(/^P2/),
      projectName: 'Copy',
      environment: 'production',
      tags: ['copy'],
      tag: 'copy',
    });
    const newId = cloned.data!.projectId;
    expect(newId).not.toBe(source.projectId);

    // The new project's key, from the control plane.
    const snapshot = await mock.control('GET', `/_mock/projects/${newId}/snapshot`);
    const [managementKey] = snapshot.body.managementKeys as string[];
    expect(managementKey).not.toBe(source.managementKey);
    const copy = mock.sdk({ projectId: newId, managementKey: managementKey as string });

    const roles = await copy.management.role.loadAll();
    expect(roles.ok).toBe(true);
    const names = roles.data!.map((role) => role.name);
    expect(names).toContain('Reader');
    expect(names).not.toContain('Acme reader');
    expect((await copy.management.tenant.loadAll()).data).toEqual([]);
    expect((await copy.management.user.search({})).data?.users).toEqual([]);
    expect((await copy.management.accessKey.searchAll()).data).toEqual([]);
    expect(snapshot.body.customAttributes).toHaveLength(1);
    expect(snapshot.body.sessionTokenTtl).toBe(1200);
    expect(snapshot.body.signingKey).toBeUndefined();
    expect((await copy.management.flow.list()).data).toEqual((await source.sdk.management.flow.list()).data);

    const listed = await copy.management.project.listProjects();
    expect(listed.data).toContainEqual({
      id: newId,
      name: 'Copy',
      environment: 'production',
      tags: ['copy'],
    });
    // The source is untouched.
    expect((await source.sdk.management.user.search({})).data?.users).toHaveLength(1);
  });

  it('refuses a missing name and an unknown environment', async () => {
    const { sdk } = await newProject();
    expectRefused(await sdk.management.project.clone(''), 400, 'E011002');
    expectRefused(await sdk.management.project.clone('Copy', 'staging' as 'production'), 400, 'E011004');
  });
});
