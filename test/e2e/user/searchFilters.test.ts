import { describe, expect, it } from 'vitest';
import { useMock } from '../../helpers/mock.js';
import { finder, SEARCH_FIXTURES, SEARCH_PROJECT, type SearchRequest } from '../../helpers/search.js';

/**
 * management.user.search (POST /v2/mgmt/user/search, descope-api.md 4.6): the identity, status, role, tenant,
 * custom attribute and SSO app filters, on the users of test/fixtures/search.json.
 */

const mock = useMock({ fixtures: SEARCH_FIXTURES });
const sdk = mock.sdk(SEARCH_PROJECT);

const found = finder(sdk);

describe('identity filters', () => {
  it('finds login IDs case-insensitively, additional and phone-shaped ones by any spelling', async () => {
    expect(await found({ loginIds: ['ADA@example.com'] })).toEqual({ names: ['ada'], total: 1 });
    expect(await found({ loginIds: ['+1-555-000-0003', 'edsger@example.com'] })).toEqual({
      names: ['alan', 'edsger'],
      total: 2,
    });
    expect(await found({ loginIds: ['nobody@example.com'] })).toEqual({ names: [], total: 0 });
  });

  it('finds user IDs exactly, emails case-insensitively and phones with or without separators', async () => {
    expect((await found({ userIds: ['U2SearchGrace', 'U2Unknown'] })).names).toEqual(['grace']);
    expect((await found({ emails: ['alan@turing.example'] })).names).toEqual(['alan']);
    expect((await found({ phones: ['+1 555 000 0002'] })).names).toEqual(['grace']);
  });

  it('filters by any of the statuses, expired included', async () => {
    expect(await found({ statuses: ['disabled', 'expired'] })).toEqual({
      names: ['grace', 'barbara'],
      total: 2,
    });
    expect((await found({ statuses: ['enabled'] })).names).toEqual(['ada', 'edsger']);
  });
});

describe('roles and tenants', () => {
  it('matches roleNames held at project level or in any tenant (the SDK sends roles as roleNames)', async () => {
    expect((await found({ roles: ['Viewer'] })).names).toEqual(['ada', 'alan']);
    expect((await found({ roles: ['Approver'] })).names).toEqual(['ada']);
    expect((await found({ roles: ['Editor'], tenantIds: ['T2Globex'] })).names).toEqual(['alan', 'barbara']);
  });

  it('matches members of any of tenantIds, and with includeSubTenants of their descendants', async () => {
    expect((await found({ tenantIds: ['T2Acme'] })).names).toEqual(['ada']);
    expect((await found({ tenantIds: ['T2Acme'], includeSubTenants: true } as SearchRequest)).names).toEqual([
      'ada',
      'grace',
      'edsger',
    ]);
    expect(
      (await found({ tenantIds: ['T2AcmeEast'], includeSubTenants: true } as SearchRequest)).names,
    ).toEqual(['grace', 'edsger']);
  });

  it('matches tenantRoleNames: any of the roles, all of them with and, several tenants as alternatives', async () => {
    const globex = (and: boolean) => ({ T2Globex: { values: ['Viewer', 'Editor'], and } });
    expect((await found({ tenantRoleNames: globex(true) })).names).toEqual(['alan']);
    expect((await found({ tenantRoleNames: globex(false) })).names).toEqual(['alan', 'barbara']);
    expect(
      (
        await found({
          tenantRoleNames: {
            T2Acme: { values: ['Approver'] },
            T2Globex: { values: ['Editor', 'Viewer'], and: true },
          },
        })
      ).names,
    ).toEqual(['ada', 'alan']);
    // A role held in a child tenant counts with includeSubTenants only.
    expect((await found({ tenantRoleNames: { T2Acme: { values: ['Editor'] } } })).names).toEqual([]);
    const withChildren = { tenantRoleNames: { T2Acme: { values: ['Editor'] } }, includeSubTenants: true };
    expect((await found(withChildren as SearchRequest)).names).toEqual(['grace']);
  });

  it('matches tenantRoleIds by the role IDs of role.loadAll; an unknown ID matches nobody', async () => {
    const roles = await sdk.management.role.loadAll();
    const approver = roles.data!.find((role) => role.name === 'Approver') as { id?: string } | undefined;
    expect(approver?.id).toMatch(/\w+/);
    expect((await found({ tenantRoleIds: { T2Acme: { values: [approver!.id!] } } })).names).toEqual(['ada']);
    expect((await found({ tenantRoleIds: { T2Acme: { values: ['RO2Unknown'] } } })).names).toEqual([]);
  });
});

describe('custom attributes and SSO apps', () => {
  it('matches a scalar, or any value of a list, in the type stored or its string spelling', async () => {
    expect((await found({ customAttributes: { plan: 'pro' } })).names).toEqual(['ada']);
    expect((await found({ customAttributes: { plan: ['free', 'team'] } })).names).toEqual(['grace', 'alan']);
    expect((await found({ customAttributes: { seats: 10 } })).names).toEqual(['grace']);
    expect((await found({ customAttributes: { seats: '5' } })).names).toEqual(['ada']);
    expect((await found({ customAttributes: { beta: true } })).names).toEqual(['grace']);
  });

  it('matches an element of a multi-select, requires every attribute given, and finds nobody by an unknown one', async () => {
    expect((await found({ customAttributes: { teams: 'red' } })).names).toEqual(['ada']);
    expect((await found({ customAttributes: { teams: ['green', 'blue'] } })).names).toEqual(['ada', 'alan']);
    expect((await found({ customAttributes: { plan: 'pro', seats: 5 } })).names).toEqual(['ada']);
    expect((await found({ customAttributes: { plan: 'pro', seats: 10 } })).names).toEqual([]);
    expect((await found({ customAttributes: { undeclared: 'x' } })).names).toEqual([]);
  });

  it('matches users assigned any of the SSO apps', async () => {
    expect((await found({ ssoAppIds: ['descope-default-oidc'] })).names).toEqual(['ada']);
    expect((await found({ ssoAppIds: ['unknown-app'] })).names).toEqual([]);
  });

  it('combines filters of every kind with AND', async () => {
    const request = {
      tenantIds: ['T2Acme'],
      includeSubTenants: true,
      statuses: ['enabled'],
    } as SearchRequest;
    expect((await found(request)).names).toEqual(['ada', 'edsger']);
    expect((await found({ ...request, roles: ['Viewer'], customAttributes: { plan: 'pro' } })).names).toEqual(
      ['ada'],
    );
    expect((await found({ ...request, text: 'dijkstra' })).names).toEqual(['edsger']);
  });
});
