import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSPECTOR_PATH } from '../../../src/inspectorApp.js';
import { chromiumPresent } from '../../helpers/browser.js';
import { type Inspector, openInspector } from '../../helpers/inspector.js';
import { expectDescopeError, startMock, TEST_PROJECT, type TestMock, useMock } from '../../helpers/mock.js';

/**
 * Who may load the inspector, and what the page may do once loaded. Without an admin token it follows the
 * control plane (loopback clients naming a loopback host); with one, the page (static code) is open and every
 * call it makes needs the token.
 */
describe('the inspector without an admin token', () => {
  const mock = useMock();

  it('serves the page with a policy that allows its own script, style and calls only', async () => {
    const page = await mock.http('GET', INSPECTOR_PATH, { auth: null });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = String(page.body);
    const script = /<script type="module" src="([^"]+)"/.exec(html)?.[1] ?? '';
    const style = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(script.startsWith(`${INSPECTOR_PATH}/app.js?v=`)).toBe(true);

    const js = await fetch(`${mock.url}${script}`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await js.text()).length).toBeGreaterThan(1000);
    const css = await fetch(`${mock.url}${style}`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');

    // Revalidated, not downloaded again.
    const etag = js.headers.get('etag') ?? '';
    const again = await fetch(`${mock.url}${script}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('refuses a request for another host name (DNS rebinding), however the path is spelled', async () => {
    // light-my-request: a loopback client (127.0.0.1) whose Host header names another site.
    for (const url of [INSPECTOR_PATH, '/%5Fmock/ui', `${INSPECTOR_PATH}/app.js`]) {
      const refused = await mock.app.inject({ method: 'GET', url, headers: { host: 'rebound.example:80' } });
      expect(refused.statusCode, url).toBe(403);
      expectDescopeError(refused.json(), 'E000403');
    }
    const fromAfar = await mock.app.inject({ method: 'GET', url: INSPECTOR_PATH, remoteAddress: '10.1.2.3' });
    expect(fromAfar.statusCode).toBe(403);
  });

  it("lists every project with a key the Descope API takes for it, the inspector's way in", async () => {
    const created = await mock.control('POST', '/_mock/projects', { name: 'listed' });
    const { projects } = (await mock.control('GET', '/_mock/projects')).body;
    for (const project of projects) {
      const sdk = mock.sdk({ projectId: project.projectId, managementKey: project.managementKey });
      expect((await sdk.management.role.loadAll()).ok).toBe(true);
    }
    const listed = projects.find((project: any) => project.projectId === created.body.projectId);
    expect(listed.managementKey).toBe(created.body.managementKey);
    expect(projects.find((project: any) => project.projectId === TEST_PROJECT.projectId).managementKey).toBe(
      TEST_PROJECT.managementKey,
    );
  });
});

describe('the inspector with an admin token', () => {
  let mock: TestMock;
  let inspector: Inspector | undefined;

  beforeAll(async () => {
    mock = await startMock({ adminToken: 'tok-inspector' });
  });
  afterAll(async () => {
    await inspector?.close();
    await mock?.close();
  });

  it('serves the page to any host, and keeps the control plane behind the token', async () => {
    const page = await mock.app.inject({
      method: 'GET',
      url: INSPECTOR_PATH,
      remoteAddress: '10.1.2.3',
      headers: { host: 'mock.internal:80' },
    });
    expect(page.statusCode).toBe(200);
    expect((await mock.http('GET', '/_mock/projects', { auth: null })).status).toBe(401);
  });

  it.skipIf(!chromiumPresent)(
    'asks for the token, refuses a wrong one, and shows the projects with the right one',
    async () => {
      inspector = await openInspector(mock);
      const { page } = inspector;
      await page.goto(`${mock.url}${INSPECTOR_PATH}#/projects`);
      const token = page.getByLabel('Admin token');
      await token.fill('wrong');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('401');
      await token.fill('tok-inspector');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('table', { name: 'Projects' }).waitFor();
      expect(await page.getByRole('cell', { name: TEST_PROJECT.projectId }).count()).toBe(1);
      expect(inspector.errors).toEqual([]);
    },
    60_000,
  );
});
