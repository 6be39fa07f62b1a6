import { describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../helpers/browser.js';
import { useInspector } from '../../helpers/inspector.js';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';

/**
 * The inspector's users page (issue 15) in a real chromium: what it does goes through the Descope API and is
 * checked with the official SDK; what an SDK does shows on the open page without a reload.
 */
const TIMEOUT = 60_000;
const fragment = (query = '') => `#/${TEST_PROJECT.projectId}/users${query ? `?${query}` : ''}`;

describe.skipIf(!chromiumPresent)('inspector: users page', () => {
  const mock = useMock();
  const inspector = useInspector(mock);

  const table = () => inspector.page.getByRole('table', { name: 'Users' });
  const dialog = (name: string | RegExp) => inspector.page.getByRole('dialog', { name });
  /** A fresh document at the page (a goto that changes only the fragment would keep the last test's state). */
  const show = async (query = '') => {
    await inspector.page.goto('about:blank');
    await inspector.open(fragment(query));
  };
  /** Opens the page filtered to `text` and opens the user's row. */
  const openUser = async (text: string, name: string) => {
    await show(`q=${encodeURIComponent(text)}`);
    await table()
      .getByRole('button', { name: new RegExp(name) })
      .click();
    const user = dialog(new RegExp(`User ${name}`));
    await user.waitFor();
    // Its title follows the user's name, which a test may change: the one dialog open, whatever its title.
    return inspector.page.getByRole('dialog');
  };

  it(
    'creates a user that the SDK then loads, with its roles and tenant',
    async () => {
      const { page } = inspector;
      await show();
      await page.getByRole('button', { name: 'Create user' }).click();
      const create = dialog('Create user');
      await create.getByLabel('Login ID').fill('grace@example.com');
      await create.getByLabel('Email').fill('grace@example.com');
      await create.getByLabel('Name').fill('Grace Hopper');
      await create.getByRole('group', { name: 'Roles' }).getByLabel('Viewer').check();
      await create.getByLabel('Add to tenant').selectOption('T2Acme');
      await create.getByRole('group', { name: 'Tenant Acme' }).getByLabel('Approver').check();
      await create.getByRole('button', { name: 'Create' }).click();
      await expect.poll(() => create.isVisible()).toBe(false);
      await table()
        .getByRole('button', { name: /Grace Hopper/ })
        .waitFor();

      const loaded = await mock.sdk().management.user.load('grace@example.com');
      expect(loaded.ok).toBe(true);
      expect(loaded.data?.name).toBe('Grace Hopper');
      expect(loaded.data?.email).toBe('grace@example.com');
      expect(loaded.data?.roleNames).toEqual(['Viewer']);
      expect(loaded.data?.userTenants).toEqual([
        expect.objectContaining({ tenantId: 'T2Acme', roleNames: ['Approver'] }),
      ]);
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'shows a change made through the SDK on the open page, without a reload',
    async () => {
      const sdk = mock.sdk();
      await sdk.management.user.create('live@example.com', { displayName: 'Before Change' });
      await show('q=live%40example.com');
      await table()
        .getByRole('button', { name: /Before Change/ })
        .waitFor();
      const marker = await inspector.page.evaluate(() => {
        (window as unknown as { marker: number }).marker = 42;
        return location.href;
      });

      await sdk.management.user.updateDisplayName('live@example.com', 'After Change');
      await table()
        .getByRole('button', { name: /After Change/ })
        .waitFor();
      // The same document: the page reloaded its data, not itself.
      expect(await inspector.page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
      expect(inspector.page.url()).toBe(marker);

      // An open dialog follows too: its form shows the new name.
      const user = await openUser('live@example.com', 'After Change');
      await sdk.management.user.updateDisplayName('live@example.com', 'Third Name');
      await expect.poll(() => user.getByLabel('Name', { exact: true }).inputValue()).toBe('Third Name');
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'edits names, contacts, roles, tenants and custom attributes through user/patch',
    async () => {
      const sdk = mock.sdk();
      await sdk.management.user.create('edit@example.com', {
        displayName: 'Edit Me',
        email: 'edit@example.com',
        roles: ['Viewer'],
      });
      const user = await openUser('edit@example.com', 'Edit Me');
      await user.getByLabel('Given name').fill('Edsger');
      await user.getByLabel('Phone', { exact: true }).fill('+15550001111');
      await user.getByLabel('Email verified').check();
      const roles = user.getByRole('group', { name: 'Roles' });
      await roles.getByLabel('Viewer').uncheck();
      await roles.getByLabel('Editor').check();
      await user.getByLabel('Add to tenant').selectOption('T2Globex');
      await user.getByLabel('seats').fill('7');
      await user.getByLabel('plan').selectOption('pro');
      await user.getByLabel('beta').check();
      await user.getByRole('button', { name: 'Save changes' }).click();

      await expect
        .poll(async () => (await sdk.management.user.load('edit@example.com')).data?.givenName)
        .toBe('Edsger');
      const { data } = await sdk.management.user.load('edit@example.com');
      expect(data?.name).toBe('Edit Me');
      expect(data?.phone).toBe('+15550001111');
      expect(data?.verifiedEmail).toBe(true);
      expect(data?.roleNames).toEqual(['Editor']);
      expect(data?.userTenants?.map((tenant) => tenant.tenantId)).toEqual(['T2Globex']);
      expect(data?.customAttributes).toEqual({ seats: 7, plan: 'pro', beta: true });

      // Emptying an attribute removes it; leaving the rest alone keeps them.
      await user.getByLabel('seats').fill('');
      await user.getByRole('button', { name: 'Save changes' }).click();
      await expect
        .poll(async () => (await sdk.management.user.load('edit@example.com')).data?.customAttributes)
        .toEqual({ plan: 'pro', beta: true });
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "shows a refusal in place, with Descope's code: a phone that is not one",
    async () => {
      await mock.sdk().management.user.create('refuse@example.com', { displayName: 'Refuse Me' });
      const user = await openUser('refuse@example.com', 'Refuse Me');
      await user.getByLabel('Phone', { exact: true }).fill('not a phone');
      await user.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => user.getByRole('alert').textContent()).toMatch(/^400 E011004: .*phone/);
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'disables, enables and deletes a user (after a confirmation)',
    async () => {
      const sdk = mock.sdk();
      await sdk.management.user.create('status@example.com', { displayName: 'Status User' });
      const user = await openUser('status@example.com', 'Status User');
      await user.getByRole('button', { name: 'Disable' }).click();
      await expect
        .poll(async () => (await sdk.management.user.load('status@example.com')).data?.status)
        .toBe('disabled');
      await user.getByRole('button', { name: 'Enable' }).click();
      await expect
        .poll(async () => (await sdk.management.user.load('status@example.com')).data?.status)
        .toBe('enabled');
      await table().getByText('enabled').waitFor();

      await user.getByRole('button', { name: 'Delete user' }).click();
      await expect.poll(async () => (await sdk.management.user.load('status@example.com')).ok).toBe(false);
      await inspector.page.getByText('No user matches these filters.').waitFor();
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'searches, filters and pages on the server, and a reload keeps the filters and page',
    async () => {
      const sdk = mock.sdk();
      for (let i = 0; i < 60; i++) {
        await sdk.management.user.create(`pager${i}@example.com`, {
          displayName: `Pager ${i}`,
          userTenants: i % 3 === 0 ? [{ tenantId: 'T2Acme', roleNames: [] }] : [],
        });
        if (i % 4 === 0) await sdk.management.user.deactivate(`pager${i}@example.com`);
      }
      await sdk.management.user.createTestUser('pagertest@example.com', { displayName: 'Pager Test' });
      const { page } = inspector;
      // A select's accessible name is its label followed by the option it shows.
      const filter = (name: RegExp) => page.getByRole('search').getByRole('combobox', { name });
      await show();
      await page.getByRole('searchbox', { name: 'Search' }).fill('pager');
      await page.getByText('60 users', { exact: true }).waitFor();
      const pager = page.getByRole('navigation', { name: 'Pages' });
      await pager.getByText('1–50 of 60').waitFor();
      expect(await table().locator('tbody tr').count()).toBe(50);
      await pager.getByRole('button', { name: 'Next →' }).click();
      await pager.getByText('51–60 of 60').waitFor();
      // The pager moves at the click; the rows when the next page's search answers.
      await expect.poll(() => table().locator('tbody tr').count()).toBe(10);

      await page.reload();
      await pager.getByText('51–60 of 60').waitFor();
      expect(await page.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('pager');

      // A filter goes back to the first page; 15 of the 60 were disabled, 20 are in Acme, 5 both.
      await filter(/^Status/).selectOption('disabled');
      await page.getByText('15 users', { exact: true }).waitFor();
      await filter(/^Tenant/).selectOption('T2Acme');
      await page.getByText('5 users', { exact: true }).waitFor();
      await filter(/^Status/).selectOption('');
      await page.getByText('20 users', { exact: true }).waitFor();
      await filter(/^Tenant/).selectOption('');
      await filter(/^Test users/).selectOption('only');
      await page.getByText('1 user', { exact: true }).waitFor();
      await table()
        .getByRole('button', { name: /Pager Test/ })
        .waitFor();
      expect(page.url()).toContain('test=only');
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'signs in as a user: the decoded token names the user and validates with the SDK',
    async () => {
      const sdk = mock.sdk();
      const created = await sdk.management.user.create('signin@example.com', {
        displayName: 'Sign In',
        userTenants: [{ tenantId: 'T2Acme', roleNames: ['Approver'] }],
      });
      const userId = created.data?.userId as string;
      const user = await openUser('signin@example.com', 'Sign In');
      await user.getByLabel('Tenant (dct claim)').selectOption('T2Acme');
      await user.getByRole('button', { name: 'Sign in as' }).click();
      const token = user.getByRole('region', { name: 'Session token' });
      await token.getByRole('button', { name: 'Copy session token' }).waitFor();
      await token.getByRole('button', { name: 'Copy refresh token' }).waitFor();
      const payload = JSON.parse((await token.getByTitle('Session token payload').textContent()) ?? '');
      expect(payload.sub).toBe(userId);
      expect(payload.dct).toBe('T2Acme');
      const header = JSON.parse((await token.getByTitle('Session token header').textContent()) ?? '');
      expect(header.typ).toBe('JWT');
      await token.getByText('Expires').waitFor();

      await token.getByText('Encoded session token').click();
      const jwt = (await token.getByTitle('Encoded session token').textContent()) ?? '';
      const validated = await sdk.validateSession(jwt.trim());
      expect(validated.token.sub).toBe(userId);
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );
});
