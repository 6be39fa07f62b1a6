import DescopeClient from '@descope/node-sdk';
import type { NewProjectInput } from '../../../src/fixtures/schema.js';
import type { TestMock } from '../../helpers/mock.js';
import { SESSION_FIXTURE, sessionProject } from '../../helpers/session.js';

/** The session fixture's users, plus users with passwords, for the password and TOTP tests. */
export const PASSWORD = 'Correct-horse-1';
export const PASSWORD_FIXTURE = {
  ...SESSION_FIXTURE,
  users: [
    ...SESSION_FIXTURE.users,
    { loginId: 'pat@example.com', email: 'pat@example.com', status: 'enabled', cleartextPassword: PASSWORD },
    {
      loginId: 'quinn@example.com',
      email: 'quinn@example.com',
      status: 'invited',
      cleartextPassword: PASSWORD,
    },
    { loginId: 'nomail', status: 'enabled', cleartextPassword: PASSWORD },
    { loginId: 'dora@example.com', status: 'disabled', cleartextPassword: PASSWORD },
  ],
} satisfies NewProjectInput;

/** A new project of the running mock: its credentials, a public SDK client and one with the management key. */
export async function passwordProject(mock: TestMock, fixture: NewProjectInput = PASSWORD_FIXTURE) {
  const credentials = await sessionProject(mock, fixture);
  const { projectId } = credentials;
  return {
    ...credentials,
    /** What a client sends: `Bearer <projectId>`. */
    auth: `Bearer ${projectId}`,
    sdk: DescopeClient({ projectId, baseUrl: mock.url }),
    admin: DescopeClient({ ...credentials, baseUrl: mock.url }),
  };
}

export type OutboxMessage = {
  kind: string;
  loginId: string;
  token: string;
  deliveryMethod: string;
  expiresMs: number;
  consumed: boolean;
  payload: Record<string, unknown>;
};

export async function outbox(mock: TestMock, projectId: string): Promise<OutboxMessage[]> {
  return (await mock.control('GET', `/_mock/projects/${projectId}/outbox`)).body.messages;
}
