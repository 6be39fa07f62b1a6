import DescopeClient from '@descope/node-sdk';
import { describe, expect, it } from 'vitest';
import { useMock } from '../../helpers/mock.js';

/** Management keys, engines, descopers and IdP groups are project state: in snapshots, gone with the project. */
const mock = useMock({ fixtures: 'none' });

const FIXTURE = {
  tenants: [{ id: 'T2Acme', name: 'Acme' }],
  users: [{ loginId: 'ada@example.com', userId: 'U2Ada', name: 'Ada' }],
  groups: [
    { tenantId: 'T2Acme', id: 'G2Eng', display: 'Engineering', members: [{ loginId: 'ada@example.com' }] },
  ],
};

const TABLES = ['management_keys', 'engines', 'descopers', 'idp_groups', 'idp_group_members'];

describe('a snapshot round trip', () => {
  it('restores keys made through the SDK (still authenticating), engines, descopers and groups', async () => {
    const created = (await mock.control('POST', '/_mock/projects', FIXTURE)).body;
    const { projectId } = created;
    const { management } = mock.sdk(created);
    const key = (await management.managementKey.create('CI', {}, 'kept', 3600)).data!;
    const keyClient = DescopeClient({ projectId, managementKey: key.cleartext, baseUrl: mock.url });
    const engine = (await management.engine.create('Search')).data!;
    await management.descoper.create([{ loginId: 'dev@example.com', rbac: { isCompanyAdmin: true } }]);
    const state = async () => ({
      keys: (await management.managementKey.search()).data,
      engines: (await management.engine.loadAll()).data,
      descopers: (await management.descoper.list()).data,
      groups: (await management.group.loadAllGroups('T2Acme')).data,
    });
    const before = await state();
    expect(before.keys).toHaveLength(2);
    expect(before.groups).toHaveLength(1);

    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    expect(JSON.stringify(snapshot)).not.toContain(key.cleartext);
    expect(JSON.stringify(snapshot)).not.toContain(engine.secret);

    await management.managementKey.delete([key.key.id]);
    await management.engine.delete(engine.id);
    expect((await keyClient.management.tenant.loadAll()).code).toBe(401);

    const restored = await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot);
    expect(restored.status).toBe(200);
    expect(await state()).toEqual(before);
    expect((await keyClient.management.tenant.loadAll()).ok).toBe(true);
    expect((await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body).toEqual(snapshot);

    // Deleting the project takes all of it along.
    await mock.control('DELETE', `/_mock/projects/${projectId}`);
    const { db } = mock.app.services.store;
    for (const table of TABLES) {
      expect(
        db.prepare(`SELECT COUNT(*) FROM ${table} WHERE project_id = ?`).pluck().get(projectId),
        table,
      ).toBe(0);
    }
    expect((await keyClient.management.tenant.loadAll()).code).toBe(401);
  });
});
