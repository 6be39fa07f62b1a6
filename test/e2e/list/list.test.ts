import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_LIST_ITEMS } from '../../../src/domain/list.js';
import { expectRefused, type Sdk, useMock } from '../../helpers/mock.js';
import { expectGoneWithProject, expectSnapshotRoundTrip, seededProject } from '../../helpers/projectState.js';

/** Management `list.*` through the Node SDK (descope-mgmt-more.md §11). */
const mock = useMock();
const sdk = mock.sdk();
let list: Sdk['management']['list'];
beforeAll(() => {
  list = sdk.management.list;
});

const created = async (name: string, type: string, data?: unknown) => {
  const answer = await list.create({ name, type, data });
  expect(answer.ok).toBe(true);
  return answer.data as { id: string; name: string; description: string; type: string; data: any };
};

describe('management.list create, load, update, delete', () => {
  it('create → load → update → load → delete, by ID and by name', async () => {
    const made = await list.create({ name: 'Office', description: 'HQ', type: 'ips', data: ['10.0.0.1'] });
    expect(made.ok).toBe(true);
    expect(made.data).toEqual({
      id: expect.stringMatching(/^LI/),
      name: 'Office',
      description: 'HQ',
      type: 'ips',
      data: ['10.0.0.1'],
    });
    const id = made.data!.id as string;
    expect((await list.load(id)).data).toEqual(made.data);
    expect((await list.loadByName('Office')).data).toEqual(made.data);

    const updated = await list.update(id, { name: 'Office v2', type: 'ips', data: ['192.168.0.0/16'] });
    expect(updated.data).toEqual({
      id,
      name: 'Office v2',
      description: '',
      type: 'ips',
      data: ['192.168.0.0/16'],
    });
    expect((await list.load(id)).data).toEqual(updated.data);
    expectRefused(await list.loadByName('Office'), 400, 'E011004');

    expect((await list.delete(id)).ok).toBe(true);
    expectRefused(await list.load(id), 400, 'E011004');
    expectRefused(await list.loadByName('Office v2'), 400, 'E011004');
    expectRefused(await list.delete(id), 400, 'E011004');
  });

  it('answers an ID without data, an empty data of the type, and every list in loadAll', async () => {
    const texts = await created('Empty texts', 'texts');
    const json = await created('Config', 'json');
    expect(texts).toMatchObject({ id: expect.any(String), data: [] });
    expect(json.data).toEqual({});
    const all = (await list.loadAll()).data!.map((entry) => entry.name);
    expect(all).toEqual(expect.arrayContaining(['Empty texts', 'Config']));
    expect(all.indexOf('Empty texts')).toBeLessThan(all.indexOf('Config'));
  });

  it('decodes the name and ID in the path', async () => {
    const odd = await created('a/b c?d#é%', 'texts', ['x']);
    expect((await list.loadByName('a/b c?d#é%')).data).toEqual(odd);
    expect((await list.load(odd.id)).data).toEqual(odd);
    expectRefused(await list.load('no/such id'), 400, 'E011004');
    expectRefused(await list.load(''), 400, 'E011002');
    expectRefused(await list.loadByName(''), 400, 'E011002');
  });

  it('refuses a missing name or type, an unknown type, a taken name and data of the wrong kind', async () => {
    expectRefused(await list.create({ name: '', type: 'ips' }), 400, 'E011002');
    expectRefused(await list.create({ name: 'No type' } as never), 400, 'E011002');
    expectRefused(await list.create({ name: 'Bad type', type: 'ip' }), 400, 'E011004');
    await created('Taken', 'texts');
    expectRefused(await list.create({ name: 'Taken', type: 'texts' }), 400, 'E011004');
    expectRefused(await list.create({ name: 'Bad ip', type: 'ips', data: ['not-an-ip'] }), 400, 'E011004');
    expectRefused(
      await list.create({ name: 'Bad cidr', type: 'ips', data: ['10.0.0.0/33'] }),
      400,
      'E011004',
    );
    expectRefused(await list.create({ name: 'Object', type: 'texts', data: { a: 1 } }), 400, 'E011004');
    expectRefused(await list.create({ name: 'Array', type: 'json', data: ['a'] }), 400, 'E011004');
    const other = await created('Other', 'texts');
    expectRefused(await list.update(other.id, { name: 'Taken', type: 'texts' }), 400, 'E011004');
    expectRefused(await list.update('LI2Nope', { name: 'Ghost', type: 'texts' }), 400, 'E011004');
    expectRefused(await list.update('', { name: 'Ghost', type: 'texts' }), 400, 'E011002');
    expect((await list.loadAll()).data!.map((entry) => entry.name)).not.toContain('Bad ip');
  });

  it(`bounds a list to ${MAX_LIST_ITEMS} items`, async () => {
    const many = Array.from({ length: MAX_LIST_ITEMS + 1 }, (_, i) => `t${i}`);
    expectRefused(await list.create({ name: 'Too many', type: 'texts', data: many }), 400, 'E011004');
    const full = await created('Full', 'texts', many.slice(0, MAX_LIST_ITEMS));
    expectRefused(await list.addTexts(full.id, ['one more']), 400, 'E011004');
    expect((await list.addTexts(full.id, ['t0'])).ok).toBe(true);
  });
});

