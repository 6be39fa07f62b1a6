import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectDescopeError, type Sdk, useMock } from '../../helpers/mock.js';

const mock = useMock();
const sdk = mock.sdk();

const ADA = 'U2Ada0000000000000000000000';
const keyRow = (id: string) =>
  mock.app.services.store.db
    .prepare('SELECT secret_hash AS hash, doc FROM access_keys WHERE key_id = ?')
    .get(id) as { hash: string; doc: string } | undefined;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('management.accessKey.create / load', () => {
  it('creates an active key, answers its cleartext once and stores only the hash', async () => {
    const expireTime = Math.floor(Date.now() / 1000) + 3600;
    const created = await sdk.management.accessKey.create(
      'CI key',
      expireTime,
      ['Viewer'],
      [{ tenantId: 'T2Acme', roleNames: ['Approver'] }],
      ADA,
      { team: 'ci' },
      'for CI',
      ['10.0.0.0/8'],
    );
    expect(created.ok).toBe(true);
    const { key, cleartext } = created.data!;
    expect(cleartext.length).toBeGreaterThan(30);
    expect(key).toEqual({
      id: expect.stringMatching(/^K2/),
      name: 'CI key',
      roleNames: ['Viewer'],
      keyTenants: [{ tenantId: 'T2Acme', roleNames: ['Approver'], tenantName: 'Acme' }],
      status: 'active',
      createdTime: expect.any(Number),
      expireTime,
      createdBy: '',
      clientId: expect.any(String),
      boundUserId: ADA,
      customClaims: { team: 'ci' },
      editable: true,
      description: 'for CI',
      permittedIps: ['10.0.0.0/8'],
      customAttributes: {},
    });

    const row = keyRow(key.id)!;
    expect(row.hash).toBe(sha256(cleartext));
    expect(row.doc).not.toContain(cleartext);
    const loaded = await sdk.management.accessKey.load(key.id);
    expect(loaded.data).toEqual(key);
    expect(JSON.stringify(loaded.data)).not.toContain(cleartext);
  });

  it('unset description and IPs come back empty; expireTime 0 means never', async () => {
    const { key } = (await sdk.management.accessKey.create('Bare key', 0)).data!;
    expect(key).toMatchObject({
      description: '',
      permittedIps: [],
      roleNames: [],
      keyTenants: [],
      expireTime: 0,
    });
  });

  it('refuses a missing name, unknown role, tenant or bound user, writing nothing', async () => {
    const before = (await sdk.management.accessKey.searchAll()).data!.length;
    const noName = await sdk.management.accessKey.create('', 0);
    expect(expectDescopeError(noName.error, 'E011002').errorMessage).toBe('The name field is required');
    expectDescopeError((await sdk.management.accessKey.create('k', 0, ['Nope'])).error, 'E011004');
    expectDescopeError(
      (await sdk.management.accessKey.create('k', 0, [], [{ tenantId: 'T2Nope', roleNames: [] }])).error,
      'E011004',
    );
    expectDescopeError((await sdk.management.accessKey.create('k', 0, [], [], 'U2Nobody')).error, 'E011004');
    expect((await sdk.management.accessKey.searchAll()).data!.length).toBe(before);
  });

  it('load of an unknown or missing ID is an error', async () => {
    expectDescopeError((await sdk.management.accessKey.load('K2Nope')).error, 'E011004');
    const missing = await mock.http('GET', '/v1/mgmt/accesskey');
    expect(expectDescopeError(missing.body, 'E011002').errorMessage).toBe('The id field is required');
  });
});

describe('management.accessKey.update', () => {
  it('renames and keeps what was omitted; given values replace', async () => {
    const { key } = (
      await sdk.management.accessKey.create(
        'Upd',
        0,
        ['Viewer'],
        undefined,
        undefined,
        undefined,
        'hello there',
        ['1.2.3.4'],
      )
    ).data!;
    const updated = await sdk.management.accessKey.update(key.id, 'Upd renamed');
    expect(updated.ok).toBe(true);
    expect(updated.data).toMatchObject({
      name: 'Upd renamed',
      description: 'hello there',
      roleNames: ['Viewer'],
      permittedIps: ['1.2.3.4'],
    });
    await sdk.management.accessKey.update(
      key.id,
      'Upd renamed',
      'new',
      ['Editor'],
      [{ tenantId: 'T2Globex', roleNames: [] }],
    );
    expect((await sdk.management.accessKey.load(key.id)).data).toMatchObject({
      description: 'new',
      roleNames: ['Editor'],
      keyTenants: [{ tenantId: 'T2Globex', roleNames: [], tenantName: 'Globex' }],
      permittedIps: ['1.2.3.4'],
    });
    expectDescopeError((await sdk.management.accessKey.update(key.id, '')).error, 'E011002');
    expectDescopeError((await sdk.management.accessKey.update('K2Nope', 'x')).error, 'E011004');
  });
});

