import { afterEach, describe, expect, it } from 'vitest';
import { bannerUrl, type CliRun, runCli, stop } from '../helpers/cli.js';

let run: CliRun | undefined;
afterEach(() => {
  if (run && run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
  run = undefined;
});

describe('the banner names the control plane', () => {
  it('with --admin-token: where it is and how to call it, never the token itself', async () => {
    run = runCli([
      '--port',
      '0',
      '--fixtures',
      'none',
      '--log-level',
      'silent',
      '--admin-token',
      'tok-s3cret',
    ]);
    const url = await bannerUrl(run);
    const banner = run.stdout();
    expect(banner).toContain(
      `Control          ${url}/_mock/  (projects, reset, snapshots, journal, faults, outbox)`,
    );
    expect(banner).toContain('send Authorization: Bearer <the --admin-token value>');
    expect(banner).not.toContain('tok-s3cret');
    // The line tells the truth: the token opens the control plane, its absence does not.
    const listed = await fetch(`${url}/_mock/projects`, { headers: { authorization: 'Bearer tok-s3cret' } });
    expect(listed.status).toBe(200);
    expect((await fetch(`${url}/_mock/projects`)).status).toBe(401);
    expect(await stop(run)).toBe(0);
  });

  it('without a token: loopback clients only', async () => {
    run = runCli(['--port', '0', '--fixtures', 'none', '--log-level', 'silent']);
    const url = await bannerUrl(run);
    expect(run.stdout()).toContain(`Control          ${url}/_mock/`);
    expect(run.stdout()).toContain('loopback clients only (--admin-token opens it to others)');
    expect((await fetch(`${url}/_mock/projects`)).status).toBe(200);
    // The inspector's line names a page that is there.
    const inspector = /Inspector +(\S+)/.exec(run.stdout())?.[1];
    expect(inspector).toBe(`${url}/_mock/ui`);
    const page = await fetch(inspector as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    expect(await stop(run)).toBe(0);
  });
});
