import { describe, expect, it } from 'vitest';
import { expectDescopeError, expectRefused, OTHER_PROJECT, type Sdk, useMock } from '../../helpers/mock.js';

const mock = useMock();
const sdk = mock.sdk();

describe('management.tenant.create / createWithId / load', () => {
  it('creates a tenant with a generated T2 ID and answers it from load at the root, every field present', async () => {
    const created = await sdk.management.tenant.create('Initech', ['initech.com'], { tier: 'gold' }, true);
    expect(created.ok).toBe(true);
    const id = created.data!.id;
    expect(id).toMatch(/^T2[A-Za-z0-9]{26}$/);

    const loaded = await sdk.management.tenant.load(id);
    expect(loaded.ok).toBe(true);
    expect(loaded.data).toEqual({
      id,
      name: 'Initech',
      customAttributes: { tier: 'gold' },
      selfProvisioningDomains: ['initech.com'],
      authType: 'none',
      domains: [],
      createdTime: expect.any(Number),
      disabled: false,
      enforceSSO: true,
      enforceSSOExclusions: [],
      federatedAppIds: [],
      parent: '',
      successors: [],
      defaultRoles: [],
      roleInheritance: '',
    });
    expect(Math.abs((loaded.data as any).createdTime - Date.now() / 1000)).toBeLessThan(60);
  });

  it('keeps a given ID, and answers {id}', async () => {
    const created = await sdk.management.tenant.createWithId('T2GivenId', 'Hooli');
    expect(created.ok).toBe(true);
    expect(created.data).toEqual({ id: 'T2GivenId' });
    expect((await sdk.management.tenant.load('T2GivenId')).data?.name).toBe('Hooli');
  });

  it('requires a name, and refuses a taken name or ID without writing anything', async () => {
    const noName = await sdk.management.tenant.create('');
    expect(expectRefused(noName, 400, 'E011002').errorMessage).toBe('The name field is required');

    const before = (await sdk.management.tenant.loadAll()).data!.length;
    const sameName = await sdk.management.tenant.create('Acme');
    expectRefused(sameName, 400, 'E011004');
    const sameId = await sdk.management.tenant.createWithId('T2Acme', 'Another name');
    expectDescopeError(sameId.error, 'E011004');
    expect((await sdk.management.tenant.loadAll()).data!.length).toBe(before);
  });

  it('load of an unknown or missing ID is a Descope error', async () => {
    const unknown = await sdk.management.tenant.load('T2Nope');
    expectRefused(unknown, 400, 'E011004');
    const missing = await mock.http('GET', '/v1/mgmt/tenant');
    expect(expectRefused(missing, 400, 'E011002').errorMessage).toBe('The id field is required');
  });
});

describe('hierarchy', () => {
  it('a child names its parent and the parent lists it in successors; an unknown parent is refused', async () => {
    const parent = (await sdk.management.tenant.create('Parent Co')).data!.id;
    const child = (await sdk.management.tenant.create('Child Co', [], {}, false, false, parent)).data!.id;
    // The Go SDK spells the parent `parentId`.
    const viaGo = await mock.http('POST', '/v1/mgmt/tenant/create', {
      body: { name: 'Go Child', parentId: parent },
    });
    expect(viaGo.status).toBe(200);

    expect((await sdk.management.tenant.load(child)).data).toMatchObject({ parent, successors: [] });
    expect((await sdk.management.tenant.load(parent)).data).toMatchObject({
      parent: '',
      successors: [child, viaGo.body.id],
    });
    // tenant/all and tenant/search derive successors from the listed tenants, not from tenant/load's query.
    const all = (await sdk.management.tenant.loadAll()).data ?? [];
    expect(all.find((tenant) => tenant.id === parent)).toMatchObject({ successors: [child, viaGo.body.id] });
    // A search that keeps only the parent still lists the children it filtered out.
    expect((await sdk.management.tenant.searchAll([parent])).data).toMatchObject([
      { id: parent, successors: [child, viaGo.body.id] },
    ]);
    const orphan = await sdk.management.tenant.create('Orphan', [], {}, false, false, 'T2Missing');
    expectDescopeError(orphan.error, 'E011004');
  });
});

