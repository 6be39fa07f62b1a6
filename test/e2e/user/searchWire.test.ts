import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import {
  finder,
  SEARCH_FIXTURES,
  SEARCH_OTHER_PROJECT,
  SEARCH_PROJECT,
  type SearchRequest,
} from '../../helpers/search.js';

/**
 * User search on the wire: the v1 path and bodies no SDK sends (raw HTTP), refused filter values, and the
 * search index following every write (create, update, patch, delete, test users, another project).
 */

const mock = useMock({ fixtures: SEARCH_FIXTURES });
const sdk = mock.sdk(SEARCH_PROJECT);
const auth = `Bearer ${SEARCH_PROJECT.projectId}:${SEARCH_PROJECT.managementKey}`;

const found = finder(sdk);
const post = (path: string, body?: unknown, rawBody?: string) =>
  mock.http('POST', path, { body, rawBody, auth });

describe('raw HTTP', () => {
  it('serves the deprecated v1 path with the same filters and answer as v2', async () => {
    const body = { statuses: ['enabled'], sort: [{ field: 'createdTime', desc: true }] };
    const v1 = await post('/v1/mgmt/user/search', body);
    const v2 = await post('/v2/mgmt/user/search', body);
    expect(v1.status).toBe(200);
    expect(v1.body.total).toBe(2);
    expect(v1.body.users.map((user: any) => user.userId)).toEqual(['U2SearchEdsger', 'U2SearchAda']);
    expect(v1.body).toEqual(v2.body);
  });

  it('reads a request without a body, and one with unknown keys and nulls, as no filter', async () => {
    const bare = await mock.http('POST', '/v2/mgmt/user/search', { auth });
    expect([bare.status, bare.body.total]).toEqual([200, 5]);
    const odd = await post('/v2/mgmt/user/search', { someFutureKey: 1, statuses: null, text: null });
    expect([odd.status, odd.body.total]).toEqual([200, 5]);
    const test = await post('/v2/mgmt/user/search/test', { testUsersOnly: false, withTestUser: false });
    expect(test.body.users.map((user: any) => user.userId)).toEqual(['U2SearchTess', 'U2SearchTom']);
  });

  it.each([
    ['an unknown status', { statuses: ['enabled', 'foo'] }, '"foo"'],
    ['an unknown sort field', { sort: [{ field: 'bar' }] }, '"bar"'],
    ['a negative limit', { limit: -1 }, 'limit'],
    ['a negative page', { page: -2 }, 'page'],
    ['a negative offset', { offset: -1 }, 'offset'],
    ['a time that is not a number', { fromCreatedTime: 'yesterday' }, 'fromCreatedTime'],
    ['an object as attribute value', { customAttributes: { plan: { is: 'pro' } } }, 'customAttributes.plan'],
  ])('refuses %s with 400 E011004 on v1, v2 and v2/test', async (_, body, detail) => {
    for (const path of ['/v1/mgmt/user/search', '/v2/mgmt/user/search', '/v2/mgmt/user/search/test']) {
      const response = await post(path, body);
      expect(expectRefused(response, 400, 'E011004').errorMessage).toContain(detail);
    }
  });

  it('refuses a wrong type with 400 E011001, malformed JSON too', async () => {
    for (const body of [
      { statuses: 'enabled' },
      { limit: 'ten' },
      { tenantRoleNames: { T2Acme: ['Editor'] } },
    ]) {
      const response = await post('/v2/mgmt/user/search', body);
      expectRefused(response, 400, 'E011001');
    }
    const malformed = await post('/v2/mgmt/user/search', undefined, '{"statuses": [');
    expectRefused(malformed, 400, 'E011001');
  });

  it('answers the SDK an error it can read: ok false, code 400, the Descope body', async () => {
    const result = await sdk.management.user.search({ statuses: ['active' as 'enabled'] });
    expect(result.ok).toBe(false);
    expect(result.code).toBe(400);
    expect(result.error).toMatchObject({ errorCode: 'E011004' });
  });
});

