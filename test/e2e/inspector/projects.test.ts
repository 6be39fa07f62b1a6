import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../helpers/browser.js';
import { type Inspector, openInspector } from '../../helpers/inspector.js';
import { OTHER_PROJECT, startMock, TEST_PROJECT, type TestMock } from '../../helpers/mock.js';

/** The projects page in chromium: what it lists is what the control plane holds, and its buttons act on it. */
describe.skipIf(!chromiumPresent)('the inspector: projects', () => {
  let mock: TestMock;
  let inspector: Inspector;

  beforeAll(async () => {
    mock = await startMock();
    inspector = await openInspector(mock);
  }, 60_000);
  afterAll(async () => {
    await inspector?.close();
    await mock?.close();
  });

  const table = () => inspector.page.getByRole('table', { name: 'Projects' });
  const rowOf = (projectId: string) => table().getByRole('row').filter({ hasText: projectId });
  const listed = async () => (await mock.control('GET', '/_mock/projects')).body.projects as any[];

  it('lists every project with the counts the Descope API answers', async () => {
    await inspector.open('#/projects');
    await rowOf(OTHER_PROJECT.projectId).waitFor();
    const users = (await mock.sdk().management.user.searchAll()).data as any[];
    const cells = await rowOf(TEST_PROJECT.projectId).getByRole('cell').allTextContents();
    // Project, then Users.
    expect(cells[1]).toBe(String(users.length));
    expect(await table().getByRole('row').count()).toBe(1 + (await listed()).length);
  }, 60_000);

  it('creates a project from a fixture file, whose key and user the SDK then sees', async () => {
    const { page } = inspector;
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Name').fill('From a file');
    await dialog.getByLabel('Fixture or snapshot file (optional)').setInputFiles({
      name: 'fixture.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ projects: [{ name: 'ignored', users: [{ loginId: 'filed@example.com' }] }] }),
      ),
    });
    await dialog.getByRole('button', { name: 'Create' }).click();
    // It opens the new project's users.
    await page.waitForURL(/#\/P2[^/]+\/users$/);
    const projectId = decodeURIComponent(/#\/([^/]+)\//.exec(page.url())?.[1] ?? '');
    const project = (await listed()).find((item) => item.projectId === projectId);
    expect(project.name).toBe('From a file');
    const sdk = mock.sdk({ projectId, managementKey: project.managementKey });
    expect((await sdk.management.user.load('filed@example.com')).ok).toBe(true);
  }, 60_000);

  it('downloads a snapshot, resets to the fixture, and uploads the snapshot back', async () => {
    const { page } = inspector;
    const sdk = mock.sdk(OTHER_PROJECT);
    expect((await sdk.management.user.create('kept@example.com', {})).ok).toBe(true);
    await inspector.open('#/projects');
    const row = rowOf(OTHER_PROJECT.projectId);
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Download' }).click();
    const file = await (await download).path();
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    expect(snapshot.projectId).toBe(OTHER_PROJECT.projectId);
    expect(snapshot.users.map((user: any) => user.loginId)).toContain('kept@example.com');

    await row.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(async () => (await sdk.management.user.load('kept@example.com')).ok).toBe(false);

    await row.getByRole('button', { name: 'Upload' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Snapshot file').setInputFiles(file);
    await dialog.getByRole('button', { name: "Replace the project's state" }).click();
    await expect.poll(async () => (await sdk.management.user.load('kept@example.com')).ok).toBe(true);
  }, 60_000);

  it('deletes a project after asking, and never offers to delete the default one', async () => {
    const created = (await mock.control('POST', '/_mock/projects', { name: 'doomed' })).body;
    await inspector.open('#/projects');
    await rowOf(created.projectId).getByRole('button', { name: 'Delete' }).click();
    await rowOf(created.projectId).waitFor({ state: 'detached' });
    expect((await listed()).some((item) => item.projectId === created.projectId)).toBe(false);
    const defaultRow = table().getByRole('row').filter({ hasText: 'default' });
    expect(await defaultRow.getByRole('button', { name: 'Delete' }).count()).toBe(0);
  }, 60_000);

  it('is driven by the keyboard: Tab reaches the actions, Enter opens, Escape closes', async () => {
    const { page } = inspector;
    await inspector.open('#/projects');
    let focused = '';
    for (let step = 0; step < 40 && focused !== 'New project'; step += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    }
    expect(focused).toBe('New project');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(inspector.errors).toEqual([]);
  }, 60_000);
});
