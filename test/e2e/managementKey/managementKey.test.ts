import { createHash } from 'node:crypto';
import DescopeClient from '@descope/node-sdk';
import { describe, expect, it } from 'vitest';
import { expectRefused, OTHER_PROJECT, TEST_PROJECT, useMock } from '../../helpers/mock.js';

/** A pinned clock, so a key's expiry is reached by moving it, not by waiting. */
let clockMs = Date.UTC(2026, 5, 1);
const mock = useMock({}, { now: () => clockMs });
const sdk = mock.sdk();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A second SDK client with another management key. */
const clientWith = (managementKey: string, projectId = TEST_PROJECT.projectId) =>
  DescopeClient({ projectId, managementKey, baseUrl: mock.url });

/** Whether `client` gets into its project: a management call that needs nothing but the key. */
const loadTenants = (client: ReturnType<typeof DescopeClient>) => client.management.tenant.loadAll();

describe('management.managementKey: create, load, update, search, delete', () => {
  it('keeps a record, answers the cleartext once and stores only its hash', async () => {
    const created = await sdk.management.managementKey.create(
      'CI key',
      { projectRoles: [{ projectIds: [TEST_PROJECT.projectId], roles: ['Project Admin'] }] },
      'for CI',
      3600,
      ['127.0.0.1'],
    );
    expect(created.ok).toBe(true);
    const { key, cleartext } = created.data!;
    const nowS = Math.floor(clockMs / 1000);
    expect(key).toEqual({
      id: `K2${sha256(cleartext).slice(0, 26)}`,
      name: 'CI key',
      description: 'for CI',
      status: 'active',
      createdTime: nowS,
      expireTime: nowS + 3600,
      permittedIps: ['127.0.0.1'],
      reBac: {
        companyRoles: [],
        projectRoles: [{ projectIds: [TEST_PROJECT.projectId], roles: ['Project Admin'] }],
        tagRoles: [],
      },
      version: 1,
      authzVersion: 1,
    });
    const row = mock.app.services.store.db
      .prepare('SELECT key, key_hash AS keyHash FROM management_keys WHERE id = ?')
      .get(key.id) as { key: string | null; keyHash: string };
    expect(row).toEqual({ key: null, keyHash: sha256(cleartext) });

    const loaded = await sdk.management.managementKey.load(key.id);
    expect(loaded.data).toEqual(key);

    const updated = await sdk.management.managementKey.update(key.id, 'CD key', 'for CD', 'inactive', []);
    expect(updated.data).toEqual({
      ...key,
      name: 'CD key',
      description: 'for CD',
      status: 'inactive',
      permittedIps: [],
      version: 2,
    });
    expect((await sdk.management.managementKey.load(key.id)).data).toEqual(updated.data);

    const listed = await sdk.management.managementKey.search();
    expect(listed.data?.map((entry) => entry.id)).toContain(key.id);
    expect(JSON.stringify(listed.data)).not.toContain(cleartext);

    expect((await sdk.management.managementKey.delete([key.id])).ok).toBe(true);
    expectRefused(await sdk.management.managementKey.load(key.id), 400, 'E011004');
  });

  it('lists a key the fixture names under a stable ID derived from the key, as the audit trail names it', async () => {
    const seededId = `K2${sha256(TEST_PROJECT.managementKey).slice(0, 26)}`;
    const loaded = await sdk.management.managementKey.load(seededId);
    expect(loaded.data).toMatchObject({
      id: seededId,
      status: 'active',
      expireTime: 0,
      reBac: { projectRoles: [{ projectIds: [TEST_PROJECT.projectId], roles: [] }] },
    });
    const listed = await sdk.management.managementKey.search();
    expect(listed.data?.[0]?.id).toBe(seededId);
  });
});