describe('the index follows every write', () => {
  it('finds a created user by each filter, and no longer after an update or patch takes the value away', async () => {
    const created = await sdk.management.user.create('new@example.com', {
      displayName: 'Nora Newcomer',
      phone: '+15550000099',
      roles: ['Editor'],
      userTenants: [{ tenantId: 'T2Globex', roleNames: ['Viewer'] }],
      customAttributes: { plan: 'pro', teams: ['blue'] },
      ssoAppIds: ['descope-default-oidc'],
    });
    expect(created.error).toBeUndefined();
    const userId = created.data!.userId;
    const byEvery: SearchRequest[] = [
      { text: 'newcomer' },
      { phones: ['+15550000099'] },
      { roles: ['Editor'], tenantIds: ['T2Globex'] },
      { tenantRoleNames: { T2Globex: { values: ['Viewer'] } } },
      { customAttributes: { plan: 'pro', teams: 'blue' } },
      { ssoAppIds: ['descope-default-oidc'], statuses: ['invited'] },
    ];
    for (const request of byEvery) expect((await found(request)).names).toContain('new');

    const updated = await sdk.management.user.update('new@example.com', { displayName: 'Nora Renamed' });
    expect(updated.error).toBeUndefined();
    expect((await sdk.management.user.load('new@example.com')).data!.userTenants).toEqual([]);
    expect((await found({ text: 'newcomer' })).names).toEqual([]);
    expect((await found({ text: 'renamed' })).names).toEqual(['new']);
    expect((await found({ tenantIds: ['T2Globex'] })).names).not.toContain('new');
    expect((await found({ customAttributes: { plan: 'pro' } })).names).toEqual(['ada']);

    const patched = await sdk.management.user.patch('new@example.com', {
      status: 'disabled',
      roles: ['Viewer'],
    });
    expect(patched.error).toBeUndefined();
    expect((await found({ statuses: ['disabled'], roles: ['Viewer'] })).names).toEqual(['new']);
    expect((await found({ userIds: [userId] })).total).toBe(1);
  });

  it('bounds modifiedTime in milliseconds by the last write', async () => {
    const before = Date.now();
    const updated = await sdk.management.user.updateDisplayName('edsger@example.com', 'Edsger W. Dijkstra');
    expect(updated.error).toBeUndefined();
    expect((await found({ fromModifiedTime: before })).names).toContain('edsger');
    expect((await found({ fromModifiedTime: before })).names).not.toContain('ada');
    expect((await found({ toModifiedTime: before - 1 })).names).not.toContain('edsger');
  });

  it('drops deleted users from results and total, and never shows another project users', async () => {
    const members = async () =>
      (await found({ tenantIds: ['T2Globex'], customAttributes: { plan: 'free' } })).total;
    const membersBefore = await members();
    const created = await sdk.management.user.create('gone@example.com', {
      displayName: 'Soon Gone',
      userTenants: [{ tenantId: 'T2Globex', roleNames: [] }],
      customAttributes: { plan: 'free' },
    });
    expect(created.error).toBeUndefined();
    expect(await found({ text: 'soon gone' })).toEqual({ names: ['gone'], total: 1 });
    expect(await members()).toBe(membersBefore + 1);
    expect((await sdk.management.user.delete('gone@example.com')).ok).toBe(true);
    expect(await found({ text: 'soon gone' })).toEqual({ names: [], total: 0 });
    // Counted from the tenant and attribute rows alone: they went with the user.
    expect(await members()).toBe(membersBefore);
    expect((await sdk.management.user.load('gone@example.com')).code).toBe(404);

    const other = await mock
      .sdk(SEARCH_OTHER_PROJECT)
      .management.user.search({ withTestUser: true, text: 'lovelace' });
    expect(other.data!.users.map((user) => user.loginIds[0])).toEqual(['other@example.com']);
    expect((await found({ text: 'lovelace', withTestUser: true })).names).toEqual(['ada']);
  });

  it('finds a new test user with searchTestUsers until deleteAllTestUsers', async () => {
    const created = await sdk.management.user.createTestUser('tina@example.com', { displayName: 'Tina' });
    expect(created.error).toBeUndefined();
    const during = await sdk.management.user.searchTestUsers({ text: 'tina' });
    expect(during.data!.users.map((user) => user.loginIds[0])).toEqual(['tina@example.com']);
    expect((await found({ text: 'tina' })).names).toEqual([]);
    expect((await sdk.management.user.deleteAllTestUsers()).ok).toBe(true);
    const after = await sdk.management.user.searchTestUsers({});
    expect(after.data).toEqual({ users: [], total: 0 });
  });

  it('filters on the auth methods and recovery contacts a user has', async () => {
    // No management call sets TOTP, passkeys or SSO sign-in: they are set in the store as a sign-in would.
    const { store } = mock.app.services;
    store.transaction(() => {
      const grace = store.users.find(SEARCH_PROJECT.projectId, 'grace@example.com')!;
      store.users.update(SEARCH_PROJECT.projectId, grace, {
        ...grace.user,
        TOTP: true,
        webauthn: true,
        password: true,
      });
      const alan = store.users.find(SEARCH_PROJECT.projectId, 'alan')!;
      store.users.update(SEARCH_PROJECT.projectId, alan, { ...alan.user, SAML: true });
    });
    expect((await found({ totp: true } as SearchRequest)).names).toEqual(['grace']);
    expect((await found({ webauthn: true, password: true } as SearchRequest)).names).toEqual(['grace']);
    expect((await found({ ssoOnly: true } as SearchRequest)).names).toEqual(['alan']);

    const patched = await sdk.management.user.patch('barbara@example.com', { scim: true });
    expect(patched.error).toBeUndefined();
    expect((await sdk.management.user.load('barbara@example.com')).data!.SCIM).toBe(true);
    expect((await found({ scimOnly: true } as SearchRequest)).names).toEqual(['barbara']);

    const recovery = await sdk.management.user.updateRecoveryEmail(
      'ada@example.com',
      'Ada.Backup@example.com',
      false,
    );
    expect(recovery.error).toBeUndefined();
    expect((await found({ recoveryEmails: ['ada.backup@example.com'] } as SearchRequest)).names).toEqual([
      'ada',
    ]);
    expect(
      (
        await found({
          verifiedRecoveryEmail: false,
          recoveryEmails: ['ada.backup@example.com'],
        } as SearchRequest)
      ).names,
    ).toEqual(['ada']);
    expect((await found({ verifiedRecoveryEmail: true } as SearchRequest)).names).toEqual([]);
  });
});
