import DescopeClient from '@descope/node-sdk';
import type { NewProjectInput } from '../../../src/fixtures/schema.js';
import type { Sdk, TestMock } from '../../helpers/mock.js';
import { sessionProject } from '../../helpers/session.js';

/** A project for the SSO tests: two tenants, a project role and a role of T2Acme. */
export const SSO_FIXTURE = {
  name: 'SSO',
  roles: [{ name: 'Viewer' }, { name: 'Approver', tenantId: 'T2Acme' }],
  tenants: [
    { id: 'T2Acme', name: 'Acme' },
    { id: 'T2Globex', name: 'Globex' },
  ],
} satisfies NewProjectInput;

export interface SsoProject {
  projectId: string;
  managementKey: string;
  sdk: Sdk;
  /** Raw HTTP with this project's management key. */
  http(method: string, path: string, body?: unknown): ReturnType<TestMock['http']>;
}

/** A fresh project of the running mock (so each test starts from blank SSO settings), with the SDK on it. */
export async function ssoProject(
  mock: TestMock,
  fixture: NewProjectInput = SSO_FIXTURE,
): Promise<SsoProject> {
  const credentials = await sessionProject(mock, fixture);
  const auth = `Bearer ${credentials.projectId}:${credentials.managementKey}`;
  return {
    ...credentials,
    sdk: DescopeClient({ ...credentials, baseUrl: mock.url }),
    http: (method, path, body) => mock.http(method, path, { auth, body }),
  };
}
