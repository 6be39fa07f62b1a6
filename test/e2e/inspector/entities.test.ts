import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../helpers/browser.js';
import { useInspector } from '../../helpers/inspector.js';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';

/**
 * The inspector's tenants, roles, permissions, access keys and custom attributes pages in chromium: each
 * browses the fixture's records, and a create, an edit and a delete made by clicking are read back through
 * the official SDK; a refused input shows Descope's error in the page.
 */

const mock = useMock();
const sdk = mock.sdk();
const { projectId } = TEST_PROJECT;
const inspector = useInspector(mock);
afterEach(() => {
  if (chromiumPresent) expect(inspector.errors).toEqual([]);
});

const page = () => inspector.page;
const dialog = (title: string) => page().getByRole('dialog', { name: title });
const table = (label: string) => page().getByRole('table', { name: label });
/** The table row whose text holds `text`. */
const row = (label: string, text: string) => table(label).getByRole('row').filter({ hasText: text });
/** Opens the row whose text holds `text` by its first cell's button, as a click or Enter would. */
const openRow = (label: string, text: string) =>
  row(label, text).getByRole('cell').first().getByRole('button').click();
const closed = (locator: Locator) => locator.waitFor({ state: 'detached' });
/** Submits the dialog's form and waits for the dialog to go (the call it makes has answered by then). */
async function submit(of: Locator, button: string): Promise<void> {
  await of.getByRole('button', { name: button, exact: true }).click();
  await closed(of);
}
/** The alert shown in `within` (an ErrorNote), once it is there. */
async function alertText(within: Locator): Promise<string> {
  const alert = within.getByRole('alert');
  await alert.waitFor();
  return (await alert.textContent()) ?? '';
}

