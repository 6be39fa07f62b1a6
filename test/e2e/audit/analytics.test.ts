import DescopeClient from '@descope/node-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectDescopeError, useMock } from '../../helpers/mock.js';
import { sessionProject } from '../../helpers/session.js';

/**
 * `management.analytics.search` (descope-mgmt-more.md §15) through the official SDK: the audit trail counted
 * by the dimensions asked for, on a clock the test moves so the time buckets are known.
 */

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 2, 2, 10); // a Monday, 10:00 UTC
let clock = START;
const mock = useMock({ fixtures: 'none' }, { now: () => clock });
let sdk: ReturnType<typeof DescopeClient>;

beforeAll(async () => {
  const credentials = await sessionProject(mock, {
    tenants: [
      { id: 'T2A', name: 'A' },
      { id: 'T2B', name: 'B' },
    ],
  });
  sdk = DescopeClient({ ...credentials, baseUrl: mock.url });
  const event = async (action: string, tenantId: string, at: number) => {
    clock = at;
    const added = await sdk.management.audit.createEvent({ action, type: 'info', tenantId, actorId: 'svc' });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
  };
  // Two Exports in tenant A on day one, one in B on day two; an Import in A on day two.
  await event('Export', 'T2A', START);
  await event('Export', 'T2A', START + HOUR);
  await event('Export', 'T2B', START + DAY);
  await event('Import', 'T2A', START + DAY + HOUR);
  clock = START + 2 * DAY;
});

const search = async (options: Record<string, unknown>) => {
  const found = await sdk.management.analytics.search(options as never);
  expect(found.ok, JSON.stringify(found.error)).toBe(true);
  return (found.data ?? []).map(({ action, tenant, created, cnt }) => ({ action, tenant, created, cnt }));
};

describe('management.analytics.search', () => {
  it('counts every event in one row without a grouping, cnt as a string', async () => {
    const found = await sdk.management.analytics.search({});
    expect(found.data).toEqual([
      expect.objectContaining({ action: '', tenant: '', created: '', device: '', cnt: '4' }),
    ]);
  });

  it('groups by action, largest count first', async () => {
    expect(await search({ groupByAction: true })).toEqual([
      { action: 'Export', tenant: '', created: '', cnt: '3' },
      { action: 'Import', tenant: '', created: '', cnt: '1' },
    ]);
  });

  it('groups by action and tenant, and filters as audit search does', async () => {
    expect(await search({ groupByAction: true, groupByTenant: true, actions: ['Export'] })).toEqual([
      { action: 'Export', tenant: 'T2A', created: '', cnt: '2' },
      { action: 'Export', tenant: 'T2B', created: '', cnt: '1' },
    ]);
    expect(await search({ groupByTenant: true, excludedActions: ['Export'] })).toEqual([
      { action: '', tenant: 'T2A', created: '', cnt: '1' },
    ]);
  });

  it('buckets by day (the bucket start, epoch ms) and by week', async () => {
    const day1 = Date.UTC(2026, 2, 2);
    expect(await search({ groupByCreated: 'day' })).toEqual([
      { action: '', tenant: '', created: String(day1), cnt: '2' },
      { action: '', tenant: '', created: String(day1 + DAY), cnt: '2' },
    ]);
    expect(await search({ groupByCreated: 'week' })).toEqual([
      { action: '', tenant: '', created: String(day1), cnt: '4' },
    ]);
  });

  it('reads the time range as audit search does', async () => {
    expect(await search({ groupByAction: true, from: START + DAY })).toEqual([
      { action: 'Export', tenant: '', created: '', cnt: '1' },
      { action: 'Import', tenant: '', created: '', cnt: '1' },
    ]);
  });

  it('refuses an unknown time bucket: 400 E011004', async () => {
    const refused = await sdk.management.analytics.search({ groupByCreated: 'fortnight' });
    expect(refused.code).toBe(400);
    expect(expectDescopeError(refused.error, 'E011004').errorMessage).toContain('groupByCreated');
  });
});
