import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPresent } from '../../helpers/browser.js';
import { useInspector } from '../../helpers/inspector.js';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';
import { dsl, tuple } from '../fga/kit.js';

const mock = useMock();
const TIMEOUT = 60_000;

const SCHEMA = dsl(
  'type user',
  'type group',
  '  relation member: user',
  'type doc',
  '  relation owner: user',
  '  relation viewer: user | group#member',
  '  permission can_view: owner | viewer',
);
/** The schema the first test types: one type more than the one the SDK saved first. */
const SCHEMA_TYPED = `${SCHEMA}\ntype folder\n  relation viewer: user`;

describe.skipIf(!chromiumPresent)('the inspector: FGA relations', () => {
  const inspector = useInspector(mock);
  beforeAll(async () => {
    expect((await mock.sdk().management.fga.saveSchema({ dsl: SCHEMA })).ok).toBe(true);
  }, TIMEOUT);
  /** The page afresh (openInspector loads it anew): no state (filters, page) stays from a test before. */
  const openPage = async () => {
    await inspector.open(`#/${TEST_PROJECT.projectId}/fga`);
  };

  const relationsTable = () => inspector.page.getByRole('table', { name: 'Relations' });
  const check = async (text: string) => {
    const answer = await mock.sdk().management.fga.check([tuple(text)]);
    expect(answer.ok).toBe(true);
    return answer.data?.[0]?.allowed;
  };

  it(
    'saves the schema typed in the page, and shows the line and column of a bad one',
    async () => {
      const { page } = inspector;
      await openPage();
      const editor = page.getByLabel('Schema (DSL)');
      // The page loads the schema after it renders.
      await expect.poll(() => editor.inputValue()).toBe(SCHEMA);
      await editor.fill(SCHEMA_TYPED);
      await page.getByRole('button', { name: 'Save schema' }).click();
      await page.getByRole('status').filter({ hasText: 'Schema saved.' }).waitFor();
      const loaded = await mock.sdk().management.fga.loadSchema();
      expect(loaded.data?.dsl).toBe(SCHEMA_TYPED);

      await editor.fill(dsl('type doc', '  relation owner: ghost'));
      await page.getByRole('button', { name: 'Save schema' }).click();
      const alert = page.getByRole('region', { name: 'Schema' }).getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/^400 E011004: .*line 4, column \d+/);
      expect((await mock.sdk().management.fga.loadSchema()).data?.dsl).toBe(SCHEMA_TYPED);

      await page.getByRole('button', { name: 'Discard changes' }).click();
      await expect.poll(() => editor.inputValue()).toBe(SCHEMA_TYPED);
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'adds a relation that check then allows, deletes it and check denies it',
    async () => {
      const { page } = inspector;
      await openPage();
      expect(await check('doc:d1#owner@user:u1')).toBe(false);

      await page.getByRole('button', { name: 'Add relation' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add relation' });
      await dialog.getByLabel('Resource type', { exact: true }).fill('doc');
      await dialog.getByLabel('Resource', { exact: true }).fill('d1');
      await dialog.getByLabel('Relation', { exact: true }).fill('owner');
      await dialog.getByLabel(/^Target type/).fill('user');
      await dialog.getByLabel('Target', { exact: true }).fill('u1');
      await dialog.getByRole('button', { name: 'Add' }).click();
      await dialog.waitFor({ state: 'detached' });
      const remove = relationsTable().getByRole('button', { name: 'Delete doc:d1#owner@user:u1' });
      await remove.waitFor();
      expect(await check('doc:d1#owner@user:u1')).toBe(true);
      expect(await check('doc:d1#can_view@user:u1')).toBe(true);

      // A refused tuple (a relation the schema does not have) is shown in the dialog, not added.
      await page.getByRole('button', { name: 'Add relation' }).click();
      await dialog.getByLabel('Resource type', { exact: true }).fill('doc');
      await dialog.getByLabel('Resource', { exact: true }).fill('d1');
      await dialog.getByLabel('Relation', { exact: true }).fill('editor');
      await dialog.getByLabel(/^Target type/).fill('user');
      await dialog.getByLabel('Target', { exact: true }).fill('u1');
      await dialog.getByRole('button', { name: 'Add' }).click();
      expect(await dialog.getByRole('alert').textContent()).toMatch(/^400 E011004: /);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      await remove.click();
      await remove.waitFor({ state: 'detached' });
      expect(await check('doc:d1#owner@user:u1')).toBe(false);
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "shows the SDK's relations live, filters them, and answers the page's check",
    async () => {
      const { page } = inspector;
      await openPage();
      const created = await mock
        .sdk()
        .management.fga.createRelations([
          tuple('doc:d2#viewer@group:g1#member'),
          tuple('group:g1#member@user:u7'),
          tuple('doc:d3#owner@user:u8'),
        ]);
      expect(created.ok).toBe(true);
      // Nothing reloads the page: the rows come through its live polling.
      await relationsTable().getByRole('button', { name: 'Delete doc:d2#viewer@group#member:g1' }).waitFor();
      await relationsTable().getByRole('button', { name: 'Delete group:g1#member@user:u7' }).waitFor();
      await page.getByText('3 relations').waitFor();

      const filters = page.getByRole('form', { name: 'Relation filters' });
      await filters.getByLabel('Resource type', { exact: true }).fill('doc');
      await filters.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('2 relations match the filters').waitFor();
      await relationsTable().getByRole('button', { name: 'Delete group:g1#member@user:u7' }).waitFor({
        state: 'detached',
      });
      await filters.getByLabel('Target', { exact: true }).fill('u8');
      await filters.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('1 relation match the filters').waitFor();

      const form = page.getByRole('region', { name: 'Check' });
      await form.getByLabel('Resource type', { exact: true }).fill('doc');
      await form.getByLabel('Resource', { exact: true }).fill('d2');
      await form.getByLabel('Relation', { exact: true }).fill('can_view');
      await form.getByLabel(/^Target type/).fill('user');
      await form.getByLabel('Target', { exact: true }).fill('u7');
      await form.getByRole('button', { name: 'Check' }).click();
      await form.getByRole('status').filter({ hasText: 'Allowed' }).waitFor();
      await form.getByLabel('Target', { exact: true }).fill('u8');
      await form.getByRole('button', { name: 'Check' }).click();
      await form.getByRole('status').filter({ hasText: 'Denied' }).waitFor();
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'pages through many relations',
    async () => {
      const { page } = inspector;
      const { fga } = mock.sdk().management;
      expect((await fga.deleteAllRelations()).ok).toBe(true);
      const many = Array.from({ length: 60 }, (_, i) =>
        tuple(`doc:p${String(i).padStart(2, '0')}#owner@user:u1`),
      );
      expect((await fga.createRelations(many)).ok).toBe(true);
      await openPage();
      const pager = page.getByRole('navigation', { name: 'Pages' }).filter({ hasText: 'of 60' });
      await pager.getByText('1–50 of 60').waitFor();
      expect(await relationsTable().locator('tbody tr').count()).toBe(50);
      await pager.getByRole('button', { name: 'Next →' }).click();
      await pager.getByText('51–60 of 60').waitFor();
      await relationsTable().getByRole('button', { name: 'Delete doc:p59#owner@user:u1' }).waitFor();
      expect(await relationsTable().locator('tbody tr').count()).toBe(10);
      expect(inspector.errors).toEqual([]);
    },
    TIMEOUT,
  );
});
