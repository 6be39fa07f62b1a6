import { describe, expect, it } from 'vitest';
import { expectRefused, OTHER_PROJECT, useMock } from '../../helpers/mock.js';

const mock = useMock();
const sdk = mock.sdk();

describe('management.engine', () => {
  it('create, load, update, load, loadAll, rotateSecret, delete; the secret only from create and rotate', async () => {
    const created = await sdk.management.engine.create('search engine');
    expect(created.ok).toBe(true);
    const engine = created.data!;
    expect(engine).toEqual({
      id: expect.stringMatching(/^EN/),
      name: 'search engine',
      secret: expect.stringMatching(/^[A-Za-z0-9]{48}$/),
      createdTime: expect.any(Number),
    });
    const stored = { ...engine, secret: '' };
    expect((await sdk.management.engine.load(engine.id)).data).toEqual(stored);

    const updated = await sdk.management.engine.update(engine.id, 'renamed');
    expect(updated.data).toEqual({ ...stored, name: 'renamed' });
    expect((await sdk.management.engine.load(engine.id)).data).toEqual({ ...stored, name: 'renamed' });
    expect((await sdk.management.engine.loadAll()).data).toEqual([{ ...stored, name: 'renamed' }]);

    const rotated = await sdk.management.engine.rotateSecret(engine.id);
    expect(rotated.data).toEqual({ secret: expect.stringMatching(/^[A-Za-z0-9]{48}$/) });
    expect(rotated.data?.secret).not.toBe(engine.secret);
    const hash = mock.app.services.store.db
      .prepare('SELECT secret_hash FROM engines WHERE engine_id = ?')
      .pluck()
      .get(engine.id);
    expect(hash).not.toContain(rotated.data?.secret);

    // Another project sees none of it.
    expect((await mock.sdk(OTHER_PROJECT).management.engine.loadAll()).data).toEqual([]);
    expectRefused(await mock.sdk(OTHER_PROJECT).management.engine.load(engine.id), 400, 'E011004');

    expect((await sdk.management.engine.delete(engine.id)).ok).toBe(true);
    expectRefused(await sdk.management.engine.load(engine.id), 400, 'E011004');
    expect((await sdk.management.engine.loadAll()).data).toEqual([]);
  });

  it('refuses a missing name or ID and an unknown engine', async () => {
    expectRefused(await sdk.management.engine.create(''), 400, 'E011002');
    expectRefused(await sdk.management.engine.update('', 'x'), 400, 'E011002');
    expectRefused(await sdk.management.engine.update('EN2Nope', 'x'), 400, 'E011004');
    expectRefused(await sdk.management.engine.rotateSecret('EN2Nope'), 400, 'E011004');
    expectRefused(await sdk.management.engine.delete('EN2Nope'), 400, 'E011004');
    const { data } = await sdk.management.engine.create('kept');
    expectRefused(await sdk.management.engine.update(data!.id, ''), 400, 'E011002');
  });
});
