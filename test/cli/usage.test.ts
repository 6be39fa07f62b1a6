import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, onTestFinished } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'descope-mock-cli-'));
const invalidJson = join(dir, 'invalid.json');
writeFileSync(invalidJson, '{"projects": [');
const badReference = join(dir, 'bad-reference.json');
writeFileSync(
  badReference,
  JSON.stringify({
    projects: [
      {
        projectId: 'P2Other',
        managementKeys: ['K2Other'],
        users: [{ loginId: 'a@example.com', userTenants: [{ tenantId: 'T2x' }] }],
      },
    ],
  }),
);

/** Each bad value exits 2 with exactly one line on stderr that names what to fix, and prints no banner. */
describe('a bad value', () => {
  it.for([
    [
      ['--port', '70000'],
      {},
      'descope-mock: --port "70000": must be a whole number from 0 to 65535 (0 picks a free port)',
    ],
    [
      [],
      { DESCOPE_MOCK_PORT: 'abc' },
      'descope-mock: DESCOPE_MOCK_PORT "abc": must be a whole number from 0 to 65535 (0 picks a free port)',
    ],
    [
      ['--log-level', 'loud'],
      {},
      'descope-mock: --log-level "loud": must be one of fatal, error, warn, info, debug, trace, silent',
    ],
    [['--journal-bytes', '32MB'], {}, 'descope-mock: --journal-bytes "32MB": must be a whole number'],
    [
      [],
      { DESCOPE_MOCK_REQUEST_TIMEOUT: '1.5' },
      'descope-mock: DESCOPE_MOCK_REQUEST_TIMEOUT "1.5": must be a whole number of milliseconds',
    ],
    [
      ['--fixtures', join(dir, 'missing.json')],
      {},
      `descope-mock: ${join(dir, 'missing.json')}: cannot read fixture file (ENOENT)`,
    ],
    [['--port', '0', '--fixtures', invalidJson], {}, `descope-mock: ${invalidJson}: not valid JSON (`],
    [
      ['--fixtures', badReference],
      {},
      `descope-mock: ${badReference}: projects[0].users[0].userTenants[0].tenantId: unknown tenant "T2x"`,
    ],
    [
      ['--db', join(dir, 'no', 'such', 'dir', 'mock.db')],
      {},
      `descope-mock: --db "${join(dir, 'no', 'such', 'dir', 'mock.db')}": cannot open the database`,
    ],
  ] as [string[], Record<string, string>, string][])(
    '%j %j exits 2',
    async ([args, env, line], { expect }) => {
      const run = runCli(args, env);
      // A value wrongly accepted starts a server: it must not outlive the test.
      onTestFinished(() => {
        if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill();
      });
      expect(await run.exited).toBe(2);
      expect(run.stderr().startsWith(line)).toBe(true);
      expect(run.stderr().trimEnd().split('\n')).toHaveLength(1);
      expect(run.stdout()).toBe('');
    },
  );
});
