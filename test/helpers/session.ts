import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { NewProjectInput } from '../../src/fixtures/schema.js';
import type { TestMock } from './mock.js';

/** Users with project roles, tenant roles and none, for the session tests. */
export const SESSION_FIXTURE = {
  name: 'Sessions',
  permissions: [{ name: 'Read Reports' }, { name: 'Approve Invoices' }],
  roles: [
    { name: 'Viewer', permissionNames: ['Read Reports'] },
    { name: 'Auditor' },
    { name: 'Approver', tenantId: 'T2Acme', permissionNames: ['Approve Invoices'] },
  ],
  tenants: [
    { id: 'T2Acme', name: 'Acme' },
    { id: 'T2Globex', name: 'Globex' },
  ],
  users: [
    {
      loginId: 'ada@example.com',
      userId: 'U2Ada0000000000000000000000',
      email: 'ada@example.com',
      status: 'enabled',
      roleNames: ['Viewer', 'Auditor'],
      userTenants: [{ tenantId: 'T2Acme', roleNames: ['Approver'] }, { tenantId: 'T2Globex' }],
    },
    { loginId: 'bob@example.com', userId: 'U2Bob0000000000000000000000', status: 'invited' },
    { loginId: 'eve@example.com', status: 'disabled' },
  ],
} satisfies NewProjectInput;

export const ADA_ID = 'U2Ada0000000000000000000000';

/** A new project of the running mock, seeded with `fixture`: its credentials. */
export async function sessionProject(
  mock: TestMock,
  fixture: NewProjectInput = SESSION_FIXTURE,
): Promise<{ projectId: string; managementKey: string }> {
  const created = await mock.control('POST', '/_mock/projects', fixture);
  if (created.status !== 201) throw new Error(`createProject: ${JSON.stringify(created.body)}`);
  return created.body;
}

/** `POST /_mock/projects/:projectId/sessions`, raw. */
export const mint = (mock: TestMock, projectId: string, body: Record<string, unknown>) =>
  mock.control('POST', `/_mock/projects/${projectId}/sessions`, body);

/** A token's header and claims, unverified (the claims loosely typed: tests compare them whole). */
export const decoded = (jwt: string) => ({
  header: decodeProtectedHeader(jwt),
  claims: decodeJwt(jwt) as Record<string, any>,
});
