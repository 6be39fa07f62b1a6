import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import DescopeClient from '@descope/node-sdk';
import { chromium, type Page } from 'playwright-core';
import { DEFAULT_PROJECT_ID } from '../src/config.js';
import { type DescopeMock, startDescopeMock } from '../src/index.js';
import { INSPECTOR_PATH } from '../src/inspectorApp.js';

/**
 * `npm run docs:ui`: the screenshots of the inspector under docs/ui/, which the README shows. It starts a mock
 * on the demo fixtures, gives it some life through the official SDK (a new user, sign-ins that fill the
 * outbox, a fault, an FGA schema and relations, so every page has something to show), and photographs each
 * page in Debian's chromium at 1280×800, plus the users page on a narrow window and in the dark.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHOTS_DIR = join(ROOT, 'docs', 'ui');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Shot {
  file: string;
  /** The fragment after `/_mock/ui`. */
  fragment: string;
  caption: string;
  width?: number;
  height?: number;
  dark?: boolean;
  /** What to do on the page before the photograph (open a dialog). */
  prepare?: (page: Page) => Promise<void>;
}

const P = DEFAULT_PROJECT_ID;

/** One shot per page of the inspector (test/docs/uiScreenshots.test.ts checks the list against ui/pages). */
export const SHOTS: readonly Shot[] = [
  { file: 'projects.png', fragment: '#/projects', caption: 'Projects: counts, create, reset, snapshots' },
  { file: 'users.png', fragment: `#/${P}/users`, caption: 'Users: search, filters, paging' },
  {
    file: 'users-sign-in-as.png',
    fragment: `#/${P}/users`,
    caption: '"Sign in as": a minted session, decoded',
    prepare: async (page) => {
      await page
        .getByRole('row')
        .filter({ hasText: 'maya.patel@northwind.example' })
        .getByRole('button')
        .first()
        .click();
      await page.getByRole('button', { name: 'Sign in as' }).click();
      const claim = page.getByText('"sub"').first();
      await claim.waitFor();
      await claim.scrollIntoViewIfNeeded();
    },
  },
  { file: 'tenants.png', fragment: `#/${P}/tenants`, caption: 'Tenants' },
  { file: 'roles.png', fragment: `#/${P}/roles`, caption: 'Roles' },
  { file: 'permissions.png', fragment: `#/${P}/permissions`, caption: 'Permissions' },
  { file: 'access-keys.png', fragment: `#/${P}/access-keys`, caption: 'Access keys' },
  { file: 'attributes.png', fragment: `#/${P}/attributes`, caption: 'Custom attributes' },
  { file: 'requests.png', fragment: `#/${P}/requests`, caption: 'Requests: the live journal' },
  { file: 'outbox.png', fragment: `#/${P}/outbox`, caption: 'Outbox: codes and links' },
  { file: 'faults.png', fragment: `#/${P}/faults`, caption: 'Faults' },
  { file: 'audit.png', fragment: `#/${P}/audit`, caption: 'Audit trail' },
  { file: 'fga.png', fragment: `#/${P}/fga`, caption: 'FGA schema and relations' },
  {
    file: 'users-narrow-dark.png',
    fragment: `#/${P}/users`,
    caption: 'A narrow window, dark',
    width: 420,
    height: 800,
    dark: true,
  },
];

const FGA_SCHEMA = `model AuthZ 1.0

type user

type org
  relation member: user

type folder
  relation parent: folder
  relation owner: user
  relation viewer: user | org#member
  permission can_view: viewer | owner | parent.can_view

type doc
  relation parent: folder
  relation owner: user
  permission can_view: owner | parent.can_view
`;

/** Calls a real client would make, so the journal, the outbox, the audit trail and the FGA page have content. */
async function giveItLife(mock: DescopeMock): Promise<void> {
  const { projectId, managementKey, url } = mock;
  const sdk = DescopeClient({ projectId, managementKey, baseUrl: url });
  await sdk.management.user.create('new.hire@northwind.example', {
    email: 'new.hire@northwind.example',
    displayName: 'Noa Levi',
    userTenants: [{ tenantId: 'T2Northwind00000000000000000', roleNames: ['Tenant Admin'] }],
  });
  await sdk.management.user.updateDisplayName('liam.oconnor@northwind.example', "Liam O'Connor");
  await sdk.otp.signUpOrIn.email('maya.patel@northwind.example');
  await sdk.magicLink.signUpOrIn.email('dana.kim@contoso.example', 'http://localhost:3000/verify');
  await sdk.management.fga.saveSchema({ dsl: FGA_SCHEMA });
  await sdk.management.fga.createRelations([
    { resource: 'roadmap', resourceType: 'doc', relation: 'parent', target: 'plans', targetType: 'folder' },
    {
      resource: 'plans',
      resourceType: 'folder',
      relation: 'viewer',
      target: 'northwind',
      targetType: 'org#member',
    },
    { resource: 'northwind', resourceType: 'org', relation: 'member', target: 'maya', targetType: 'user' },
    { resource: 'budget', resourceType: 'doc', relation: 'owner', target: 'liam', targetType: 'user' },
  ]);
  await mock.addFault({ path: '/v1/mgmt/user/update/name', status: 429, times: 3 });
  await sdk.management.user.updateDisplayName('maya.patel@northwind.example', 'Maya P.');
}

export async function takeScreenshots(): Promise<string[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const mock = await startDescopeMock({ fixtures: join(ROOT, 'fixtures', 'demo.json') });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const written: string[] = [];
  try {
    await giveItLife(mock);
    mkdirSync(SHOTS_DIR, { recursive: true });
    for (const shot of SHOTS) {
      const page = await browser.newPage({
        viewport: { width: shot.width ?? 1280, height: shot.height ?? 800 },
        colorScheme: shot.dark ? 'dark' : 'light',
      });
      await page.goto(`${mock.url}${INSPECTOR_PATH}${shot.fragment}`);
      await page.locator('main h1').first().waitFor();
      // The page's data, and a poll of the live pages.
      await page.waitForTimeout(1500);
      await shot.prepare?.(page);
      const path = join(SHOTS_DIR, shot.file);
      await page.screenshot({ path });
      written.push(path);
      await page.close();
    }
  } finally {
    await browser.close();
    await mock.close();
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const path of await takeScreenshots()) console.log(`wrote ${path}`);
}