describe('activate / deactivate / delete and their batches', () => {
  it('deactivate and activate flip the status; the batches do several', async () => {
    const a = (await sdk.management.accessKey.create('A', 0)).data!.key.id;
    const b = (await sdk.management.accessKey.create('B', 0)).data!.key.id;
    expect((await sdk.management.accessKey.deactivate(a)).data).toEqual({});
    expect((await sdk.management.accessKey.load(a)).data?.status).toBe('inactive');
    expect((await sdk.management.accessKey.activate(a)).ok).toBe(true);
    expect((await sdk.management.accessKey.load(a)).data?.status).toBe('active');

    expect((await sdk.management.accessKey.deactivateBatch([a, b])).ok).toBe(true);
    for (const id of [a, b]) expect((await sdk.management.accessKey.load(id)).data?.status).toBe('inactive');
    // All or none: one unknown ID leaves every key as it was.
    expectDescopeError((await sdk.management.accessKey.activateBatch([a, 'K2Nope'])).error, 'E011004');
    expect((await sdk.management.accessKey.load(a)).data?.status).toBe('inactive');
    expect((await sdk.management.accessKey.activateBatch([a, b])).ok).toBe(true);
    expect((await sdk.management.accessKey.load(b)).data?.status).toBe('active');
    expectDescopeError((await sdk.management.accessKey.deactivate('')).error, 'E011002');
  });

  it('delete and deleteBatch remove keys, which vanish from search', async () => {
    const ids = [];
    for (const name of ['D1', 'D2', 'D3'])
      ids.push((await sdk.management.accessKey.create(name, 0)).data!.key.id);
    expect((await sdk.management.accessKey.delete(ids[0]!)).data).toEqual({});
    expect((await sdk.management.accessKey.deleteBatch([ids[1]!, ids[2]!])).ok).toBe(true);
    const left = (await sdk.management.accessKey.searchAll()).data!.map((key) => key.id);
    for (const id of ids) {
      expect(left).not.toContain(id);
      expect(keyRow(id)).toBeUndefined();
    }
    expectDescopeError((await sdk.management.accessKey.delete(ids[0]!)).error, 'E011004');
  });
});

describe('management.accessKey.rotate / searchAll', () => {
  it('rotate keeps the ID and replaces the secret', async () => {
    const { key, cleartext } = (await sdk.management.accessKey.create('Rot', 0)).data!;
    const rotated = await sdk.management.accessKey.rotate(key.id);
    expect(rotated.ok).toBe(true);
    expect(rotated.data!.key.id).toBe(key.id);
    expect(rotated.data!.cleartext).not.toBe(cleartext);
    expect(keyRow(key.id)!.hash).toBe(sha256(rotated.data!.cleartext));
  });

  it('searchAll filters by tenant, bound user and custom attributes', async () => {
    const tenantKey = (
      await sdk.management.accessKey.create('In Globex', 0, [], [{ tenantId: 'T2Globex', roleNames: [] }])
    ).data!.key.id;
    const attrKey = (
      await sdk.management.accessKey.create('Attr', 0, [], [], undefined, {}, '', [], { env: 'staging' })
    ).data!.key.id;
    const ids = async (...args: Parameters<Sdk['management']['accessKey']['searchAll']>) =>
      (await sdk.management.accessKey.searchAll(...args)).data!.map((key) => key.id);
    expect(await ids(['T2Globex'])).toContain(tenantKey);
    expect(await ids(['T2Globex'])).not.toContain(attrKey);
    expect(await ids(undefined, undefined, undefined, { env: 'staging' })).toEqual([attrKey]);
    const bound = await ids(undefined, ADA);
    expect(bound.length).toBeGreaterThan(0);
    expect(bound).not.toContain(tenantKey);
  });
});
