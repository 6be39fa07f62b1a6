import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../helpers/browser.js';
import { useInspector } from '../../helpers/inspector.js';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';

const BROWSER_MS = 60_000;

/** The JSON a body's region of the request dialog shows (after its heading). */
async function bodyIn(region: Locator): Promise<any> {
  const text = (await region.locator('pre').textContent()) ?? '';
  return JSON.parse(text);
}

describe.skipIf(!chromiumPresent)('the inspector: requests', () => {
  const mock = useMock();
  const inspector = useInspector(mock);

  it(
    "shows an SDK's calls live, newest first, and opens one with both bodies, its secrets masked",
    async () => {
      const { page } = inspector;
      await inspector.open(`#/${TEST_PROJECT.projectId}/requests`);
      const table = page.getByRole('table', { name: 'Requests' });

      // The page is open before the calls are made: they can only show up by its polling.
      const sdk = mock.sdk();
      const password = 'Sup3r-Secret-Pa55!';
      const created = await sdk.management.user.create('live@example.com', { email: 'live@example.com' });
      expect(created.ok).toBe(true);
      expect((await sdk.management.user.setActivePassword('live@example.com', password)).ok).toBe(true);

      const setPassword = table.getByRole('button', { name: 'POST /v1/mgmt/user/password/set/active' });
      await setPassword.waitFor();
      const calls = await table.getByRole('row').allInnerTexts();
      const setAt = calls.findIndex((row) => row.includes('/v1/mgmt/user/password/set/active'));
      const createAt = calls.findIndex((row) => row.includes('/v1/mgmt/user/create'));
      expect(setAt).toBeGreaterThan(0);
      expect(createAt).toBeGreaterThan(setAt);

      await setPassword.click();
      const dialog = page.getByRole('dialog', { name: 'POST /v1/mgmt/user/password/set/active' });
      expect(await bodyIn(dialog.getByRole('region', { name: 'Request body' }))).toEqual({
        loginId: 'live@example.com',
        password: '***',
      });
      expect(await dialog.textContent()).not.toContain(password);
      expect(await bodyIn(dialog.getByRole('region', { name: 'Response body' }))).toBeTypeOf('object');
      await dialog.getByRole('button', { name: 'Close' }).click();

      await table.getByRole('button', { name: 'POST /v1/mgmt/user/create' }).click();
      const createDialog = page.getByRole('dialog', { name: 'POST /v1/mgmt/user/create' });
      const body = await bodyIn(createDialog.getByRole('region', { name: 'Response body' }));
      expect(body.user.userId).toBe(created.data?.userId);
      expect(await createDialog.textContent()).toContain('200');
      await createDialog.getByRole('button', { name: 'Close' }).click();

      // The journal's own filter: a path pattern leaves only what it matches.
      await page.getByLabel('Path').fill('/v1/mgmt/user/create');
      await setPassword.waitFor({ state: 'detached' });
      await expect
        .poll(() => table.getByRole('button', { name: 'POST /v1/mgmt/user/create' }).count())
        .toBe(1);

      expect(inspector.errors).toEqual([]);
    },
    BROWSER_MS,
  );

  it(
    "hides the inspector's own calls until asked, and clears the journal",
    async () => {
      const { page } = inspector;
      await inspector.open(`#/${TEST_PROJECT.projectId}/requests`);
      // The previous test left a path filter on the same page: the journal's whole content again.
      await page.getByLabel('Path').fill('');
      const table = page.getByRole('table', { name: 'Requests' });
      const own = await mock.http('POST', '/v1/mgmt/user/search?inspector=1', { body: { limit: 1 } });
      expect(own.status).toBe(200);
      const search = await mock.http('POST', '/v1/mgmt/user/search', { body: { limit: 1 } });
      expect(search.status).toBe(200);

      const searches = table.getByRole('button', { name: 'POST /v1/mgmt/user/search' });
      await expect.poll(() => searches.count()).toBe(1);
      await page.getByLabel("Hide the inspector's own calls").uncheck();
      await expect.poll(() => searches.count()).toBe(2);

      await page.getByRole('button', { name: 'Clear' }).click();
      await page.getByText('No calls yet').waitFor();
      expect((await mock.control('GET', '/_mock/requests')).body.requests).toEqual([]);
      expect(inspector.errors).toEqual([]);
    },
    BROWSER_MS,
  );
});

describe.skipIf(!chromiumPresent)('the inspector: requests within the journal byte bound', () => {
  // 256 KiB of bodies, 8 KiB a body: some 40 of the calls below fit.
  const mock = useMock({ journalBytes: 256 * 1024 });
  const inspector = useInspector(mock);

  it(
    'keeps no more bodies than the journal may, however many calls it has seen',
    async () => {
      const { page } = inspector;
      await inspector.open(`#/${TEST_PROJECT.projectId}/requests`);
      const rows = page.getByRole('table', { name: 'Requests' }).locator('tbody tr');
      const sdk = mock.sdk();
      const name = 'n'.repeat(3000);
      // In batches the page sees one by one: it keeps rows the journal has since dropped.
      for (let batch = 0; batch < 4; batch += 1) {
        for (let i = 0; i < 20; i += 1) {
          expect(
            (await sdk.management.user.create(`bulk-${batch}-${i}@example.com`, { displayName: name })).ok,
          ).toBe(true);
        }
        // Longer than a poll, so the page takes in this batch before the journal drops it for the next.
        await page.waitForTimeout(1500);
      }
      const { requests } = (await mock.control('GET', '/_mock/requests')).body;
      const bytes = (value: unknown) => JSON.stringify(value).length;
      const perCall = bytes(requests.at(-1).requestBody) + bytes(requests.at(-1).responseBody);
      const shown = await rows.count();
      expect(perCall).toBeGreaterThan(6000);
      expect(shown).toBeGreaterThan(1);
      expect(shown * perCall).toBeLessThanOrEqual(256 * 1024 + perCall);
      expect(shown).toBeLessThan(80);
      expect(inspector.errors).toEqual([]);
    },
    BROWSER_MS,
  );
});
