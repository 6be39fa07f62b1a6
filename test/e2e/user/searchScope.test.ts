import { describe, expect, it } from 'vitest';
import { useMock } from '../../helpers/mock.js';
import { finder, type SearchRequest } from '../../helpers/search.js';

/**
 * management.user.search (descope-api.md 4.6) where the fast paths of src/store/userSearchQuery.ts decide the
 * answer: tenantIds with roleNames (one 'er' facet range), the total told by a short page or counted, and
 * the text filter's wildcard characters taken literally. Users of test/fixtures/searchScope.json, oldest first:
 * ana, ben, cal, dee, eve (tenant members), star, quest, brack, and the test user tina (in two tenants).
 */
const FIXTURES = new URL('../../fixtures/searchScope.json', import.meta.url).pathname;
const PROJECT = { projectId: 'P2SearchScope000000000000000', managementKey: 'K2SearchScope' };

const mock = useMock({ fixtures: FIXTURES });
const sdk = mock.sdk(PROJECT);

const found = finder(sdk);
const northEditors = { tenantIds: ['T2North'], roles: ['Editor'] };

describe('tenantIds with roleNames', () => {
  it('matches members holding the role in one of those tenants or at project level, not in another tenant', async () => {
    // cal is a member of T2North but an Editor only in T2South.
    expect(await found(northEditors)).toEqual({ names: ['ana', 'ben'], total: 2 });
    expect(await found({ tenantIds: ['T2South'], roles: ['Editor'] })).toEqual({ names: ['cal'], total: 1 });
    expect(await found({ tenantIds: ['T2North', 'T2South'], roles: ['Editor', 'Viewer'] })).toEqual({
      names: ['ana', 'ben', 'cal'],
      total: 3,
    });
    // Without tenantIds, a role held in any tenant counts.
    expect(await found({ roles: ['Editor'] })).toEqual({ names: ['ana', 'ben', 'cal', 'dee'], total: 4 });
  });

  it('covers roles held in descendant tenants with includeSubTenants', async () => {
    const request = { ...northEditors, includeSubTenants: true } as SearchRequest;
    expect(await found(request)).toEqual({ names: ['ana', 'ben', 'dee'], total: 3 });
  });

  it('follows role changes: a project role or a tenant role added, then removed', async () => {
    const user = sdk.management.user;
    expect((await user.addRoles('cal@example.com', ['Editor'])).ok).toBe(true);
    expect((await user.load('cal@example.com')).data?.roleNames).toEqual(['Editor']);
    expect(await found(northEditors)).toEqual({ names: ['ana', 'ben', 'cal'], total: 3 });

    expect((await user.addTenantRoles('eve@example.com', 'T2North', ['Editor'])).ok).toBe(true);
    const eve = (await user.load('eve@example.com')).data;
    expect(eve?.userTenants?.find((t) => t.tenantId === 'T2North')?.roleNames).toEqual(['Editor']);
    expect(await found(northEditors)).toEqual({ names: ['ana', 'ben', 'cal', 'eve'], total: 4 });

    expect((await user.removeRoles('cal@example.com', ['Editor'])).ok).toBe(true);
    expect((await user.removeTenantRoles('eve@example.com', 'T2North', ['Editor'])).ok).toBe(true);
    expect((await user.load('cal@example.com')).data?.roleNames).toEqual([]);
    expect(await found(northEditors)).toEqual({ names: ['ana', 'ben'], total: 2 });
  });
});

describe('total', () => {
  // Members of T2North or T2South: ana, ben, cal, eve (cal and eve are in both, and count once).
  const members = { tenantIds: ['T2North', 'T2South'] };

  it('counts every match once on a full page, a short last page and an empty page past the end', async () => {
    expect(await found({ ...members, limit: 2 })).toEqual({ names: ['ana', 'ben'], total: 4 });
    expect(await found({ ...members, limit: 2, page: 1 })).toEqual({ names: ['cal', 'eve'], total: 4 });
    expect(await found({ ...members, limit: 3, page: 1 })).toEqual({ names: ['eve'], total: 4 });
    expect(await found({ ...members, limit: 2, page: 5 })).toEqual({ names: [], total: 4 });
    expect(await found({ ...members, limit: 2, offset: 3 } as SearchRequest)).toEqual({
      names: ['eve'],
      total: 4,
    });
  });

  it('counts test users once too with withTestUser, on a full page and a short one', async () => {
    const withTests = { ...members, withTestUser: true, limit: 2 } as SearchRequest;
    expect(await found(withTests)).toEqual({ names: ['ana', 'ben'], total: 5 });
    expect(await found({ ...withTests, page: 2 } as SearchRequest)).toEqual({ names: ['tina'], total: 5 });
  });

  it('counts once, too, when the ranges are sorted or too many to merge', async () => {
    const sorted = { ...members, sort: [{ field: 'email', desc: true }], limit: 2 } as SearchRequest;
    expect(await found(sorted)).toEqual({ names: ['eve', 'cal'], total: 4 });
    // 40 role names: past the number of ranges merged, the matches are collected instead.
    const unknown = Array.from({ length: 39 }, (_, i) => `Unknown${i}`);
    expect(await found({ ...members, roles: [...unknown, 'Editor'], limit: 2 })).toEqual({
      names: ['ana', 'ben'],
      total: 3,
    });
  });

  it('counts text matches beyond the page', async () => {
    expect(await found({ text: '@example.com', limit: 3 })).toEqual({
      names: ['ana', 'ben', 'cal'],
      total: 8,
    });
    expect(await found({ text: '@example.com', limit: 3, page: 2 })).toEqual({
      names: ['quest', 'brack'],
      total: 8,
    });
  });
});

describe('text', () => {
  it('takes *, ? and [ literally, ignoring case', async () => {
    expect(await found({ text: '*' })).toEqual({ names: ['star'], total: 1 });
    expect(await found({ text: 'STAR*LORD' })).toEqual({ names: ['star'], total: 1 });
    expect(await found({ text: 's*d' })).toEqual({ names: [], total: 0 });
    expect(await found({ text: '?' })).toEqual({ names: ['quest'], total: 1 });
    expect(await found({ text: 'q?t' })).toEqual({ names: [], total: 0 });
    expect(await found({ text: '[bracket]' })).toEqual({ names: ['brack'], total: 1 });
    expect(await found({ text: '[b]' })).toEqual({ names: [], total: 0 });
  });
});