describe('a management key made through the SDK authenticates', () => {
  it('every project when its reBac names none, until it is deleted', async () => {
    const { data } = await sdk.management.managementKey.create('all projects', {});
    const ownProject = clientWith(data!.cleartext);
    const otherProject = clientWith(data!.cleartext, OTHER_PROJECT.projectId);
    expect((await loadTenants(ownProject)).ok).toBe(true);
    expect((await loadTenants(otherProject)).ok).toBe(true);

    await sdk.management.managementKey.delete([data!.key.id]);
    expectRefused(await loadTenants(ownProject), 401, 'E011003');
    expectRefused(await loadTenants(otherProject), 401, 'E011003');
  });

  it('only the projects its reBac names', async () => {
    const { data } = await sdk.management.managementKey.create('other only', {
      projectRoles: [{ projectIds: [OTHER_PROJECT.projectId], roles: ['Project Admin'] }],
    });
    expect((await loadTenants(clientWith(data!.cleartext, OTHER_PROJECT.projectId))).ok).toBe(true);
    expectRefused(await loadTenants(clientWith(data!.cleartext)), 401, 'E011003');
    // The key stays the creating project's: the other project does not see it.
    const seenByOther = await mock.sdk(OTHER_PROJECT).management.managementKey.search();
    expect(seenByOther.data?.map((key) => key.id)).not.toContain(data!.key.id);
  });

  it('not while inactive, and again once reactivated', async () => {
    const { data } = await sdk.management.managementKey.create('toggled', {});
    const client = clientWith(data!.cleartext);
    await sdk.management.managementKey.update(data!.key.id, 'toggled', '', 'inactive');
    expectRefused(await loadTenants(client), 401, 'E011003');
    await sdk.management.managementKey.update(data!.key.id, 'toggled', '', 'active');
    expect((await loadTenants(client)).ok).toBe(true);
  });

  it('not once expired by the server clock', async () => {
    const { data } = await sdk.management.managementKey.create('short', {}, '', 60);
    const client = clientWith(data!.cleartext);
    expect((await loadTenants(client)).ok).toBe(true);
    clockMs += 61_000;
    expectRefused(await loadTenants(client), 401, 'E011003');
  });

  it('not from an address its permitted IPs leave out', async () => {
    const { data } = await sdk.management.managementKey.create('office', {}, '', 0, ['10.0.0.0/8']);
    expectRefused(await loadTenants(clientWith(data!.cleartext)), 401, 'E011003');
    await sdk.management.managementKey.update(data!.key.id, 'office', '', 'active', ['127.0.0.0/8']);
    expect((await loadTenants(clientWith(data!.cleartext))).ok).toBe(true);
  });

  it('a seeded key stops when deactivated through another key, and comes back', async () => {
    const { data } = await sdk.management.managementKey.create('admin', {});
    const admin = clientWith(data!.cleartext);
    const seededId = `K2${sha256(TEST_PROJECT.managementKey).slice(0, 26)}`;
    await admin.management.managementKey.update(seededId, 'seeded', '', 'inactive');
    expectRefused(await loadTenants(sdk), 401, 'E011003');
    await admin.management.managementKey.update(seededId, 'seeded', '', 'active');
    expect((await loadTenants(sdk)).ok).toBe(true);
  });
});

describe('management.managementKey validations', () => {
  it('refuses a key without a name, an unknown status and unknown IDs', async () => {
    expectRefused(await sdk.management.managementKey.create('', {}), 400, 'E011002');
    expectRefused(await sdk.management.managementKey.load(''), 400, 'E011002');
    expectRefused(await sdk.management.managementKey.load('K2Nope'), 400, 'E011004');
    expectRefused(await sdk.management.managementKey.update('K2Nope', 'x', '', 'active'), 400, 'E011004');
    const { data } = await sdk.management.managementKey.create('kept', {});
    const bogus = await sdk.management.managementKey.update(data!.key.id, 'kept', '', 'paused' as 'active');
    expectRefused(bogus, 400, 'E011004');
    // All or none: one unknown ID deletes nothing.
    expectRefused(await sdk.management.managementKey.delete([data!.key.id, 'K2Nope']), 400, 'E011004');
    expect((await sdk.management.managementKey.load(data!.key.id)).ok).toBe(true);
    expectRefused(await sdk.management.managementKey.delete([]), 400, 'E011002');
  });
});
