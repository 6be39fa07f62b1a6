import DescopeClient from '@descope/node-sdk';
import type { NewProjectInput } from '../../src/fixtures/schema.js';
import type { TestMock } from './mock.js';
import { sessionProject } from './session.js';

/** Users for the sign-in method tests: enabled with an email, invited, disabled, a phone user. */
export const SIGN_IN_FIXTURE = {
  name: 'Sign-in',
  tenants: [{ id: 'T2Acme', name: 'Acme' }],
  users: [
    {
      loginId: 'ada@example.com',
      userId: 'U2Ada0000000000000000000000',
      email: 'ada@example.com',
      status: 'enabled',
      userTenants: [{ tenantId: 'T2Acme' }],
    },
    { loginId: 'bob@example.com', status: 'invited' },
    { loginId: 'eve@example.com', email: 'eve@example.com', status: 'disabled' },
    { loginId: '+15555550100', phone: '+15555550100', status: 'enabled' },
  ],
} satisfies NewProjectInput;

/** A fresh project of the sign-in fixture: its credentials, a management client and a public one. */
export async function signInProject(mock: TestMock) {
  const credentials = await sessionProject(mock, SIGN_IN_FIXTURE);
  const { projectId } = credentials;
  return {
    projectId,
    management: DescopeClient({ ...credentials, baseUrl: mock.url }).management,
    /** The client an application's backend builds without a management key: the public auth calls. */
    client: DescopeClient({ projectId, baseUrl: mock.url }),
    auth: `Bearer ${projectId}`,
  };
}

export interface OutboxEntry {
  id: number;
  kind: string;
  loginId: string;
  userId: string;
  deliveryMethod: string;
  token: string;
  consumed: boolean;
  payload: Record<string, any>;
}

/** The project's outbox, through the control plane. */
export async function outbox(mock: TestMock, projectId: string): Promise<OutboxEntry[]> {
  const { status, body } = await mock.control('GET', `/_mock/projects/${projectId}/outbox`);
  if (status !== 200) throw new Error(`outbox: ${JSON.stringify(body)}`);
  return body.messages;
}

/** The newest message of a kind (for a login ID, if given). */
export async function lastSent(
  mock: TestMock,
  projectId: string,
  kind: string,
  loginId?: string,
): Promise<OutboxEntry> {
  const messages = (await outbox(mock, projectId)).filter(
    (message) => message.kind === kind && (loginId === undefined || message.loginId === loginId),
  );
  const last = messages.at(-1);
  if (!last) throw new Error(`no ${kind} message${loginId ? ` for ${loginId}` : ''} in the outbox`);
  return last;
}
