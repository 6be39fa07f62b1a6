import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';

const mock = useMock();

async function newProject(document: Record<string, unknown> = {}) {
  const created = await mock.control('POST', '/_mock/projects', document);
  expect(created.status).toBe(201);
  const credentials = created.body as { projectId: string; managementKey: string };
  return { ...credentials, sdk: mock.sdk(credentials) };
}

const CONFIGURED = {
  name: 'Snap',
  tags: ['a'],
  permissions: [{ name: 'read' }],
  roles: [{ name: 'Reader', permissionNames: ['read'] }],
  tenants: [{ id: 'T2Acme', name: 'Acme' }],
  users: [{ loginId: 'ada@example.com', roleNames: ['Reader'], userTenants: [{ tenantId: 'T2Acme' }] }],
  lists: [{ name: 'blocked', type: 'texts', data: ['x'] }],
};

/** A file a real Descope export holds that the mock does not read. */
const FOREIGN = {
  'connectors/http.json': { id: 'CI1', type: 'http', config: { url: 'https://x.test', n: [1, 2] } },
};

describe('management.project.exportSnapshot / export', () => {
  it('answers the configuration as files in a fixed layout, without users or keys', async () => {
    const { sdk } = await newProject(CONFIGURED);
    const exported = await sdk.management.project.exportSnapshot();
    expect(exported.ok).toBe(true);
    const { files } = exported.data as { files: Record<string, any> };
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'project.json',
        'permissions.json',
        'roles.json',
        'attributes.json',
        'lists.json',
        'tenants/T2Acme.json',
        'flows/sign-up-or-in.json',
        'themes/theme.json',
      ]),
    );
    expect(files['project.json']).toEqual({ name: 'Snap', tags: ['a'] });
    expect(files['roles.json'].roles.map((role: { name: string }) => role.name)).toContain('Reader');
    expect(files['tenants/T2Acme.json']).toMatchObject({ id: 'T2Acme', name: 'Acme' });
    expect(JSON.stringify(files)).not.toContain('ada@example.com');
    expect(JSON.stringify(files)).not.toContain('managementKeys');
    // export() answers the files alone, the same.
    expect((await sdk.management.project.export()).data).toEqual(files);
  });
});

describe('management.project.importSnapshot / import', () => {
  it('export → import → export keeps every file, unknown ones verbatim', async () => {
    const source = await newProject(CONFIGURED);
    const target = await newProject({ name: 'Target' });
    const files = { ...(await source.sdk.management.project.export()).data!, ...FOREIGN };
    expect((await target.sdk.management.project.import(files)).ok).toBe(true);
    const again = (await target.sdk.management.project.export()).data!;
    expect(again).toEqual(files);
    expect(Object.keys(again)).toEqual(Object.keys((await target.sdk.management.project.export()).data!));
    // The target took the configuration: the role and tenant exist, its own users stay.
    expect((await target.sdk.management.role.loadAll()).data!.map((role) => role.name)).toContain('Reader');
    expect((await target.sdk.management.tenant.load('T2Acme')).ok).toBe(true);
  });

  it("replaces the configuration and keeps the project's users", async () => {
    const { sdk } = await newProject(CONFIGURED);
    const files = (await sdk.management.project.export()).data! as Record<string, any>;
    const renamed = { ...files, 'project.json': { ...files['project.json'], name: 'Imported' } };
    expect((await sdk.management.project.importSnapshot({ files: renamed })).ok).toBe(true);
    expect((await sdk.management.user.search({})).data?.users).toHaveLength(1);
    const exported = (await sdk.management.project.export()).data! as Record<string, any>;
    expect(exported['project.json'].name).toBe('Imported');
  });

  it('refuses an invalid import with E113007 and changes nothing', async () => {
    const { sdk } = await newProject(CONFIGURED);
    const before = (await sdk.management.project.export()).data!;
    const badRole = { ...before, 'roles.json': { roles: [{ name: 'Bad', permissionNames: ['nope'] }] } };
    const refused = expectRefused(await sdk.management.project.import(badRole), 400, 'E113007');
    expect(refused.errorMessage).toContain('nope');
    expectRefused(await sdk.management.project.import({ ...before, 'project.json': 'text' }), 400, 'E113007');
    // A role the project's users hold, gone: the users cannot keep it.
    const noRoles = { ...before, 'roles.json': { roles: [] } };
    expectRefused(await sdk.management.project.import(noRoles), 400, 'E113007');
    expectRefused(await mock.http('POST', '/v1/mgmt/project/snapshot/import', { body: {} }), 400, 'E011002');
    expect((await sdk.management.project.export()).data).toEqual(before);
  });
});

