import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTRIBUTE_FILTERS, MAX_TENANT_ROLE_FILTERS } from '../../../src/domain/userSearch.js';
import { expectRefused, type Sdk, useMock } from '../../helpers/mock.js';
import { finder, type SearchRequest } from '../../helpers/search.js';

/**
 * User search at the edges (issue 10, item 14): paging numbers past int32, page × limit past any offset,
 * dozens of custom attribute filters, hundreds of tenant-role entries, a role list with `and` and a sort list
 * thousands long. Each is either answered, as a smaller search would be, or refused with 400 and Descope's
 * body; none is a 500.
 */

const ATTRIBUTES = 70;
const TENANT_ROLES = 70;
const attributeNames = Array.from({ length: ATTRIBUTES }, (_, i) => `attr${i}`);
const roleNames = Array.from({ length: TENANT_ROLES }, (_, i) => `Role${i}`);
const INT32_MAX = 2 ** 31 - 1;

const mock = useMock();
let sdk: Sdk;
let found: ReturnType<typeof finder>;

/** `{attr0: value(0), attr1: value(1), …}` over the first `count` attribute names. */
const attributes = (count: number, value: (i: number) => string | string[] = (i) => `value${i}`) =>
  Object.fromEntries(attributeNames.slice(0, count).map((name, i) => [name, value(i)]));

beforeAll(async () => {
  // "full" holds every attribute and every role of T2Wide; "partial" one attribute and one role fewer.
  const created = await mock.control('POST', '/_mock/projects', {
    tenants: [{ id: 'T2Wide', name: 'Wide' }],
    roles: roleNames.map((name) => ({ name, tenantId: 'T2Wide' })),
    customAttributes: attributeNames.map((name) => ({ name, type: 'text' })),
    users: [
      {
        loginId: 'full@example.com',
        customAttributes: attributes(ATTRIBUTES),
        userTenants: [{ tenantId: 'T2Wide', roleNames }],
      },
      {
        loginId: 'partial@example.com',
        customAttributes: attributes(ATTRIBUTES - 1),
        userTenants: [{ tenantId: 'T2Wide', roleNames: roleNames.slice(1) }],
      },
    ],
  });
  expect(created.status).toBe(201);
  sdk = mock.sdk(created.body);
  found = finder(sdk);
});

const refused = async (request: object, field: string) => {
  const result = await sdk.management.user.search(request as SearchRequest);
  expect(expectRefused(result, 400, 'E011004').errorMessage).toContain(field);
};

describe('paging numbers', () => {
  it('refuses a limit, page or offset past int32 (1e308, 2^63, 2^31, 1e300)', async () => {
    await refused({ limit: 1e308 }, 'limit');
    await refused({ limit: 2 ** 63 }, 'limit');
    await refused({ limit: INT32_MAX + 1 }, 'limit');
    await refused({ page: 2 ** 63 }, 'page');
    await refused({ offset: 1e300 }, 'offset');
    await refused({ page: 2 ** 40, limit: 2 ** 40 }, 'limit');
  });

  it('answers page × limit past every offset as a page past the last match, with the total', async () => {
    expect(await found({ page: INT32_MAX, limit: INT32_MAX })).toEqual({ names: [], total: 2 });
    expect(await found({ limit: INT32_MAX })).toEqual({ names: ['full', 'partial'], total: 2 });
  });
});

describe('many filters', () => {
  it(`matches ${ATTRIBUTES} custom attribute filters, each one required`, async () => {
    expect(await found({ customAttributes: attributes(ATTRIBUTES) })).toEqual({ names: ['full'], total: 1 });
    const listed = attributes(ATTRIBUTES, (i) => [`value${i}`, 'other']);
    expect(await found({ customAttributes: listed, tenantIds: ['T2Wide'] })).toEqual({
      names: ['full'],
      total: 1,
    });
    expect((await found({ customAttributes: attributes(ATTRIBUTES - 1) })).total).toBe(2);
  });

  it(`refuses more than ${MAX_ATTRIBUTE_FILTERS} attribute filters or ${MAX_TENANT_ROLE_FILTERS} tenant-role entries`, async () => {
    const tooMany = Object.fromEntries(
      Array.from({ length: MAX_ATTRIBUTE_FILTERS + 1 }, (_, i) => [`name${i}`, 'x']),
    );
    await refused({ customAttributes: tooMany }, 'customAttributes');
    const entries = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`T2Other${i}`, { values: ['Role0'] }]));
    await refused({ tenantRoleNames: entries(2000) }, 'tenantRoleNames');
    await refused({ tenantRoleIds: entries(MAX_TENANT_ROLE_FILTERS + 1) }, 'tenantRoleIds');
  });

  it(`matches ${MAX_TENANT_ROLE_FILTERS} tenant-role entries, any one of them`, async () => {
    const entries = Object.fromEntries(
      Array.from({ length: MAX_TENANT_ROLE_FILTERS - 1 }, (_, i) => [`T2Other${i}`, { values: ['Role0'] }]),
    );
    const request = { tenantRoleNames: { ...entries, T2Wide: { values: ['Role0'] } } };
    expect(await found(request)).toEqual({ names: ['full'], total: 1 });
  });

  it(`matches a tenant-role entry naming ${TENANT_ROLES} roles, all of them required with and`, async () => {
    const all = { tenantRoleNames: { T2Wide: { values: roleNames, and: true } } };
    expect(await found(all)).toEqual({ names: ['full'], total: 1 });
    const any = { tenantRoleNames: { T2Wide: { values: roleNames } } };
    expect((await found(any)).total).toBe(2);
  });

  it('sorts by a list of 2,000 sort terms as by its distinct fields, in turn', async () => {
    const sort = Array.from({ length: 2000 }, (_, i) => ({
      field: i % 2 ? 'createdTime' : 'email',
      desc: true,
    }));
    expect((await found({ sort })).names).toEqual(['partial', 'full']);
  });
});
