import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../helpers/browser.js';
import { useInspector } from '../../helpers/inspector.js';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';
import { lastSent } from '../../helpers/signIn.js';

const BROWSER_MS = 60_000;

describe.skipIf(!chromiumPresent)('the inspector: outbox', () => {
  const mock = useMock();
  const inspector = useInspector(mock);
  beforeAll(async () => {
    await inspector.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: mock.url,
    });
  }, BROWSER_MS);

  it(
    'shows a code and a link as the SDK triggers them: the code copies, the link opens in a new tab',
    async () => {
      const { page } = inspector;
      await inspector.open(`#/${TEST_PROJECT.projectId}/outbox`);
      const table = page.getByRole('table', { name: 'Outbox' });
      const sdk = mock.sdk();

      expect((await sdk.otp.signUpOrIn.email('otp-user@example.com')).ok).toBe(true);
      const otp = await lastSent(mock, TEST_PROJECT.projectId, 'otp', 'otp-user@example.com');
      const otpRow = table.getByRole('row').filter({ hasText: 'otp-user@example.com' });
      await otpRow.waitFor();
      expect(await otpRow.textContent()).toContain(otp.payload.code);
      await otpRow.getByRole('button', { name: 'Copy' }).click();
      await otpRow.getByRole('button', { name: 'Copied' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(otp.payload.code);

      const uri = 'http://localhost:3000/verify';
      expect((await sdk.magicLink.signUpOrIn.email('link-user@example.com', uri)).ok).toBe(true);
      const magic = await lastSent(mock, TEST_PROJECT.projectId, 'magiclink', 'link-user@example.com');
      const linkRow = table.getByRole('row').filter({ hasText: 'link-user@example.com' });
      await linkRow.waitFor();
      const link = linkRow.getByRole('link');
      expect(await link.getAttribute('href')).toBe(magic.payload.link);
      expect(magic.payload.link).toContain(`${uri}?t=`);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');

      // Newest first.
      const rows = await table.getByRole('row').allInnerTexts();
      expect(rows.findIndex((row) => row.includes('link-user@'))).toBeLessThan(
        rows.findIndex((row) => row.includes('otp-user@')),
      );

      expect(inspector.errors).toEqual([]);
    },
    BROWSER_MS,
  );
  it(
    'shows a redirect URL that is not http(s) as text, never as a link the page would follow',
    async () => {
      const { page } = inspector;
      await inspector.open(`#/${TEST_PROJECT.projectId}/outbox`);
      const sdk = mock.sdk();
      const sent = await sdk.magicLink.signUpOrIn.email('script-link@example.com', 'javascript:alert(1)//');
      expect(sent.ok).toBe(true);
      const magic = await lastSent(mock, TEST_PROJECT.projectId, 'magiclink', 'script-link@example.com');
      expect(magic.payload.link.startsWith('javascript:')).toBe(true);
      const row = page
        .getByRole('table', { name: 'Outbox' })
        .getByRole('row')
        .filter({ hasText: 'script-link@example.com' });
      await row.getByText(magic.payload.link).waitFor();
      expect(await row.getByRole('link').count()).toBe(0);
      expect(inspector.errors).toEqual([]);
    },
    BROWSER_MS,
  );
});