describe('management.project.validateSnapshot', () => {
  it('answers ok for files that import, and the failures of files that do not, changing nothing', async () => {
    const { sdk } = await newProject(CONFIGURED);
    const files = (await sdk.management.project.export()).data! as Record<string, any>;
    const valid = await sdk.management.project.validateSnapshot({ files: { ...files, ...FOREIGN } });
    expect(valid.data).toEqual({ ok: true });
    const badRole = { ...files, 'roles.json': { roles: [{ name: 'Bad', permissionNames: ['nope'] }] } };
    const invalid = await sdk.management.project.validateSnapshot({ files: badRole });
    expect(invalid.data).toEqual({ ok: false, failures: [expect.stringContaining('nope')] });
    expect((await sdk.management.project.export()).data).toEqual(files);
  });
});

describe('the control-plane snapshot carries the configuration', () => {
  it('restores tags, flows, theme and kept files', async () => {
    const { projectId, sdk } = await newProject(CONFIGURED);
    await sdk.management.project.import({ ...(await sdk.management.project.export()).data!, ...FOREIGN });
    await sdk.management.flow.import('custom', { id: 'custom', name: 'Custom', dsl: { a: 1 } } as never);
    await sdk.management.theme.import({ id: 'theme', cssTemplate: { dark: true } });
    const before = (await sdk.management.project.export()).data;
    const snapshot = await mock.control('GET', `/_mock/projects/${projectId}/snapshot`);
    await sdk.management.flow.delete(['custom']);
    await sdk.management.project.updateTags([]);
    expect((await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot.body)).status).toBe(
      200,
    );
    expect((await sdk.management.project.export()).data).toEqual(before);
  });
});

describe('an import keeps what the files do not hold', () => {
  it('keeps relations, groups and created management keys, and carries the FGA schema as fga.json', async () => {
    const { sdk, projectId } = await newProject({
      ...CONFIGURED,
      fgaSchema: 'model AuthZ 1.0\ntype user\ntype doc\n  relation owner: user',
      relations: [
        { resource: 'd1', resourceType: 'doc', relation: 'owner', target: 'ada', targetType: 'user' },
      ],
      groups: [{ tenantId: 'T2Acme', id: 'admins', members: [{ loginId: 'ada@example.com' }] }],
    });
    const created = await sdk.management.managementKey.create('ci', {
      projectRoles: [{ projectIds: [projectId], roles: [] }],
    });
    const cleartext = (created.data as { cleartext: string }).cleartext;
    const files = (await sdk.management.project.export()).data as Record<string, any>;
    expect(files['fga.json']).toEqual({ fgaSchema: expect.stringContaining('relation owner: user') });
    expect((await sdk.management.project.import(files)).ok).toBe(true);
    const owner = {
      resource: 'd1',
      resourceType: 'doc',
      relation: 'owner',
      target: 'ada',
      targetType: 'user',
    };
    expect((await sdk.management.fga.check([owner])).data?.[0]?.allowed).toBe(true);
    expect((await sdk.management.group.loadAllGroups('T2Acme')).data?.map((group) => group.id)).toEqual([
      'admins',
    ]);
    const withCreatedKey = mock.sdk({ projectId, managementKey: cleartext });
    expect((await withCreatedKey.management.tenant.loadAll()).ok).toBe(true);
  });

  it('drops what belonged to a tenant the files no longer have, and nothing else', async () => {
    const { sdk } = await newProject({
      ...CONFIGURED,
      tenants: [...CONFIGURED.tenants, { id: 'T2Gone', name: 'Gone' }],
      groups: [
        { tenantId: 'T2Acme', id: 'stays' },
        { tenantId: 'T2Gone', id: 'goes' },
      ],
    });
    const files = (await sdk.management.project.export()).data as Record<string, any>;
    delete files['tenants/T2Gone.json'];
    expect((await sdk.management.project.import(files)).ok).toBe(true);
    expect((await sdk.management.group.loadAllGroups('T2Acme')).data?.map((group) => group.id)).toEqual([
      'stays',
    ]);
    expect((await sdk.management.tenant.load('T2Gone')).ok).toBe(false);
  });
});
