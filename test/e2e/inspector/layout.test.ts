import { describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../helpers/browser.js';
import { inspectorPageIds, useInspector } from '../../helpers/inspector.js';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';

/**
 * Every page at 1280×800 and on a phone-narrow window, light and dark: the page never scrolls sideways as a
 * whole (wide tables scroll inside their own box), the navigation stays in view, and the colours follow the
 * system's scheme or the theme button.
 */
describe.skipIf(!chromiumPresent)('the inspector: layout and themes', () => {
  const mock = useMock();
  const inspector = useInspector(mock);

  const fragmentOf = (id: string) => (id === 'projects' ? '#/projects' : `#/${TEST_PROJECT.projectId}/${id}`);
  const overflow = () =>
    inspector.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );

  for (const [width, height] of [
    [1280, 800],
    [400, 800],
  ] as const) {
    it(`shows every page at ${width}×${height} without a sideways scroll`, async () => {
      const { page } = inspector;
      await page.setViewportSize({ width, height });
      for (const id of inspectorPageIds()) {
        await inspector.open(fragmentOf(id));
        await page.locator('main h1').first().waitFor();
        expect(await overflow(), id).toBeLessThanOrEqual(0);
        const current = page.getByRole('navigation', { name: 'Pages' }).locator('[aria-current="page"]');
        expect(await current.isVisible(), id).toBe(true);
      }
      expect(inspector.errors).toEqual([]);
    }, 60_000);
  }

  it("follows the system's scheme, and the theme button overrides it", async () => {
    const { page } = inspector;
    await page.setViewportSize({ width: 1280, height: 800 });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await inspector.open('#/projects');
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    expect(dark).not.toBe(light);

    // auto → light → dark → auto, remembered across a reload.
    const toggle = page.getByRole('button', { name: /^Theme: / });
    // The page sets the theme in an effect after its render: read the colour once it has run.
    await toggle.click();
    expect(await toggle.textContent()).toBe('Theme: light');
    await expect.poll(background).toBe(light);
    await toggle.click();
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(background).toBe(dark);
    await page.reload();
    await page.locator('main h1').first().waitFor();
    await expect.poll(background).toBe(dark);
    await page.getByRole('button', { name: 'Theme: dark' }).click();
    await expect.poll(background).toBe(light);
    expect(inspector.errors).toEqual([]);
  }, 60_000);
});
