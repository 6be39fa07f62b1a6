import DescopeClient from '@descope/node-sdk';
import type { TestMock } from '../../helpers/mock.js';

/** A new project of the running mock (bare, or seeded with `fixture`), with its credentials and SDK. */
export async function appProject(on: TestMock, fixture: Record<string, unknown> = {}) {
  const created = await on.control('POST', '/_mock/projects', fixture);
  if (created.status !== 201) throw new Error(`createProject: ${JSON.stringify(created.body)}`);
  const { projectId, managementKey } = created.body as { projectId: string; managementKey: string };
  return { projectId, managementKey, sdk: DescopeClient({ projectId, managementKey, baseUrl: on.url }) };
}
