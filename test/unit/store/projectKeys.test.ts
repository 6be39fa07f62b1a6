import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.js';

/** ProjectStore keeps committed management keys in memory; every change of keys must show at once. */
describe('ProjectStore.acceptsKey', () => {
  it('follows keys added, projects deleted and writes rolled back', () => {
    const store = openStore(':memory:');
    const { projects } = store;
    store.transaction(() => projects.create('P2One', '', ['K2First'], 0));
    expect(projects.acceptsKey('P2One', 'K2First')).toBe(true);
    expect(projects.acceptsKey('P2One', 'K2Second')).toBe(false);

    store.transaction(() => projects.addKey('P2One', 'K2Second'));
    expect(projects.acceptsKey('P2One', 'K2Second')).toBe(true);
    expect(projects.acceptsKey('P2One', 'K2First')).toBe(true);

    // A key added, then read inside a transaction that rolls back, is not accepted afterwards.
    expect(() =>
      store.transaction(() => {
        projects.addKey('P2One', 'K2Ghost');
        expect(projects.acceptsKey('P2One', 'K2Ghost')).toBe(true);
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(projects.acceptsKey('P2One', 'K2Ghost')).toBe(false);

    // A project deleted, and one created under the same ID with another key.
    store.transaction(() => projects.delete('P2One'));
    expect(projects.acceptsKey('P2One', 'K2First')).toBe(false);
    store.transaction(() => projects.create('P2One', '', ['K2Third'], 0));
    expect(projects.acceptsKey('P2One', 'K2First')).toBe(false);
    expect(projects.acceptsKey('P2One', 'K2Third')).toBe(true);
    store.close();
  });

  it('never accepts a key of another project, nor a prefix or extension of a key', () => {
    const store = openStore(':memory:');
    store.transaction(() => {
      store.projects.create('P2One', '', ['K2OneKey'], 0);
      store.projects.create('P2Two', '', ['K2TwoKey'], 0);
    });
    for (let round = 0; round < 2; round++) {
      // The second round reads the cached keys.
      expect(store.projects.acceptsKey('P2One', 'K2TwoKey')).toBe(false);
      expect(store.projects.acceptsKey('P2One', 'K2OneKe')).toBe(false);
      expect(store.projects.acceptsKey('P2One', 'K2OneKeyX')).toBe(false);
      expect(store.projects.acceptsKey('P2Nope', 'K2OneKey')).toBe(false);
      expect(store.projects.acceptsKey('P2Two', 'K2TwoKey')).toBe(true);
    }
    store.close();
  });
});
