import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../src/app/operation.js';
import { generateSsoLink, revokeSsoLinks } from '../../../src/app/ssoLinks.js';
import { deleteTenant } from '../../../src/app/tenant.js';
import { ConfigSchema } from '../../../src/config.js';
import { seedProject } from '../../../src/fixtures/seed.js';
import { createHarness } from '../../../src/harness/index.js';
import { openStore, type Store } from '../../../src/store/index.js';

/**
 * The SSO configuration links as the store keeps them: valid until now + expireTime, ended by a revoke (all of
 * the tenant's, or one configuration's) and by the tenant's delete. No SDK call reads a link back, so this
 * checks the record below the API.
 */
let store: Store | undefined;
afterEach(() => store?.close());

const NOW = 1_700_000_000_000;

function services(): Services {
  store = openStore(':memory:');
  seedProject(
    store,
    {
      projectId: 'P2',
      name: '',
      managementKeys: ['K2'],
      permissions: [],
      roles: [],
      tenants: [
        {
          id: 'T2Acme',
          name: 'Acme',
          selfProvisioningDomains: [],
          customAttributes: {},
          parent: '',
          sso: [{ ssoId: 'okta', displayName: 'Okta' }],
        },
      ],
      customAttributes: [],
      users: [],
      accessKeys: [],
      managementKeyRecords: [],
      engines: [],
      descopers: [],
      groups: [],
    },
    'test',
    NOW,
  );
  const config = ConfigSchema.parse({ fixtures: 'none' });
  return { store, config, now: () => NOW, harness: createHarness(config) };
}

const at = { projectId: 'P2', origin: 'http://mock.test' };
const tokenOf = (link: string) => new URL(link).searchParams.get('t') as string;

describe('SSO configuration links', () => {
  it('are valid until now + expireTime seconds, and no longer', () => {
    const s = services();
    const link = generateSsoLink(s, at, { tenantId: 'T2Acme', expireTime: 60 }).adminSSOConfigurationLink;
    expect(link.startsWith('http://mock.test/sso-setup?t=')).toBe(true);
    const token = tokenOf(link);
    expect(s.store.ssoSettings.findLink('P2', token, NOW + 59_999)).toMatchObject({
      tenantId: 'T2Acme',
      ssoId: '',
      expiresMs: NOW + 60_000,
    });
    expect(s.store.ssoSettings.findLink('P2', token, NOW + 60_000)).toBeUndefined();
  });

  it("a revoke with an ssoId ends that configuration's links; without, all the tenant's", () => {
    const s = services();
    const make = (ssoId?: string) =>
      tokenOf(
        generateSsoLink(s, at, { tenantId: 'T2Acme', expireTime: 600, ssoId }).adminSSOConfigurationLink,
      );
    const byDefault = make();
    const byOkta = make('okta');
    revokeSsoLinks(s, 'P2', { tenantId: 'T2Acme', ssoId: 'okta' });
    expect(s.store.ssoSettings.findLink('P2', byOkta, NOW)).toBeUndefined();
    expect(s.store.ssoSettings.findLink('P2', byDefault, NOW)).toBeDefined();
    const another = make('okta');
    revokeSsoLinks(s, 'P2', { tenantId: 'T2Acme' });
    expect(s.store.ssoSettings.findLink('P2', byDefault, NOW)).toBeUndefined();
    expect(s.store.ssoSettings.findLink('P2', another, NOW)).toBeUndefined();
  });

  it("go with the tenant, and so do the tenant's SSO configurations", () => {
    const s = services();
    const token = tokenOf(
      generateSsoLink(s, at, { tenantId: 'T2Acme', expireTime: 600 }).adminSSOConfigurationLink,
    );
    expect(s.store.ssoSettings.list('P2', 'T2Acme').map((config) => config.ssoId)).toEqual(['okta']);
    deleteTenant(s, 'P2', { id: 'T2Acme' });
    expect(s.store.ssoSettings.findLink('P2', token, NOW)).toBeUndefined();
    expect(s.store.ssoSettings.list('P2', 'T2Acme')).toEqual([]);
  });
});
