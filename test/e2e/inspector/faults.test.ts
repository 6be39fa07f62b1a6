import { describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../helpers/browser.js';
import { useInspector } from '../../helpers/inspector.js';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';

const BROWSER_MS = 60_000;

describe.skipIf(!chromiumPresent)('the inspector: faults', () => {
  const mock = useMock();
  const inspector = useInspector(mock);

  it(
    'adds a 429 from the form that the SDK gets, counts its hit, and removes it so the SDK succeeds again',
    async () => {
      const { page } = inspector;
      await inspector.open(`#/${TEST_PROJECT.projectId}/faults`);
      await page.getByText('No faults').waitFor();

      await page.getByRole('button', { name: 'New fault' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a fault' });
      await dialog.getByRole('button', { name: '429 rate limit' }).click();
      await dialog.getByLabel('Path').fill('/v1/mgmt/user/create');
      await dialog.getByLabel('Times').fill('5');
      await expect.poll(() => dialog.getByRole('spinbutton', { name: /^Status/ }).inputValue()).toBe('429');
      await dialog.getByRole('button', { name: 'Add fault' }).click();
      await dialog.waitFor({ state: 'detached' });

      const faults = page.getByRole('table', { name: 'Faults' });
      const row = faults.getByRole('row').filter({ hasText: '/v1/mgmt/user/create' });
      await row.waitFor();
      const [fault] = (await mock.control('GET', '/_mock/faults')).body.faults;
      expect(fault).toMatchObject({
        path: '/v1/mgmt/user/create',
        projectId: TEST_PROJECT.projectId,
        status: 429,
        errorCode: 'E130429',
        times: 5,
      });

      const refused = await mock.sdk().management.user.create('faulted@example.com', {
        email: 'faulted@example.com',
      });
      expect(refused.ok).toBe(false);
      expect(refused.code).toBe(429);
      expect(refused.error?.errorCode).toBe('E130429');

      // Live: the hit and what is left move without a reload.
      await expect
        .poll(() => row.getByRole('cell').allInnerTexts())
        .toEqual(expect.arrayContaining(['1', '4']));

      await row.getByRole('button', { name: `Remove fault ${fault.id}` }).click();
      await page.getByText('No faults').waitFor();
      expect((await mock.control('GET', '/_mock/faults')).body.faults).toEqual([]);

      const accepted = await mock.sdk().management.user.create('faulted@example.com', {
        email: 'faulted@example.com',
      });
      expect(accepted.ok).toBe(true);

      expect(inspector.errors).toEqual([]);
    },
    BROWSER_MS,
  );

  it(
    "shows the mock's refusal of a fault in place",
    async () => {
      const { page } = inspector;
      await inspector.open(`#/${TEST_PROJECT.projectId}/faults`);
      await page.getByRole('button', { name: 'New fault' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a fault' });
      await dialog.getByRole('spinbutton', { name: /^Status/ }).fill('503');
      await dialog.getByRole('button', { name: 'Add fault' }).click();
      await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('allowRetriedStatus');
      await dialog.getByRole('button', { name: 'Close' }).click();
      expect((await mock.control('GET', '/_mock/faults')).body.faults).toEqual([]);
      expect(inspector.errors).toEqual([]);
    },
    BROWSER_MS,
  );
});