describe.skipIf(!chromiumPresent)(
  'the inspector: tenants, roles, permissions, access keys, attributes',
  () => {
    it('tenants: browse the fixture with user counts, create, edit, refuse a duplicate name, delete', async () => {
      expect((await sdk.management.user.addTenant('ada@example.com', 'T2Acme')).ok).toBe(true);
      await inspector.open(`#/${projectId}/tenants`);
      // The Users column: Ada in Acme, nobody in Globex.
      await row('Tenants', 'T2Acme').getByRole('cell', { name: '1', exact: true }).waitFor();
      await row('Tenants', 'T2Globex').getByRole('cell', { name: '0', exact: true }).waitFor();
      // Live: an SDK's change shows without a reload.
      expect((await sdk.management.user.addTenant('ada@example.com', 'T2Globex')).ok).toBe(true);
      await row('Tenants', 'T2Globex').getByRole('cell', { name: '1', exact: true }).waitFor();

      await page().getByRole('button', { name: 'New tenant' }).click();
      const create = dialog('New tenant');
      await create.getByLabel('Name', { exact: true }).fill('Initech');
      await create.getByLabel('Tenant ID').fill('T2Initech');
      await create.getByLabel('Parent tenant').selectOption('T2Acme');
      await create.getByLabel('Self-provisioning domains').fill('initech.com, initech.org');
      await create.getByLabel('Custom attributes (JSON object)').fill('{"tier": "gold"}');
      await submit(create, 'Create');
      const made = await sdk.management.tenant.load('T2Initech');
      expect(made.data).toMatchObject({
        name: 'Initech',
        parent: 'T2Acme',
        selfProvisioningDomains: ['initech.com', 'initech.org'],
        customAttributes: { tier: 'gold' },
      });

      await openRow('Tenants', 'T2Initech');
      const edit = dialog('Tenant Initech');
      await edit.getByLabel('Tenant details').getByText('Session settings').waitFor();
      await edit.getByLabel('Name', { exact: true }).fill('Initech Corp');
      await edit.getByLabel('Disabled').check();
      await edit
        .getByRole('group', { name: /^Default roles/ })
        .getByRole('checkbox', { name: 'Viewer' })
        .check();
      await submit(edit, 'Save');
      const edited = await sdk.management.tenant.load('T2Initech');
      // What the dialog does not edit is kept, though tenant/update overrides every field it is sent.
      expect(edited.data).toMatchObject({
        name: 'Initech Corp',
        disabled: true,
        defaultRoles: ['Viewer'],
        parent: 'T2Acme',
        selfProvisioningDomains: ['initech.com', 'initech.org'],
        customAttributes: { tier: 'gold' },
      });

      await page().getByRole('button', { name: 'New tenant' }).click();
      const duplicate = dialog('New tenant');
      await duplicate.getByLabel('Name', { exact: true }).fill('Globex');
      await duplicate.getByRole('button', { name: 'Create', exact: true }).click();
      expect(await alertText(duplicate)).toContain('E011004: A tenant named "Globex" already exists');
      await duplicate.getByRole('button', { name: 'Close' }).click();
      await closed(duplicate);

      await row('Tenants', 'T2Initech').waitFor();
      await page().getByRole('button', { name: 'Delete Initech Corp' }).click();
      const remove = dialog('Delete tenant Initech Corp');
      await remove.getByLabel(/^Cascade/).check();
      await submit(remove, 'Delete');
      const gone = await sdk.management.tenant.load('T2Initech');
      expect(gone.ok).toBe(false);
      await closed(row('Tenants', 'T2Initech'));
    }, 60_000);

    it('roles: browse, scope to a tenant, create with permissions, edit, refuse a duplicate, delete', async () => {
      await inspector.open(`#/${projectId}/roles`);
      await row('Roles', 'Viewer').waitFor();
      await row('Roles', 'Approver').waitFor();

      await page().getByLabel('Scope').selectOption('T2Acme');
      await closed(row('Roles', 'Viewer'));
      await row('Roles', 'Approver').waitFor();
      await page().getByLabel('Scope').selectOption('*');
      await row('Roles', 'Viewer').waitFor();

      await page().getByRole('button', { name: 'New role' }).click();
      const create = dialog('New role');
      await create.getByLabel('Name', { exact: true }).fill('Auditor');
      await create.getByLabel('Description').fill('Reads the reports');
      await create.getByLabel('Tenant').selectOption('T2Globex');
      await create.getByRole('checkbox', { name: 'Read Reports' }).check();
      await create.getByLabel(/^Default/).check();
      await submit(create, 'Create');
      const created = await sdk.management.role.search({ tenantIds: ['T2Globex'], roleNames: ['Auditor'] });
      expect(created.data).toEqual([
        expect.objectContaining({
          name: 'Auditor',
          description: 'Reads the reports',
          tenantId: 'T2Globex',
          permissionNames: ['Read Reports'],
          default: true,
        }),
      ]);

      await openRow('Roles', 'Auditor');
      const edit = dialog('Edit role Auditor');
      await edit.getByLabel('Name', { exact: true }).fill('Chief Auditor');
      await edit.getByRole('checkbox', { name: 'Impersonate' }).check();
      await submit(edit, 'Save');
      const edited = await sdk.management.role.search({ tenantIds: ['T2Globex'] });
      expect(edited.data).toEqual([
        expect.objectContaining({
          name: 'Chief Auditor',
          description: 'Reads the reports',
          permissionNames: ['Read Reports', 'Impersonate'],
        }),
      ]);

      await page().getByRole('button', { name: 'New role' }).click();
      const duplicate = dialog('New role');
      await duplicate.getByLabel('Name', { exact: true }).fill('Viewer');
      await duplicate.getByRole('button', { name: 'Create', exact: true }).click();
      expect(await alertText(duplicate)).toContain('E011004: Role "Viewer" already exists');
      await duplicate.getByRole('button', { name: 'Close' }).click();
      await closed(duplicate);

      await row('Roles', 'Chief Auditor').waitFor();
      await page().getByRole('button', { name: 'Delete Chief Auditor' }).click();
      await closed(row('Roles', 'Chief Auditor'));
      const after = await sdk.management.role.search({ tenantIds: ['T2Globex'] });
      expect(after.data).toEqual([]);
    }, 60_000);

    it('permissions: browse with the roles granting each, create, rename, refuse a duplicate, delete', async () => {
      await inspector.open(`#/${projectId}/permissions`);
      await row('Permissions', 'Read Reports').filter({ hasText: 'Viewer' }).waitFor();

      await page().getByRole('button', { name: 'New permission' }).click();
      const create = dialog('New permission');
      await create.getByLabel('Name', { exact: true }).fill('Export Data');
      await create.getByLabel('Description').fill('Download CSVs');
      await submit(create, 'Create');
      const all = async () => (await sdk.management.permission.loadAll()).data ?? [];
      expect(await all()).toContainEqual(
        expect.objectContaining({ name: 'Export Data', description: 'Download CSVs' }),
      );

      await openRow('Permissions', 'Export Data');
      const edit = dialog('Edit permission Export Data');
      await edit.getByLabel('Name', { exact: true }).fill('Export Everything');
      await edit.getByLabel('Description').fill('Download all the CSVs');
      await submit(edit, 'Save');
      const renamed = await all();
      expect(renamed).toContainEqual(
        expect.objectContaining({ name: 'Export Everything', description: 'Download all the CSVs' }),
      );
      expect(renamed.map((permission) => permission.name)).not.toContain('Export Data');

      await page().getByRole('button', { name: 'New permission' }).click();
      const duplicate = dialog('New permission');
      await duplicate.getByLabel('Name', { exact: true }).fill('Read Reports');
      await duplicate.getByRole('button', { name: 'Create', exact: true }).click();
      expect(await alertText(duplicate)).toContain('E011004: Permission "Read Reports" already exists');
      await duplicate.getByRole('button', { name: 'Close' }).click();
      await closed(duplicate);

      await page().getByRole('button', { name: 'Delete Export Everything' }).click();
      await closed(row('Permissions', 'Export Everything'));
      expect((await all()).map((permission) => permission.name)).not.toContain('Export Everything');
    }, 60_000);

    it('access keys: create shows a cleartext the SDK exchanges, edit, deactivate, refuse a past expiry, delete', async () => {
      const fixtureKey = await sdk.management.accessKey.create('Fixture key', 0, ['Viewer']);
      await inspector.open(`#/${projectId}/access-keys`);
      await row('Access keys', fixtureKey.data!.key.id).waitFor();

      await page().getByRole('button', { name: 'New access key' }).click();
      const create = dialog('New access key');
      await create.getByLabel('Name', { exact: true }).fill('CI key');
      await create.getByLabel('Description').fill('for the pipeline');
      await create.getByRole('checkbox', { name: 'Viewer' }).check();
      await create.getByLabel('Add a tenant').selectOption('T2Acme');
      await create
        .getByRole('group', { name: 'Roles in Acme' })
        .getByRole('checkbox', { name: 'Approver' })
        .check();
      await create.getByLabel('Permitted IPs').fill('127.0.0.1, ::1, ::ffff:127.0.0.1');
      await create.getByLabel('Custom claims (JSON object)').fill('{"team": "ci"}');
      await create.getByRole('button', { name: 'Create', exact: true }).click();
      const shown = dialog('Access key CI key created');
      const cleartext = await shown.getByLabel('Access key cleartext').inputValue();
      await shown.getByRole('button', { name: 'Copy' }).waitFor();
      const session = await sdk.exchangeAccessKey(cleartext);
      expect(session.token).toMatchObject({
        roles: ['Viewer'],
        tenants: { T2Acme: { roles: ['Approver'] } },
        team: 'ci',
      });
      await shown.getByRole('button', { name: 'Done' }).click();
      await closed(shown);
      // Once: the page never shows it again.
      expect(await page().content()).not.toContain(cleartext);

      const keys = async () => (await sdk.management.accessKey.searchAll()).data ?? [];
      const ci = (await keys()).find((key) => key.name === 'CI key');
      expect(ci).toMatchObject({
        description: 'for the pipeline',
        permittedIps: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
      });

      await openRow('Access keys', ci!.id);
      const edit = dialog('Access key CI key');
      await edit.getByLabel('Name', { exact: true }).fill('CI key 2');
      await edit
        .getByRole('group', { name: 'Project roles' })
        .getByRole('checkbox', { name: 'Editor' })
        .check();
      await submit(edit, 'Save');
      expect((await sdk.management.accessKey.load(ci!.id)).data).toMatchObject({
        name: 'CI key 2',
        roleNames: ['Viewer', 'Editor'],
        keyTenants: [expect.objectContaining({ tenantId: 'T2Acme', roleNames: ['Approver'] })],
        customClaims: { team: 'ci' },
      });

      await page().getByRole('button', { name: 'Deactivate CI key 2' }).click();
      await page().getByRole('button', { name: 'Activate CI key 2' }).waitFor();
      expect((await sdk.management.accessKey.load(ci!.id)).data?.status).toBe('inactive');
      await page().getByRole('button', { name: 'Activate CI key 2' }).click();
      await page().getByRole('button', { name: 'Deactivate CI key 2' }).waitFor();
      expect((await sdk.management.accessKey.load(ci!.id)).data?.status).toBe('active');

      await page().getByRole('button', { name: 'New access key' }).click();
      const past = dialog('New access key');
      await past.getByLabel('Name', { exact: true }).fill('Stale');
      await past.getByLabel('Expires').fill('2001-01-01T00:00');
      await past.getByRole('button', { name: 'Create', exact: true }).click();
      expect(await alertText(past)).toContain('E011004: The expireTime field is in the past');
      await past.getByRole('button', { name: 'Close' }).click();
      await closed(past);

      await page().getByRole('button', { name: 'Delete CI key 2' }).click();
      await closed(row('Access keys', ci!.id));
      expect((await sdk.management.accessKey.load(ci!.id)).ok).toBe(false);
    }, 60_000);

    it('custom attributes: browse the fixture, create a select, edit its options, refuse a type change, delete', async () => {
      await inspector.open(`#/${projectId}/attributes`);
      const attributes = table('User custom attributes');
      for (const name of ['plan', 'seats', 'beta', 'nickname', 'teams', 'renewal']) {
        await attributes.getByRole('button', { name, exact: true }).waitFor();
      }
      await row('User custom attributes', 'plan').filter({ hasText: 'Single select' }).waitFor();

      await page().getByRole('button', { name: 'New attribute' }).click();
      const create = dialog('New custom attribute');
      await create.getByLabel('Name', { exact: true }).fill('region');
      await create.getByLabel('Display name').fill('Region');
      await create.getByLabel('Type').selectOption('5');
      await create.getByLabel('Options').fill('eu = Europe\nus');
      await submit(create, 'Create');
      const load = async () => (await sdk.management.user.getCustomAttributes()).data ?? [];
      expect((await load()).find((attribute) => attribute.name === 'region')).toMatchObject({
        displayName: 'Region',
        type: 5,
        options: [
          { value: 'eu', label: 'Europe' },
          { value: 'us', label: 'us' },
        ],
      });

      await openRow('User custom attributes', 'Region');
      const edit = dialog('Attribute region');
      await edit.getByLabel('Options').fill('eu = Europe\nus = United States\napac');
      await submit(edit, 'Save');
      expect((await load()).find((attribute) => attribute.name === 'region')?.options).toEqual([
        { value: 'eu', label: 'Europe' },
        { value: 'us', label: 'United States' },
        { value: 'apac', label: 'apac' },
      ]);

      await openRow('User custom attributes', 'Region');
      const retype = dialog('Attribute region');
      await retype.getByLabel('Type').selectOption('1');
      await retype.getByRole('button', { name: 'Save', exact: true }).click();
      expect(await alertText(retype)).toContain(
        'E011004: Custom attribute "region" is a multiSelect: its type cannot change',
      );
      await retype.getByRole('button', { name: 'Close' }).click();
      await closed(retype);

      await page().getByRole('button', { name: 'Delete region' }).click();
      await closed(attributes.getByRole('button', { name: 'region Region' }));
      expect((await load()).map((attribute) => attribute.name)).not.toContain('region');
    }, 60_000);
  },
);
