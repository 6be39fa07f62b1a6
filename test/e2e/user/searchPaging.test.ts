import { describe, expect, it } from 'vitest';
import { useMock } from '../../helpers/mock.js';
import { finder, nameOf, SEARCH_FIXTURES, SEARCH_PROJECT, type SearchRequest } from '../../helpers/search.js';

/**
 * User search (descope-api.md 4.6): paging and total, sort, test users (search, searchTestUsers, the
 * deprecated searchAll), text, time ranges and the verified flags, on test/fixtures/search.json.
 */

const mock = useMock({ fixtures: SEARCH_FIXTURES });
const sdk = mock.sdk(SEARCH_PROJECT);

const found = finder(sdk);
const ALL = ['ada', 'grace', 'alan', 'edsger', 'barbara'];

describe('paging and total', () => {
  it('answers every non-test user, oldest first, with every field of the user', async () => {
    const result = await sdk.management.user.search({});
    expect(result.data!.total).toBe(5);
    expect(result.data!.users.map((user) => nameOf(user.loginIds[0]!))).toEqual(ALL);
    const ada = result.data!.users[0]!;
    expect(ada).toMatchObject({
      userId: 'U2SearchAda',
      name: 'Ada Lovelace',
      status: 'enabled',
      roleNames: ['Viewer'],
      userTenants: [{ tenantId: 'T2Acme', tenantName: 'Acme', roleNames: ['Approver'], permissions: [] }],
      permissions: ['Read Reports'],
      customAttributes: { plan: 'pro', seats: 5, teams: ['red', 'blue'], nickname: 'Enchantress' },
      ssoAppIds: ['descope-default-oidc'],
      createdTime: 1_700_000_000,
    });
    expect(Object.keys(ada)).toContain('verifiedRecoveryPhone');
  });

  it('pages by page * limit; total counts every match, not the page', async () => {
    expect(await found({ limit: 2 })).toEqual({ names: ['ada', 'grace'], total: 5 });
    expect(await found({ limit: 2, page: 1 })).toEqual({ names: ['alan', 'edsger'], total: 5 });
    expect(await found({ limit: 2, page: 2 })).toEqual({ names: ['barbara'], total: 5 });
    expect(await found({ limit: 2, page: 3 })).toEqual({ names: [], total: 5 });
  });

  it('takes a positive offset over page * limit, and limit 0 as the default page of 100', async () => {
    expect(await found({ offset: 3, page: 1, limit: 10 } as SearchRequest)).toEqual({
      names: ['edsger', 'barbara'],
      total: 5,
    });
    expect(await found({ limit: 0, statuses: ['enabled'] })).toEqual({ names: ['ada', 'edsger'], total: 2 });
  });
});

describe('sort', () => {
  it('sorts by displayName descending, by email ignoring case, and by several fields in turn', async () => {
    expect((await found({ sort: [{ field: 'displayName', desc: true }] })).names).toEqual([
      'grace',
      'edsger',
      'barbara',
      'alan',
      'ada',
    ]);
    expect((await found({ sort: [{ field: 'email' }] })).names).toEqual([
      'ada',
      'alan',
      'barbara',
      'edsger',
      'grace',
    ]);
    const byStatus = await found({
      sort: [
        { field: 'status', desc: false },
        { field: 'createdTime', desc: true },
      ],
    });
    expect(byStatus.names).toEqual(['grace', 'edsger', 'ada', 'barbara', 'alan']);
  });

  it('sorts by id, login ID (externalId), tenant and phone, and pages through the sorted list', async () => {
    expect((await found({ sort: [{ field: 'id', desc: true }], limit: 2 })).names).toEqual([
      'grace',
      'edsger',
    ]);
    expect((await found({ sort: [{ field: 'externalId' }] })).names).toEqual([
      'ada',
      'alan',
      'barbara',
      'edsger',
      'grace',
    ]);
    expect((await found({ sort: [{ field: 'tenant' }] })).names).toEqual([
      'ada',
      'grace',
      'edsger',
      'alan',
      'barbara',
    ]);
    expect((await found({ sort: [{ field: 'phoneNumber', desc: true }], limit: 2 })).names).toEqual([
      'grace',
      'ada',
    ]);
  });
});

