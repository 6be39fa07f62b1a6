import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../src/domain/audit.js';
import { openStore } from '../../../src/store/index.js';

/** The audit trail stays bounded per project (--audit-limit), newest kept, and goes with its project. */
const event = (projectId: string, n: number): AuditRecord => ({
  ID: `A${n}`,
  projectId,
  userId: '',
  action: 'UserModified',
  occurred: 1_000 + n,
  device: '',
  method: '',
  geo: '',
  remoteAddress: '',
  externalIds: [],
  tenants: [],
  data: { n },
  type: 'info',
  actorId: '',
});

const projects = () => {
  const store = openStore(':memory:');
  store.transaction(() => {
    store.projects.create('P2One', '', ['K2One'], 0);
    store.projects.create('P2Two', '', ['K2Two'], 0);
  });
  return store;
};

describe('AuditStore', () => {
  it('keeps a project’s newest events within the limit plus one trim batch, leaving other projects alone', () => {
    const store = projects();
    store.transaction(() => {
      for (let n = 0; n < 3; n++) store.audit.add(event('P2Two', n), 150);
      for (let n = 0; n < 1_000; n++) store.audit.add(event('P2One', n), 150);
    });
    expect(store.audit.count('P2One')).toBeGreaterThanOrEqual(150);
    expect(store.audit.count('P2One')).toBeLessThanOrEqual(250);
    const kept = store.audit.inPeriod('P2One', 0, Number.MAX_SAFE_INTEGER);
    expect(kept[0]?.ID).toBe('A999');
    expect(kept.at(-1)?.data.n).toBe(1_000 - kept.length);
    expect(store.audit.count('P2Two')).toBe(3);
  });

  it('trims a large limit in batches of a tenth of it: never more than 10% over', () => {
    const store = projects();
    store.transaction(() => {
      for (let n = 0; n < 5_000; n++) store.audit.add(event('P2One', n), 2_000);
    });
    expect(store.audit.count('P2One')).toBeGreaterThanOrEqual(2_000);
    expect(store.audit.count('P2One')).toBeLessThanOrEqual(2_200);
    expect(store.audit.inPeriod('P2One', 0, Number.MAX_SAFE_INTEGER)[0]?.ID).toBe('A4999');
  });

  it('keeps none with a limit of 0', () => {
    const store = projects();
    store.transaction(() => store.audit.add(event('P2One', 1), 0));
    expect(store.audit.count('P2One')).toBe(0);
  });

  it('answers newest first within the period, and deletes the trail with its project', () => {
    const store = projects();
    store.transaction(() => {
      for (let n = 0; n < 5; n++) store.audit.add(event('P2One', n), 10);
    });
    const inPeriod = store.audit.inPeriod('P2One', 1_001, 1_003).map((record) => record.ID);
    expect(inPeriod).toEqual(['A3', 'A2', 'A1']);
    store.transaction(() => store.projects.delete('P2One'));
    expect(store.audit.count('P2One')).toBe(0);
  });
});
