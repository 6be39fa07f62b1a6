import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/routes/registry.js';
import { OTHER_PROJECT, TEST_PROJECT, useMock } from '../helpers/mock.js';

/**
 * Isolation: every emulated route, called with another project's key and naming this project's user,
 * tenant and role, answers nothing of this project and changes nothing in it.
 */
const ADA = { loginId: 'ada@example.com', userId: 'U2Ada0000000000000000000000' };
/** What project A holds and a probe never sends, so an echo of the request cannot be mistaken for a leak. */
const NEVER_SENT = ['Ada Lovelace', 'Read Reports'];

const mock = useMock();

/** Bodies that name project A's objects under every key a route might read them from. */
function probes(): { body: Record<string, unknown>; query: Record<string, string>; secrets: string[] }[] {
  const common = {
    tenantId: 'T2Acme',
    tenantIds: ['T2Acme'],
    id: 'T2Acme',
    ids: ['T2Acme'],
    roleNames: ['Approver'],
  };
  const byLoginId = {
    loginId: ADA.loginId,
    identifier: ADA.loginId,
    loginIds: [ADA.loginId],
    identifiers: [ADA.loginId],
    text: 'ada',
  };
  const byUserId = { userId: ADA.userId, userIds: [ADA.userId] };
  return [
    {
      body: { ...common, ...byLoginId },
      query: { loginId: ADA.loginId, id: 'T2Acme' },
      secrets: [ADA.userId, ...NEVER_SENT],
    },
    {
      body: { ...common, ...byUserId },
      query: { userId: ADA.userId, id: 'T2Acme' },
      secrets: [ADA.loginId, ...NEVER_SENT],
    },
  ];
}

describe("a project's key opens nothing of another project", () => {
  it('no route leaks or changes project A through project B', async () => {
    const before = await mock.sdk().management.user.load(ADA.loginId);
    expect(before.ok).toBe(true);
    const other = `Bearer ${OTHER_PROJECT.projectId}:${OTHER_PROJECT.managementKey}`;
    for (const { method, path } of OPERATIONS) {
      for (const { body, query, secrets } of probes()) {
        const bodyless = method === 'GET' || method === 'DELETE';
        const url = bodyless ? `${path}?${new URLSearchParams(query)}` : path;
        const payload = bodyless
          ? undefined
          : path.endsWith('/history')
            ? (body.userIds ?? [body.loginId])
            : body;
        const response = await mock.http(method, url, { body: payload, auth: other });
        const text = JSON.stringify(response.body);
        // Project B's own audit trail records the IDs B's own probes sent: there, only A's data that no
        // probe sends counts, and every record must be B's.
        const ownTrail = path === '/v1/mgmt/audit/search';
        for (const secret of ownTrail ? NEVER_SENT : secrets) {
          expect(text, `${method} ${path}`).not.toContain(secret);
        }
        for (const audit of ownTrail ? response.body.audits : []) {
          expect(audit.projectId).toBe(OTHER_PROJECT.projectId);
        }
      }
    }
    const after = await mock.sdk().management.user.load(ADA.loginId);
    expect(after.data).toEqual(before.data);
  });

  it("project A's key cannot address project B's ID", async () => {
    const forged = `Bearer ${OTHER_PROJECT.projectId}:${TEST_PROJECT.managementKey}`;
    const response = await mock.http('GET', `/v1/mgmt/user?loginId=other%40example.com`, { auth: forged });
    expect(response.status).toBe(401);
  });
});
