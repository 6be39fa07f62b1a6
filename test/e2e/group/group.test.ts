import { beforeAll, describe, expect, it } from 'vitest';
import type { NewProjectInput } from '../../../src/fixtures/schema.js';
import { expectRefused, type Sdk, useMock } from '../../helpers/mock.js';

/** IdP groups, seeded by a fixture (SCIM and SSO do not run offline), read through the three SDK calls. */
const FIXTURE = {
  tenants: [
    { id: 'T2Acme', name: 'Acme' },
    { id: 'T2Globex', name: 'Globex' },
  ],
  users: [
    { loginId: 'ada@example.com', userId: 'U2Ada', name: 'Ada Lovelace' },
    { loginId: 'bob@example.com', userId: 'U2Bob', name: 'Bob' },
  ],
  groups: [
    {
      tenantId: 'T2Acme',
      id: 'G2Eng',
      display: 'Engineering',
      source: 'scim',
      members: [{ loginId: 'ada@example.com' }, { loginId: 'bob@example.com', display: 'Bobby' }],
    },
    { tenantId: 'T2Acme', id: 'G2Ops', display: 'Ops', members: [{ loginId: 'bob@example.com' }] },
    { tenantId: 'T2Globex', id: 'G2Sales', display: 'Sales', source: 'jit', members: [] },
  ],
} satisfies NewProjectInput;

const ADA = { loginId: 'ada@example.com', userId: 'U2Ada', display: 'Ada Lovelace' };
const BOBBY = { loginId: 'bob@example.com', userId: 'U2Bob', display: 'Bobby' };
const BOB = { ...BOBBY, display: 'Bob' };
const ENG = { id: 'G2Eng', display: 'Engineering', members: [ADA, BOBBY], source: 'scim' };
const OPS = { id: 'G2Ops', display: 'Ops', members: [BOB] };

const mock = useMock({ fixtures: 'none' });
let sdk: Sdk;
let projectId: string;
let managementKey: string;

beforeAll(async () => {
  const created = await mock.control('POST', '/_mock/projects', FIXTURE);
  ({ projectId, managementKey } = created.body);
  sdk = mock.sdk(created.body);
});

describe('management.group', () => {
  it("loadAllGroups answers a tenant's groups as a bare array", async () => {
    const groups = await sdk.management.group.loadAllGroups('T2Acme');
    expect(groups.data).toEqual([ENG, OPS]);
    const raw = await mock.http('POST', '/v1/mgmt/group/all', {
      body: { tenantId: 'T2Globex' },
      auth: `Bearer ${projectId}:${managementKey}`,
    });
    expect(raw.body).toEqual([{ id: 'G2Sales', display: 'Sales', members: [], source: 'jit' }]);
  });

  it('loadAllGroupsForMember answers the groups holding any user named, by user ID or login ID', async () => {
    expect((await sdk.management.group.loadAllGroupsForMember('T2Acme', ['U2Ada'], [])).data).toEqual([ENG]);
    const byLogin = await sdk.management.group.loadAllGroupsForMember('T2Acme', [], ['BOB@example.com']);
    expect(byLogin.data).toEqual([ENG, OPS]);
    expect((await sdk.management.group.loadAllGroupsForMember('T2Globex', ['U2Ada'], [])).data).toEqual([]);
  });

  it('loadAllGroupMembers answers the one group with its members', async () => {
    expect((await sdk.management.group.loadAllGroupMembers('T2Acme', 'G2Ops')).data).toEqual([OPS]);
  });

  it('refuses a missing or unknown tenant or group, and a member call naming nobody', async () => {
    const { group } = sdk.management;
    expectRefused(await group.loadAllGroups(''), 400, 'E011002');
    expectRefused(await group.loadAllGroups('T2Nope'), 400, 'E011004');
    expectRefused(await group.loadAllGroupMembers('T2Acme', ''), 400, 'E011002');
    expectRefused(await group.loadAllGroupMembers('T2Acme', 'G2Sales'), 400, 'E011004');
    expectRefused(await group.loadAllGroupsForMember('T2Acme', [], []), 400, 'E011002');
  });

  it('drops a deleted user from its groups, and a deleted tenant takes its groups along', async () => {
    await sdk.management.user.delete('ada@example.com');
    expect((await sdk.management.group.loadAllGroupMembers('T2Acme', 'G2Eng')).data).toEqual([
      { ...ENG, members: [BOBBY] },
    ]);
    await sdk.management.tenant.delete('T2Globex');
    expectRefused(await sdk.management.group.loadAllGroups('T2Globex'), 400, 'E011004');
    const left = mock.app.services.store.db
      .prepare('SELECT COUNT(*) FROM idp_groups WHERE project_id = ? AND tenant_id = ?')
      .pluck()
      .get(projectId, 'T2Globex');
    expect(left).toBe(0);
  });

  it('refuses a fixture whose group names an unknown tenant or user, naming the path', async () => {
    const badUser = await mock.control('POST', '/_mock/projects', {
      ...FIXTURE,
      groups: [{ tenantId: 'T2Acme', id: 'G2X', members: [{ loginId: 'nobody@example.com' }] }],
    });
    expect(badUser.status).toBe(400);
    expect(JSON.stringify(badUser.body)).toContain('groups[0].members[0].loginId');
    const badTenant = await mock.control('POST', '/_mock/projects', {
      ...FIXTURE,
      groups: [{ tenantId: 'T2Nope', id: 'G2X' }],
    });
    expect(JSON.stringify(badTenant.body)).toContain('groups[0].tenantId');
  });
});