describe('management.list items', () => {
  it('addIPs deduplicates, checkIP matches addresses and CIDR ranges, removeIPs and clear empty it', async () => {
    const { id } = await created('Allowed', 'ips', ['10.1.2.3']);
    expect(
      (await list.addIPs(id, ['10.1.2.3', '192.168.0.0/16', '2001:db8::/32', '192.168.0.0/16'])).ok,
    ).toBe(true);
    expect((await list.load(id)).data!.data).toEqual(['10.1.2.3', '192.168.0.0/16', '2001:db8::/32']);
    for (const [ip, exists] of [
      ['10.1.2.3', true],
      ['10.1.2.4', false],
      ['192.168.44.5', true],
      ['2001:db8::1', true],
      ['::ffff:192.168.1.1', true],
      ['2001:db9::1', false],
    ] as const) {
      expect((await list.checkIP(id, ip)).data, ip).toBe(exists);
    }
    expect((await list.removeIPs(id, ['192.168.0.0/16', '172.16.0.1'])).ok).toBe(true);
    expect((await list.checkIP(id, '192.168.44.5')).data).toBe(false);
    expect((await list.clear(id)).ok).toBe(true);
    expect((await list.load(id)).data!.data).toEqual([]);
    expect((await list.checkIP(id, '10.1.2.3')).data).toBe(false);
  });

  it('addTexts, checkText (exact), removeTexts and clear', async () => {
    const { id } = await created('Blocked domains', 'texts', ['spam.example']);
    expect((await list.addTexts(id, ['evil.example', 'spam.example'])).ok).toBe(true);
    expect((await list.load(id)).data!.data).toEqual(['spam.example', 'evil.example']);
    expect((await list.checkText(id, 'evil.example')).data).toBe(true);
    expect((await list.checkText(id, 'EVIL.example')).data).toBe(false);
    expect((await list.removeTexts(id, ['evil.example'])).ok).toBe(true);
    expect((await list.checkText(id, 'evil.example')).data).toBe(false);
    expect((await list.clear(id)).ok).toBe(true);
    expect((await list.checkText(id, 'spam.example')).data).toBe(false);
  });

  it('clears a json list to {}', async () => {
    const { id } = await created('Flags', 'json', { beta: true });
    expect((await list.load(id)).data!.data).toEqual({ beta: true });
    expect((await list.clear(id)).ok).toBe(true);
    expect((await list.load(id)).data!.data).toEqual({});
  });

  it('refuses unknown lists, missing items, bad addresses and calls of the other type', async () => {
    const ips = await created('Typed ips', 'ips');
    const texts = await created('Typed texts', 'texts');
    for (const answer of [
      await list.addIPs('LI2Nope', ['10.0.0.1']),
      await list.removeIPs('LI2Nope', ['10.0.0.1']),
      await list.checkIP('LI2Nope', '10.0.0.1'),
      await list.addTexts('LI2Nope', ['a']),
      await list.removeTexts('LI2Nope', ['a']),
      await list.checkText('LI2Nope', 'a'),
      await list.clear('LI2Nope'),
      await list.addTexts(ips.id, ['a']),
      await list.checkText(ips.id, 'a'),
      await list.addIPs(texts.id, ['10.0.0.1']),
      await list.checkIP(texts.id, '10.0.0.1'),
      await list.addIPs(ips.id, ['nope']),
      await list.checkIP(ips.id, 'nope'),
    ]) {
      expectRefused(answer, 400, 'E011004');
    }
    expectRefused(await list.addIPs(ips.id, []), 400, 'E011002');
    expectRefused(await list.checkIP(ips.id, ''), 400, 'E011002');
    expectRefused(
      await mock.http('POST', '/v1/mgmt/list/ip/add', { body: { id: ips.id, ips: 'x' } }),
      400,
      'E011001',
    );
  });
});

