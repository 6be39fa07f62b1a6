import DescopeClient from '@descope/node-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { useMock } from '../../helpers/mock.js';
import { sessionProject } from '../../helpers/session.js';

/**
 * `management.audit.search` / `searchAll` (descope-mgmt-more.md §5) through the official SDK: each filter,
 * AND between them and OR within, paging after the total, and the 30-day window, on a clock the test moves.
 */

const DAY = 24 * 60 * 60 * 1000;
let clock = Date.UTC(2026, 0, 1);
const mock = useMock({ fixtures: 'none' }, { now: () => clock });
let sdk: ReturnType<typeof DescopeClient>;
/** When each of the project's own events occurred, by action. */
const at: Record<string, number> = {};

beforeAll(async () => {
  const credentials = await sessionProject(mock, {
    tenants: [
      { id: 'T2A', name: 'A' },
      { id: 'T2B', name: 'B' },
    ],
  });
  sdk = DescopeClient({ ...credentials, baseUrl: mock.url });
  const event = async (action: string, tenantId: string, actorId: string, userId = '') => {
    clock += 1_000;
    at[action] = clock;
    const added = await sdk.management.audit.createEvent({
      action,
      type: 'info',
      tenantId,
      actorId,
      userId,
      data: { note: `${action} note` },
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
  };
  // One event 40 days back, out of the window.
  await event('Ancient', 'T2A', 'svc-a');
  clock += 40 * DAY;
  await event('Alpha', 'T2A', 'svc-a', 'U2One');
  await event('Beta', 'T2B', 'svc-b', 'U2Two');
  await event('Gamma', 'T2A', 'svc-b', 'U2One');
  // A management write (no tenant) and a user's events: actions the mock writes itself.
  clock += 1_000;
  await sdk.management.user.create('ada@example.com', { email: 'ada@example.com' });
});

const actions = async (options: Record<string, unknown>) => {
  const found = await sdk.management.audit.searchAll(options as never);
  expect(found.ok).toBe(true);
  return {
    actions: (found.data?.audits ?? []).map((audit) => audit.action),
    total: found.data?.total,
  };
};

describe('filters', () => {
  it('searches the last 30 days, newest first, by default', async () => {
    expect(await actions({})).toEqual({ actions: ['UserCreated', 'Gamma', 'Beta', 'Alpha'], total: 4 });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['actions (OR)', { actions: ['Alpha', 'Beta'] }, ['Beta', 'Alpha']],
    ['excludedActions', { excludedActions: ['UserCreated', 'Beta'] }, ['Gamma', 'Alpha']],
    ['userIds', { userIds: ['U2One'] }, ['Gamma', 'Alpha']],
    ['tenants', { tenants: ['T2B'] }, ['Beta']],
    ['tenants with noTenants', { tenants: ['T2B'], noTenants: true }, ['UserCreated', 'Beta']],
    ['actorIds', { actorIds: ['svc-b'] }, ['Gamma', 'Beta']],
    ['loginIds (sent as externalIds)', { loginIds: ['ada@example.com'] }, ['UserCreated']],
    ['text', { text: 'BETA NOTE' }, ['Beta']],
    ['remoteAddresses', { remoteAddresses: ['127.0.0.1'] }, ['UserCreated', 'Gamma', 'Beta', 'Alpha']],
    ['remoteAddresses, none', { remoteAddresses: ['10.9.9.9'] }, []],
    ['methods, devices, geos: none offline', { methods: ['OTP'] }, []],
    ['devices', { devices: ['Mobile'] }, []],
    ['geos', { geos: ['IL'] }, []],
    ['AND between filters', { actorIds: ['svc-b'], userIds: ['U2One'] }, ['Gamma']],
  ])('%s', async (_name, options, expected) => {
    expect((await actions(options)).actions).toEqual(expected);
  });

  it('from and to (epoch ms) bound the period; from is clamped to 30 days', async () => {
    expect((await actions({ from: at.Beta, to: at.Gamma })).actions).toEqual(['Gamma', 'Beta']);
    expect((await actions({ from: (at.Ancient ?? 0) - 1 })).actions).not.toContain('Ancient');
  });
});

describe('paging', () => {
  it('pages by size and page, zero-based, with the total before paging', async () => {
    expect(await actions({ size: 2 })).toEqual({ actions: ['UserCreated', 'Gamma'], total: 4 });
    expect(await actions({ size: 2, page: 1 })).toEqual({ actions: ['Beta', 'Alpha'], total: 4 });
    expect(await actions({ size: 2, page: 2 })).toEqual({ actions: [], total: 4 });
    expect((await actions({ size: 3, oldestFirst: true })).actions).toEqual(['Alpha', 'Beta', 'Gamma']);
  });

  it('search answers the records alone, occurred a number and loginIds renamed by the SDK', async () => {
    const found = await sdk.management.audit.search({ actions: ['UserCreated'] });
    expect(found.data).toEqual([
      expect.objectContaining({ action: 'UserCreated', loginIds: ['ada@example.com'], occurred: clock }),
    ]);
  });
});
