import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_ID } from '../../../src/config.js';
import { expectRefused, TEST_PROJECT, useMock } from '../../helpers/mock.js';

const mock = useMock();

describe('POST /_mock/projects', () => {
  it('creates a bare project with a fresh P2 ID and key that the SDK can use at once', async () => {
    const created = await mock.control('POST', '/_mock/projects', {});
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(['managementKey', 'projectId']);
    expect(created.body.projectId).toMatch(/^P2[A-Za-z0-9]{26}$/);
    expect(created.body.managementKey).toMatch(/^K2[A-Za-z0-9]+$/);

    const sdk = mock.sdk(created.body);
    const made = await sdk.management.user.create('new@example.com', { displayName: 'New' });
    expect(made.ok).toBe(true);
    const loaded = await sdk.management.user.load('new@example.com');
    expect(loaded.data?.name).toBe('New');
    // Like every new Descope project, it has the built-in role.
    const listed = await mock.control('GET', '/_mock/projects');
    const entry = listed.body.projects.find(
      (p: { projectId: string }) => p.projectId === created.body.projectId,
    );
    expect(entry).toMatchObject({ users: 1, tenants: 0, roles: 1, permissions: 3, default: false });
  });

  it('seeds the project from a body in the fixture format, keeping a pinned user ID and creation time', async () => {
    const created = await mock.control('POST', '/_mock/projects', {
      name: 'Seeded',
      tenants: [{ id: 'T2Seed', name: 'Seed Co' }],
      roles: [{ name: 'Reader' }],
      users: [
        {
          loginId: 'seed@example.com',
          userId: 'U2Seed00000000000000000000',
          createdTime: 1_700_000_000,
          roleNames: ['Reader'],
          userTenants: [{ tenantId: 'T2Seed' }],
        },
      ],
    });
    expect(created.status).toBe(201);
    const loaded = await mock.sdk(created.body).management.user.load('seed@example.com');
    expect(loaded.data).toMatchObject({
      userId: 'U2Seed00000000000000000000',
      createdTime: 1_700_000_000,
      roleNames: ['Reader'],
      userTenants: [expect.objectContaining({ tenantId: 'T2Seed', tenantName: 'Seed Co' })],
    });
  });

  it('takes a given project ID and key', async () => {
    const created = await mock.control('POST', '/_mock/projects', {
      projectId: 'P2Chosen000000000000000000000',
      managementKeys: ['K2Chosen'],
    });
    expect(created.body).toEqual({ projectId: 'P2Chosen000000000000000000000', managementKey: 'K2Chosen' });
    const again = await mock.control('POST', '/_mock/projects', {
      projectId: 'P2Chosen000000000000000000000',
    });
    expectRefused(again, 400, 'E011004');
  });

  it('refuses a fixture with a broken reference, naming it, and creates nothing', async () => {
    const before = (await mock.control('GET', '/_mock/projects')).body.projects.length;
    const refused = await mock.control('POST', '/_mock/projects', {
      users: [{ loginId: 'x@example.com', roleNames: ['No Such Role'] }],
    });
    expect(expectRefused(refused, 400, 'E011004').errorMessage).toContain('users[0].roleNames[0]');
    expect((await mock.control('GET', '/_mock/projects')).body.projects.length).toBe(before);
  });

  it('answers a wrong type with the Descope error body', async () => {
    const refused = await mock.control('POST', '/_mock/projects', { users: 'nope' });
    expectRefused(refused, 400, 'E011001');
  });
});

describe('GET /_mock/projects', () => {
  it('lists every project with its counts, the default one marked', async () => {
    const { status, body } = await mock.control('GET', '/_mock/projects');
    expect(status).toBe(200);
    const test = body.projects.find((p: { projectId: string }) => p.projectId === TEST_PROJECT.projectId);
    expect(test).toEqual({
      projectId: TEST_PROJECT.projectId,
      name: 'Test',
      createdTime: expect.any(Number),
      users: 1,
      tenants: 2,
      roles: 4,
      permissions: 4,
      customAttributes: 6,
      accessKeys: 0,
      outbox: 0,
      default: false,
      managementKey: TEST_PROJECT.managementKey,
    });
    const defaults = body.projects.filter((p: { default: boolean }) => p.default);
    expect(defaults.map((p: { projectId: string }) => p.projectId)).toEqual([DEFAULT_PROJECT_ID]);
  });
});

describe('DELETE /_mock/projects/:projectId', () => {
  it('removes a project and everything in it: its key opens nothing any more', async () => {
    const created = await mock.control('POST', '/_mock/projects', {
      users: [{ loginId: 'gone@example.com' }],
    });
    const sdk = mock.sdk(created.body);
    expect((await sdk.management.user.load('gone@example.com')).ok).toBe(true);

    const deleted = await mock.control('DELETE', `/_mock/projects/${created.body.projectId}`);
    expect(deleted).toMatchObject({ status: 200, body: {} });
    const listed = (await mock.control('GET', '/_mock/projects')).body.projects;
    expect(listed.map((p: { projectId: string }) => p.projectId)).not.toContain(created.body.projectId);
    const refused = await sdk.management.user.load('gone@example.com');
    expect(refused.code).toBe(401);
  });

  it('answers 404 for an unknown project', async () => {
    const missing = await mock.control('DELETE', '/_mock/projects/P2Nope');
    expectRefused(missing, 404, 'E000404');
  });

  it('refuses the default project (reset it instead) and keeps it', async () => {
    const refused = await mock.control('DELETE', `/_mock/projects/${DEFAULT_PROJECT_ID}`);
    expectRefused(refused, 400, 'E011004');
    const listed = (await mock.control('GET', '/_mock/projects')).body.projects;
    expect(listed.map((p: { projectId: string }) => p.projectId)).toContain(DEFAULT_PROJECT_ID);
  });
});
