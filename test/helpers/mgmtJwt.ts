import type { NewProjectInput } from '../../src/fixtures/schema.js';
import type { Sdk, TestMock } from './mock.js';
import { SESSION_FIXTURE, sessionProject } from './session.js';

/**
 * The session fixture plus impersonators: one holding the built-in Tenant Admin role (and with it the
 * built-in Impersonate permission) project-wide, one holding it in tenant Acme only, and users in no tenant.
 */
export const MGMT_JWT_FIXTURE = {
  ...SESSION_FIXTURE,
  users: [
    ...SESSION_FIXTURE.users,
    {
      loginId: 'support@example.com',
      userId: 'U2Support0000000000000000000',
      status: 'enabled',
      roleNames: ['Tenant Admin'],
    },
    {
      loginId: 'acme-admin@example.com',
      userId: 'U2AcmeAdmin00000000000000000',
      status: 'enabled',
      userTenants: [{ tenantId: 'T2Acme', roleNames: ['Tenant Admin'] }],
    },
    { loginId: 'carl@example.com', userId: 'U2Carl0000000000000000000000', status: 'enabled' },
  ],
} satisfies NewProjectInput;

export const SUPPORT_ID = 'U2Support0000000000000000000';
export const ACME_ADMIN_ID = 'U2AcmeAdmin00000000000000000';
export const CARL_ID = 'U2Carl0000000000000000000000';

/** A new project seeded with MGMT_JWT_FIXTURE, its credentials and the SDK with its management key. */
export async function mgmtJwtProject(
  mock: TestMock,
): Promise<{ projectId: string; managementKey: string; sdk: Sdk; auth: string }> {
  const { projectId, managementKey } = await sessionProject(mock, MGMT_JWT_FIXTURE);
  return {
    projectId,
    managementKey,
    sdk: mock.sdk({ projectId, managementKey }),
    auth: `Bearer ${projectId}:${managementKey}`,
  };
}
