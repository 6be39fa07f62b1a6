import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useMock } from '../helpers/mock.js';

const DEMO = new URL('../../fixtures/demo.json', import.meta.url).pathname;
const DEFAULT = { projectId: 'P2MockProject000000000000000', managementKey: 'K2MockManagementKey000000000' };
const demo = JSON.parse(readFileSync(DEMO, 'utf8'));

const mock = useMock({ fixtures: DEMO });

describe('fixtures/demo.json', () => {
  it('seeds the default project, reachable with the default key alone', () => {
    expect(demo.projects.map((project: any) => project.projectId)).toEqual([DEFAULT.projectId]);
  });

  it('holds about ten users in every status, a test user, email and phone logins, and pictures', async () => {
    const sdk = mock.sdk(DEFAULT);
    const users = [];
    for (const { loginId } of demo.projects[0].users) {
      const loaded = await sdk.management.user.load(loginId);
      expect(loaded.ok, loginId).toBe(true);
      users.push(loaded.data!);
    }
    expect(users.length).toBeGreaterThanOrEqual(10);
    expect(new Set(users.map((user) => user.status))).toEqual(
      new Set(['enabled', 'disabled', 'invited', 'expired']),
    );
    expect(users.filter((user) => user.test)).toHaveLength(1);
    expect(users.some((user) => user.loginIds?.[0]?.startsWith('+'))).toBe(true);
    expect(users.some((user) => user.loginIds?.[0]?.includes('@'))).toBe(true);
    expect(users.filter((user) => user.picture?.startsWith('https://')).length).toBeGreaterThan(5);
    // Pinned IDs keep a demo the same after a restart.
    expect(users.map((user) => user.userId)).toEqual(demo.projects[0].users.map((user: any) => user.userId));
  });

  it('has tenants with a parent, project and tenant-scoped roles, and attributes of several types', async () => {
    const project = demo.projects[0];
    expect(project.tenants.length).toBeGreaterThanOrEqual(3);
    expect(project.tenants.some((tenant: any) => tenant.parent)).toBe(true);
    expect(project.roles.some((role: any) => role.tenantId)).toBe(true);
    expect(project.roles.some((role: any) => !role.tenantId)).toBe(true);
    expect(new Set(project.customAttributes.map((attribute: any) => attribute.type)).size).toBe(6);

    const maya = await mock.sdk(DEFAULT).management.user.load('maya.patel@northwind.example');
    expect(maya.data?.userTenants).toEqual([
      expect.objectContaining({
        tenantName: 'Northwind Analytics',
        roleNames: ['Tenant Admin', 'Support Agent'],
      }),
    ]);
    expect(maya.data?.customAttributes).toMatchObject({ department: 'operations', employeeNumber: 1001 });
  });
});