describe('management.tenant.update / updateDefaultRoles', () => {
  it('update overrides every field it carries and keeps ID, parent and default roles', async () => {
    const id = (
      await sdk.management.tenant.create('Umbrella', ['umbrella.com'], { tier: 'gold' }, true, false)
    ).data!.id;
    expect((await sdk.management.tenant.updateDefaultRoles(id, ['Viewer'])).ok).toBe(true);
    const updated = await sdk.management.tenant.update(
      id,
      'Umbrella Corp',
      undefined,
      undefined,
      false,
      true,
    );
    expect(updated.ok).toBe(true);
    expect(updated.data).toEqual({});
    expect((await sdk.management.tenant.load(id)).data).toMatchObject({
      id,
      name: 'Umbrella Corp',
      selfProvisioningDomains: [],
      customAttributes: {},
      enforceSSO: false,
      disabled: true,
      defaultRoles: ['Viewer'],
    });
  });

  it('update needs an existing ID and a name', async () => {
    expectDescopeError((await sdk.management.tenant.update('T2Acme', '')).error, 'E011002');
    expectDescopeError((await sdk.management.tenant.update('T2Nope', 'X')).error, 'E011004');
    expect((await sdk.management.tenant.load('T2Acme')).data?.name).toBe('Acme');
  });

  it('default roles must exist in the tenant scope (its own roles or project roles)', async () => {
    const ok = await sdk.management.tenant.updateDefaultRoles('T2Acme', ['Approver', 'Viewer']);
    expect(ok.ok).toBe(true);
    expect((await sdk.management.tenant.load('T2Acme')).data?.defaultRoles).toEqual(['Approver', 'Viewer']);
    // Approver is scoped to Acme: Globex cannot use it.
    const bad = await sdk.management.tenant.updateDefaultRoles('T2Globex', ['Approver']);
    expectDescopeError(bad.error, 'E011004');
    expect((await sdk.management.tenant.load('T2Globex')).data?.defaultRoles).toEqual([]);
    expect((await sdk.management.tenant.updateDefaultRoles('T2Acme', [])).ok).toBe(true);
  });
});

describe('management.tenant.loadAll / searchAll', () => {
  it('loadAll lists every tenant of the project and no other project', async () => {
    const all = await sdk.management.tenant.loadAll();
    expect(all.ok).toBe(true);
    const names = all.data!.map((tenant) => tenant.name);
    expect(names).toEqual(expect.arrayContaining(['Acme', 'Globex', 'Hooli']));
    const other = await mock.sdk(OTHER_PROJECT);
    expect((await other.management.tenant.loadAll()).data).toEqual([]);
  });

  it('searchAll filters by IDs, names, domains, custom attributes and parent', async () => {
    const parent = (await sdk.management.tenant.create('Search Parent', ['sp.com'], { region: 'eu' })).data!
      .id;
    const child = (
      await sdk.management.tenant.create('Search Child', ['sc.com'], { region: 'us' }, false, false, parent)
    ).data!.id;
    const search = async (...args: Parameters<Sdk['management']['tenant']['searchAll']>) =>
      (await sdk.management.tenant.searchAll(...args)).data!.map((tenant) => tenant.id);

    expect(await search([parent, child])).toEqual([parent, child]);
    expect(await search(undefined, ['search child'])).toEqual([child]);
    expect(await search(undefined, undefined, ['sp.com'])).toEqual([parent]);
    expect(await search(undefined, undefined, undefined, { region: 'us' })).toEqual([child]);
    expect(await search(undefined, undefined, undefined, undefined, parent)).toEqual([child]);
    expect(await search([parent], undefined, ['sc.com'])).toEqual([]);
  });
});

describe('management.tenant.getSettings / configureSettings', () => {
  it('answers every setting with its default, then keeps what was configured', async () => {
    const id = (await sdk.management.tenant.create('Settings Co', ['settings.com'])).data!.id;
    const fresh = await sdk.management.tenant.getSettings(id);
    expect(fresh.ok).toBe(true);
    expect(fresh.data).toMatchObject({
      domains: [],
      selfProvisioningDomains: ['settings.com'],
      authType: 'none',
      enabled: false,
      sessionTokenExpiration: 0,
      sessionTokenExpirationUnit: '',
      JITDisabled: false,
      ssoSetupSuiteSettings: { enabled: false, styleId: '', disabledFeatures: { saml: false } },
    });

    const configured = await sdk.management.tenant.configureSettings(id, {
      selfProvisioningDomains: ['settings.io'],
      enabled: true,
      sessionTokenExpiration: 30,
      sessionTokenExpirationUnit: 'minutes',
      InactivityTime: 2,
      InactivityTimeUnit: 'hours',
      enableInactivity: true,
    });
    expect(configured.ok).toBe(true);
    expect(configured.data).toEqual({});
    expect((await sdk.management.tenant.getSettings(id)).data).toMatchObject({
      selfProvisioningDomains: ['settings.io'],
      enabled: true,
      sessionTokenExpiration: 30,
      sessionTokenExpirationUnit: 'minutes',
      inactivityTime: 2,
      inactivityTimeUnit: 'hours',
      enableInactivity: true,
      refreshTokenExpiration: 0,
    });
    // The self-provisioning domains are the tenant's own.
    expect((await sdk.management.tenant.load(id)).data?.selfProvisioningDomains).toEqual(['settings.io']);
  });

  it('refuses an unknown unit or tenant', async () => {
    const bad = await sdk.management.tenant.configureSettings('T2Acme', {
      selfProvisioningDomains: [],
      sessionTokenExpirationUnit: 'years' as any,
    });
    expectDescopeError(bad.error, 'E011004');
    expectDescopeError((await sdk.management.tenant.getSettings('T2Nope')).error, 'E011004');
  });
});