describe('test users', () => {
  it('leaves test users out unless withTestUser; testUsersOnly keeps them alone', async () => {
    expect((await found({ withTestUser: true })).names).toEqual([...ALL, 'tess', 'tom']);
    expect(await found({ testUsersOnly: true })).toEqual({ names: ['tess', 'tom'], total: 2 });
    expect((await found({ withTestUser: true, roles: ['Viewer'] })).names).toEqual(['ada', 'alan', 'tess']);
  });

  it('searchTestUsers answers test users only, with the other filters', async () => {
    const all = await sdk.management.user.searchTestUsers({});
    expect(all.data!.users.map((user) => nameOf(user.loginIds[0]!))).toEqual(['tess', 'tom']);
    expect(all.data!.total).toBe(2);
    const members = await sdk.management.user.searchTestUsers({ tenantIds: ['T2Acme'] });
    expect(members.data!.users.map((user) => user.userId)).toEqual(['U2SearchTom']);
    expect(members.data!.users[0]!.test).toBe(true);
  });

  it('searchAll (deprecated) sends positional filters and answers the users alone', async () => {
    const result = await sdk.management.user.searchAll(['T2Globex']);
    expect(result.ok).toBe(true);
    expect(result.data!.map((user) => user.userId)).toEqual(['U2SearchAlan', 'U2SearchBarbara']);
    const paged = await sdk.management.user.searchAll(undefined, ['Viewer'], 1, 1, false, true);
    expect(paged.data!.map((user) => user.userId)).toEqual(['U2SearchAlan']);
    const testOnly = await sdk.management.user.searchAll(undefined, undefined, undefined, undefined, true);
    expect(testOnly.data!.map((user) => user.userId)).toEqual(['U2SearchTess', 'U2SearchTom']);
    const picked = await sdk.management.user.searchAll([], [], 10, 0, false, false, { plan: 'team' }, [
      'invited',
    ]);
    expect(picked.data!.map((user) => user.userId)).toEqual(['U2SearchAlan']);
  });
});

describe('text, time ranges and verified flags', () => {
  it('finds text in names, login IDs, user IDs, phones and custom attribute values, ignoring case', async () => {
    expect((await found({ text: 'LOVELACE' })).names).toEqual(['ada']);
    expect((await found({ text: 'enchant' })).names).toEqual(['ada']);
    expect((await found({ text: 'u2searchalan' })).names).toEqual(['alan']);
    expect(await found({ text: '555000000' })).toEqual({ names: ['ada', 'grace', 'alan'], total: 3 });
    expect((await found({ text: '@example.com', limit: 2, page: 1 })).total).toBe(4);
    expect((await found({ text: 'no such text' })).names).toEqual([]);
    // Characters that are wildcards in SQL are plain text here.
    expect((await found({ text: '%' })).names).toEqual([]);
    expect((await found({ text: 'a_a' })).names).toEqual([]);
  });

  it('bounds createdTime by epoch milliseconds, counting whole seconds, inclusive', async () => {
    const range = { fromCreatedTime: 1_700_000_100_500, toCreatedTime: 1_700_000_300_000 };
    expect((await found(range)).names).toEqual(['grace', 'alan', 'edsger']);
    expect((await found({ toCreatedTime: 1_700_000_000_999 })).names).toEqual(['ada']);
  });

  it('filters on verifiedEmail and verifiedPhone when given, false included', async () => {
    expect((await found({ verifiedEmail: false })).names).toEqual(['grace']);
    expect((await found({ verifiedEmail: true })).names).toEqual(['ada', 'alan', 'edsger', 'barbara']);
    expect((await found({ verifiedPhone: true })).names).toEqual(['ada', 'grace']);
  });
});
