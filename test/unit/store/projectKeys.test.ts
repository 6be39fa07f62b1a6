import { describe, expect, it } from 'vitest';
import { grantAdmits } from '../../../src/domain/managementKey.js';
import { openStore, type Store } from '../../../src/store/index.js';

/** What the bearer check decides (src/http/auth.ts): the key's stored grants, judged now. */
const accepts = (store: Store, projectId: string, key: string): boolean =>
  store.projects.keyGrants(key).some((grant) => grantAdmits(grant, projectId, '127.0.0.1', Date.now()));

/** Every change of management keys must show at once in what the bearer check reads. */
describe('ProjectStore.keyGrants', () => {
  it('follows keys added, projects deleted and writes rolled back', () => {
    const store = openStore(':memory:');
    const { projects } = store;
    store.transaction(() => projects.create('P2One', '', ['K2First'], 0));
    expect(accepts(store, 'P2One', 'K2First')).toBe(true);
    expect(accepts(store, 'P2One', 'K2Second')).toBe(false);

    store.transaction(() => projects.addKey('P2One', 'K2Second'));
    expect(accepts(store, 'P2One', 'K2Second')).toBe(true);
    expect(accepts(store, 'P2One', 'K2First')).toBe(true);

    // A key added, then read inside a transaction that rolls back, is not accepted afterwards.
    expect(() =>
      store.transaction(() => {
        projects.addKey('P2One', 'K2Ghost');
        expect(accepts(store, 'P2One', 'K2Ghost')).toBe(true);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(accepts(store, 'P2One', 'K2Ghost')).toBe(false);

    // A project deleted, and one created under the same ID with another key.
    store.transaction(() => projects.delete('P2One'));
    expect(accepts(store, 'P2One', 'K2First')).toBe(false);
    store.transaction(() => projects.create('P2One', '', ['K2Third'], 0));
    expect(accepts(store, 'P2One', 'K2First')).toBe(false);
    expect(accepts(store, 'P2One', 'K2Third')).toBe(true);
    store.close();
  });

  it('never accepts a key of another project, nor a prefix or extension of a key', () => {
    const store = openStore(':memory:');
    store.transaction(() => {
      store.projects.create('P2One', '', ['K2OneKey'], 0);
      store.projects.create('P2Two', '', ['K2TwoKey'], 0);
    });
    for (let round = 0; round < 2; round++) {
      // Twice: nothing the first read leaves behind changes the second.
      expect(accepts(store, 'P2One', 'K2TwoKey')).toBe(false);
      expect(accepts(store, 'P2One', 'K2OneKe')).toBe(false);
      expect(accepts(store, 'P2One', 'K2OneKeyX')).toBe(false);
      expect(accepts(store, 'P2Nope', 'K2OneKey')).toBe(false);
      expect(accepts(store, 'P2Two', 'K2TwoKey')).toBe(true);
    }
    store.close();
  });
});
