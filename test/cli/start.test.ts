import DescopeClient from '@descope/node-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { bannerUrl, type CliRun, runCli, stop } from '../helpers/cli.js';

const DEFAULT = { projectId: 'P2MockProject000000000000000', managementKey: 'K2MockManagementKey000000000' };

let run: CliRun | undefined;
afterEach(() => {
  if (run && run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
  run = undefined;
});

describe('the CLI', () => {
  it('prints one banner for --port 0, serves the demo fixtures on the port it names, and exits 0 on SIGTERM', async () => {
    run = runCli(['--port', '0', '--log-level', 'silent']);
    const url = await bannerUrl(run);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:7357$/);
    const banner = run.stdout();
    expect(banner.match(/listening on/g)).toHaveLength(1);
    expect(banner).toContain(`Project ID       ${DEFAULT.projectId}`);
    expect(banner).toContain(`Management key   ${DEFAULT.managementKey}`);
    expect(banner).toContain(`Docs             ${url}/_mock/docs`);
    expect(banner).toContain('Fixtures         fixtures/demo.json');
    expect(banner).toContain(
      `DescopeClient({\n      projectId: '${DEFAULT.projectId}',\n      managementKey: '${DEFAULT.managementKey}',\n      baseUrl: '${url}',\n    });`,
    );

    const health = await fetch(`${url}/_mock/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    // The snippet works as printed, against the demo data.
    const sdk = DescopeClient({ ...DEFAULT, baseUrl: url });
    const loaded = await sdk.management.user.load('maya.patel@northwind.example');
    expect(loaded.ok).toBe(true);
    expect(loaded.data?.userTenants?.[0]?.tenantName).toBe('Northwind Analytics');

    expect(await stop(run, 'SIGTERM')).toBe(0);
    expect(run.stderr()).toBe('');
  });

  it('takes flags over environment over defaults; --fixtures none gives one bare project; SIGINT exits 0', async () => {
    run = runCli(['--port', '0', '--project-id', 'P2FlagProject', '--fixtures', 'none'], {
      DESCOPE_PROJECT_ID: 'P2EnvProject',
      DESCOPE_MANAGEMENT_KEY: 'K2EnvKey',
      DESCOPE_MOCK_LOG_LEVEL: 'silent',
      DESCOPE_MOCK_PORT: '1',
      DESCOPE_MOCK_FIXTURES: 'no/such/file.json',
    });
    const url = await bannerUrl(run);
    const banner = run.stdout();
    expect(banner).toContain('Project ID       P2FlagProject');
    expect(banner).toContain('Management key   K2EnvKey');
    expect(banner).toContain('Database         :memory:');
    expect(banner).toContain('Fixtures         none');
    // silent from the environment: nothing but the banner on stdout.
    expect(banner.trim().startsWith('descope-mock is listening')).toBe(true);

    const sdk = DescopeClient({ projectId: 'P2FlagProject', managementKey: 'K2EnvKey', baseUrl: url });
    const missing = await sdk.management.user.load('maya.patel@northwind.example');
    expect(missing.code).toBe(404);
    expect(missing.error?.errorCode).toBe('E112102');
    const created = await sdk.management.user.create('first@example.com', { displayName: 'First' });
    expect(created.ok).toBe(true);
    // The demo project was not seeded, so its credentials open nothing.
    const demo = DescopeClient({ ...DEFAULT, baseUrl: url });
    expect((await demo.management.user.load('maya.patel@northwind.example')).code).toBe(401);

    expect(await stop(run, 'SIGINT')).toBe(0);
  });

  it('on SIGTERM lets go a call waiting out a 60 s fault delay, answers it, and exits 0 at once', async () => {
    run = runCli(['--port', '0', '--log-level', 'silent']);
    const url = await bannerUrl(run);
    const control = (path: string, init: RequestInit = {}) =>
      fetch(`${url}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
    const added = await control('/_mock/faults', {
      method: 'POST',
      body: JSON.stringify({ path: '/v1/mgmt/user', delayMs: 60_000 }),
    });
    expect(added.status).toBe(201);
    const waiting = fetch(`${url}/v1/mgmt/user?loginId=maya.patel%40northwind.example`, {
      headers: { authorization: `Bearer ${DEFAULT.projectId}:${DEFAULT.managementKey}` },
    });
    while (
      ((await (await control('/_mock/faults')).json()) as { faults: { hits: number }[] }).faults[0]?.hits !==
      1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Without the release, the server waits for the call and this runs into the test's timeout.
    expect(await stop(run, 'SIGTERM')).toBe(0);
    const answered = await waiting;
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { user: { loginIds: string[] } }).user.loginIds).toEqual([
      'maya.patel@northwind.example',
    ]);
  });
});
