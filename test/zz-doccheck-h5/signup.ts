// test/signup.test.ts
import DescopeClient from '@descope/node-sdk';
import { ControlClient } from 'descope-mock';
import { beforeEach, expect, inject, it } from 'vitest';

const mock = new ControlClient(inject('descopeMockUrl'));
let descope: ReturnType<typeof DescopeClient>;
let projectId: string;

beforeEach(async () => {
  // A fresh, isolated project for every test; seed it with whatever the test needs.
  const project = await mock.createProject({ roles: [{ name: 'Viewer' }] });
  projectId = project.projectId;
  descope = DescopeClient({ ...project, baseUrl: mock.url });
});

it('creates the user with the role', async () => {
  const created = await descope.management.user.create('ada@example.com', { roles: ['Viewer'] });
  expect(created.ok).toBe(true);
  const calls = await mock.requests({ projectId, path: '/v1/mgmt/user/create' });
  expect(calls).toHaveLength(1);
});

it('copes with rate limiting', async () => {
  await mock.addFault({ projectId, path: '/v1/mgmt/user/*', status: 429, retryAfter: 2, times: 1 });
  const limited = await descope.management.user.create('bob@example.com');
  expect(limited).toMatchObject({ ok: false, code: 429, error: { retryAfter: 2 } });
});