describe('management.list.import', () => {
  it('creates every list (found by name), replaces a list of a taken name, and is all or none', async () => {
    const existing = await created('Imported partners', 'texts', ['old']);
    const imported = await list.import([
      { name: 'Imported partners', type: 'texts', data: ['new'] },
      { name: 'Imported office', type: 'ips', description: 'from staging', data: ['10.9.0.0/16'] },
    ]);
    expect(imported.ok).toBe(true);
    expect((await list.loadByName('Imported partners')).data).toEqual({ ...existing, data: ['new'] });
    expect((await list.loadByName('Imported office')).data).toMatchObject({
      description: 'from staging',
      type: 'ips',
      data: ['10.9.0.0/16'],
    });
    const office = (await list.loadByName('Imported office')).data!;
    expect((await list.checkIP(office.id!, '10.9.8.7')).data).toBe(true);

    const failed = await list.import([
      { name: 'Imported later', type: 'texts' },
      { name: 'Imported broken', type: 'ips', data: ['nope'] },
    ]);
    expectRefused(failed, 400, 'E011004');
    expectRefused(await list.loadByName('Imported later'), 400, 'E011004');
    expectRefused(await list.import([]), 400, 'E011002');
  });
});

describe('lists in fixtures and snapshots', () => {
  const LISTS = [
    { name: 'Seeded office', type: 'ips', data: ['10.0.0.0/8'] },
    { name: 'Seeded words', description: 'bad words', type: 'texts', data: ['darn'] },
  ];

  it('seeds lists from a fixture, restores them from a snapshot, and deletes them with the project', async () => {
    const { projectId, sdk: seeded } = await seededProject(mock, { lists: LISTS });
    const lists = seeded.management.list;
    const office = (await lists.loadByName('Seeded office')).data!;
    expect(office).toEqual({ id: expect.stringMatching(/^LI/), description: '', ...LISTS[0] });
    expect((await lists.checkIP(office.id!, '10.20.30.40')).data).toBe(true);

    const snapshot = await expectSnapshotRoundTrip(
      mock,
      projectId,
      async () => (await lists.loadAll()).data,
      async () => {
        expect((await lists.addIPs(office.id!, ['172.16.0.1'])).ok).toBe(true);
        expect((await lists.delete((await lists.loadByName('Seeded words')).data!.id!)).ok).toBe(true);
      },
    );
    expect(snapshot.lists).toEqual((await lists.loadAll()).data);

    await expectGoneWithProject(
      mock,
      projectId,
      async (sdk) => (await sdk.management.list.loadAll()).data,
      [],
    );
  });

  it('refuses a fixture whose list the API would refuse, naming it', async () => {
    const refused = await mock.control('POST', '/_mock/projects', {
      lists: [{ name: 'Bad', type: 'ips', data: ['300.1.1.1'] }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errorMessage).toContain('lists[0]');
  });
});
