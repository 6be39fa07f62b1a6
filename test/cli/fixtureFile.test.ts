import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, onTestFinished } from 'vitest';
import { MAX_FIXTURE_BYTES } from '../../src/fixtures/read.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'descope-mock-fixture-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A sparse file: one byte over the limit on paper, no space on disk.
const huge = join(dir, 'huge.json');
writeFileSync(huge, '');
truncateSync(huge, MAX_FIXTURE_BYTES + 1);

/** Each is refused before a byte is read: exit 2, one line naming the path and what is wrong, no banner. */
describe('--fixtures that is not a fixture file', () => {
  it.for([
    ['/dev/zero', 'descope-mock: /dev/zero: not a regular file (--fixtures takes a JSON file, or none)'],
    [dir, `descope-mock: ${dir}: not a regular file (--fixtures takes a JSON file, or none)`],
    [
      huge,
      `descope-mock: ${huge}: ${MAX_FIXTURE_BYTES + 1} bytes, over the 256 MiB limit of a fixture file (--fixtures)`,
    ],
  ])('%s exits 2', async ([path, line], { expect }) => {
    const run = runCli(['--port', '0', '--fixtures', path as string]);
    // /dev/zero never ends: a CLI that reads it grows until killed here, after the test's timeout.
    onTestFinished(() => {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
    });
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toBe(`${line}\n`);
    expect(run.stdout()).toBe('');
  });
});
