import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_LIMIT, parseSearchFilter } from '../../src/domain/userSearch.js';
import { DescopeError } from '../../src/errors.js';

/** The E011004 DescopeError a bad filter value throws, or a failure naming what was thrown instead. */
function refusal(fn: () => unknown): DescopeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DescopeError) return error;
    throw error;
  }
  throw new Error('expected the filter to be refused');
}

describe('parseSearchFilter', () => {
  it('reads an empty body as every non-test user, first page of 100, oldest first', () => {
    const filter = parseSearchFilter({});
    expect(filter).toMatchObject({
      loginIds: [],
      statuses: [],
      tenantRoles: [],
      customAttributes: [],
      text: '',
      testUsers: 'exclude',
      flags: {},
      sort: [],
      limit: DEFAULT_SEARCH_LIMIT,
      offset: 0,
      createdTime: {},
      modifiedTime: {},
    });
    expect(DEFAULT_SEARCH_LIMIT).toBe(100);
  });

  it('pages with page * limit, a positive offset winning, and limit 0 meaning 100', () => {
    expect(parseSearchFilter({ page: 3, limit: 20 })).toMatchObject({ limit: 20, offset: 60 });
    expect(parseSearchFilter({ page: 3, limit: 20, offset: 7 })).toMatchObject({ limit: 20, offset: 7 });
    expect(parseSearchFilter({ page: 2, limit: 0 })).toMatchObject({ limit: 100, offset: 200 });
  });

  it.each([
    ['limit', { limit: -1 }],
    ['page', { page: -2 }],
    ['offset', { offset: -5 }],
    ['page', { page: 1.5 }],
  ])('refuses a negative or fractional %s with E011004', (field, body) => {
    const error = refusal(() => parseSearchFilter(body));
    expect(error.code).toBe('E011004');
    expect(error.status).toBe(400);
    expect(error.message).toContain(field);
  });

  it('refuses an unknown status and an unknown sort field, naming the value', () => {
    const status = refusal(() => parseSearchFilter({ statuses: ['enabled', 'foo'] }));
    expect([status.code, status.message]).toEqual(['E011004', expect.stringContaining('"foo"')]);
    const sort = refusal(() => parseSearchFilter({ sort: [{ field: 'bar' }] }));
    expect([sort.code, sort.message]).toEqual(['E011004', expect.stringContaining('"bar"')]);
  });

  it('accepts every status of the SDK enum and every sort field of the spec', () => {
    const filter = parseSearchFilter({
      statuses: ['enabled', 'disabled', 'invited', 'expired'],
      sort: [
        'id',
        'modifiedTime',
        'createdTime',
        'externalId',
        'displayName',
        'tenant',
        'phoneNumber',
        'email',
        'status',
      ].map((field, i) => ({ field, desc: i % 2 === 0 })),
    });
    expect(filter.statuses).toHaveLength(4);
    expect(filter.sort.map((key) => key.desc)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  it('merges loginId into loginIds and normalises phone-shaped login IDs and phones', () => {
    const filter = parseSearchFilter({
      loginId: '+1-555-000-1234',
      loginIds: ['ada@example.com', '+15550001234'],
      phones: ['+1 (555) 000-9999', 'not a phone'],
    });
    expect(filter.loginIds).toEqual(['+15550001234', 'ada@example.com']);
    expect(filter.phones).toEqual(['+15550009999', 'not a phone']);
  });

  it('chooses test users: excluded by default, included with withTestUser, alone with testUsersOnly or /search/test', () => {
    expect(parseSearchFilter({ withTestUser: true }).testUsers).toBe('include');
    expect(parseSearchFilter({ testUsersOnly: true }).testUsers).toBe('only');
    expect(parseSearchFilter({ withTestUser: true }, true).testUsers).toBe('only');
  });

  it('turns time bounds in milliseconds into seconds for createdTime and keeps milliseconds for modifiedTime', () => {
    const filter = parseSearchFilter({
      fromCreatedTime: 1_700_000_000_999,
      toCreatedTime: '1700000100000',
      fromModifiedTime: 1_700_000_000_999,
      toModifiedTime: 0,
    });
    expect(filter.createdTime).toEqual({ from: 1_700_000_000, to: 1_700_000_100 });
    expect(filter.modifiedTime).toEqual({ from: 1_700_000_000_999 });
    expect(refusal(() => parseSearchFilter({ fromCreatedTime: 'yesterday' })).code).toBe('E011004');
    expect(refusal(() => parseSearchFilter({ toModifiedTime: -1 })).code).toBe('E011004');
  });

  it('reads tenantRoleNames and tenantRoleIds as one alternative each, with and = all roles', () => {
    const filter = parseSearchFilter({
      tenantRoleNames: { T2Acme: { values: ['Editor', 'Viewer'], and: true } },
      tenantRoleIds: { T2Globex: { values: ['RO1'], and: null } },
    });
    expect(filter.tenantRoles).toEqual([
      { tenantIds: ['T2Acme'], roles: ['Editor', 'Viewer'], byId: false, all: true },
      { tenantIds: ['T2Globex'], roles: ['RO1'], byId: true, all: false },
    ]);
  });

  it('reads a custom attribute scalar or list as any-of, with the string spelling of numbers and booleans', () => {
    const filter = parseSearchFilter({
      customAttributes: { plan: ['pro', 'team'], seats: 5, beta: 'true', gone: null },
    });
    expect(filter.customAttributes).toEqual([
      { name: 'plan', values: ['pro', 'team'] },
      { name: 'seats', values: [5, '5'] },
      { name: 'beta', values: ['true', true] },
    ]);
    const error = refusal(() => parseSearchFilter({ customAttributes: { plan: { nested: 1 } } }));
    expect([error.code, error.message]).toEqual([
      'E011004',
      expect.stringContaining('customAttributes.plan'),
    ]);
  });

  it('lower-cases the text, and keeps the verified flags when false but the auth-method flags only when true', () => {
    const filter = parseSearchFilter({
      text: 'Ada L',
      verifiedEmail: false,
      verifiedRecoveryPhone: true,
      password: false,
      ssoOnly: true,
      scim: true,
    });
    expect(filter.text).toBe('ada l');
    expect(filter.flags).toEqual({
      verifiedEmail: false,
      verifiedRecoveryPhone: true,
      sso: true,
      scim: true,
    });
  });
});
