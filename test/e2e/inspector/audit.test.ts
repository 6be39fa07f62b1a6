import { describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../helpers/browser.js';
import { useInspector } from '../../helpers/inspector.js';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';

const mock = useMock();
const TIMEOUT = 60_000;

describe.skipIf(!chromiumPresent)('the inspector: Audit', () => {
  const inspector = useInspector(mock);
  /** The page afresh (openInspector loads it anew): no state (filters, page) stays from a test before. */
  const openPage = async () => {
    await inspector.open(`#/${TEST_PROJECT.projectId}/audit`);
  };

  const table = () => inspector.page.getByRole('table', { name: 'Audit events' });
  /** The action of each row shown, top to bottom. */
  const actionsShown = async () => {
    const rows = table().locator('tbody tr');
    return rows.evaluateAll((elements) =>
      elements.map((row) => row.querySelector('td')?.textContent?.trim() ?? ''),
    );
  };

  it(
    "shows the SDK's changes live, newest first, and a filter narrows them",
    async () => {
      const { page } = inspector;
      await openPage();
      await page.getByRole('heading', { name: 'Audit' }).waitFor();

      const { user } = mock.sdk().management;
      const created = await user.create('audit-live@example.com', { email: 'audit-live@example.com' });
      expect(created.ok).toBe(true);
      const row = (action: string) =>
        table().getByRole('row').filter({ hasText: action }).filter({ hasText: 'audit-live@example.com' });
      // Nothing reloads the page: the event appears through its live polling.
      await row('UserCreated').waitFor();

      expect((await user.update('audit-live@example.com', { displayName: 'Audited' })).ok).toBe(true);
      await row('UserModified').waitFor();
      const shown = await actionsShown();
      expect(shown.indexOf('UserModified')).toBeLessThan(shown.indexOf('UserCreated'));

      await page.getByLabel('Actions').fill('UserModified');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await row('UserCreated').waitFor({ state: 'detached' });
      expect(new Set(await actionsShown())).toEqual(new Set(['UserModified']));

      // The row opens the event's whole record.
      await row('UserModified').getByRole('button', { name: 'UserModified' }).click();
      const dialog = page.getByRole('dialog', { name: 'UserModified event' });
      await dialog.waitFor();
      const json = JSON.parse((await dialog.locator('pre.json').textContent()) ?? '{}');
      expect(json).toMatchObject({
        action: 'UserModified',
        projectId: TEST_PROJECT.projectId,
        userId: created.data?.userId,
        externalIds: ['audit-live@example.com'],
      });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'Clear filters' }).click();
      await row('UserCreated').waitFor();
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'filters by login ID and text, and says when nothing matches',
    async () => {
      const { page } = inspector;
      await openPage();
      const { user } = mock.sdk().management;
      expect((await user.create('audit-other@example.com', { email: 'audit-other@example.com' })).ok).toBe(
        true,
      );
      await table().getByRole('row').filter({ hasText: 'audit-other@example.com' }).first().waitFor();

      await page.getByLabel('Login IDs').fill('audit-other@example.com');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await table()
        .getByRole('row')
        .filter({ hasText: 'audit-live@example.com' })
        .first()
        .waitFor({ state: 'detached' });
      expect(await actionsShown()).toEqual(['UserCreated']);

      await page.getByLabel('Text').fill('no-such-text-anywhere');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('No event matches the filters.').waitFor();
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );
});
