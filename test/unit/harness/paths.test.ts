import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { pathMatcher } from '../../../src/harness/paths.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PATHS_MODULE = new URL('../../../src/harness/paths.ts', import.meta.url).href;

/**
 * Runs the matcher in a child process. A matcher that backtracks blocks the thread it runs on, and vitest's
 * timeout cannot fire on a blocked thread: out here, the test fails on that timeout instead of hanging.
 */
function matchInChild(pattern: string, path: string): Promise<boolean> {
  const code = `const { pathMatcher } = await import(${JSON.stringify(PATHS_MODULE)});
    process.stdout.write(String(pathMatcher(process.argv[1])(process.argv[2])));`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', code, pattern, path],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  onTestFinished(() => {
    child.kill('SIGKILL');
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (status) =>
      status === 0 ? resolve(out === 'true') : reject(new Error(`exit ${status}`)),
    );
  });
}

/**
 * The glob's meaning written the obvious way: `*` consumes any run of characters, tried from every split.
 * Exponential on purpose (and memo-free), so it is only fed short inputs.
 */
function naiveMatch(pattern: string, path: string): boolean {
  if (pattern === '') return path === '';
  if (pattern[0] === '*') {
    for (let taken = 0; taken <= path.length; taken += 1) {
      if (naiveMatch(pattern.slice(1), path.slice(taken))) return true;
    }
    return false;
  }
  return path[0] === pattern[0] && naiveMatch(pattern.slice(1), path.slice(1));
}

/** Small alphabets, so that patterns and paths share characters and the interesting overlaps happen. */
const pattern = fc.string({ unit: fc.constantFrom('a', 'b', '/', '*', '.'), maxLength: 10 });
const path = fc.string({ unit: fc.constantFrom('a', 'b', '/', '.'), maxLength: 12 });

describe('pathMatcher', () => {
  it('agrees with the naive definition of the glob on random patterns and paths', () => {
    fc.assert(
      fc.property(pattern, path, (glob, candidate) => {
        expect(pathMatcher(glob)(candidate)).toBe(naiveMatch(glob, candidate));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees on paths built from the pattern itself (where matches are likely)', () => {
    fc.assert(
      fc.property(pattern, fc.array(path, { maxLength: 4 }), (glob, fillings) => {
        const candidate = glob
          .split('*')
          .map((part, index) => (index === 0 ? part : `${fillings[index - 1] ?? ''}${part}`))
          .join('');
        expect(pathMatcher(glob)(candidate)).toBe(naiveMatch(glob, candidate));
      }),
      { numRuns: 2_000 },
    );
  });

  it('answers a pattern built to backtrack (a regex took 3.7 s on a 150-character path)', async () => {
    // Stars before an `a` that never ends in `b`: every split of the run is a way to fail. A backtracking
    // matcher never finishes on this; the test's timeout catches it.
    const glob = '/v1/*a*a*a*a*a*a*a*a*b';
    expect(await matchInChild(glob, `/v1/${'a'.repeat(2_000)}`)).toBe(false);
    expect(pathMatcher(glob)(`/v1/${'a'.repeat(2_000)}b`)).toBe(true);
  });

  it('keeps its meaning: exact without a star, a star spans slashes, regex characters are literal', () => {
    expect(pathMatcher('/v1/mgmt/user')('/v1/mgmt/user')).toBe(true);
    expect(pathMatcher('/v1/mgmt/user')('/v1/mgmt/user/create')).toBe(false);
    expect(pathMatcher('/v1/mgmt/user/*')('/v1/mgmt/user/update/name')).toBe(true);
    expect(pathMatcher('*')('')).toBe(true);
    expect(pathMatcher('/v1/*/load')('/v1/load')).toBe(false);
    expect(pathMatcher('/a*a')('/a')).toBe(false);
    expect(pathMatcher('/v1/mgmt/user.*')('/v1/mgmt/userXcreate')).toBe(false);
    expect(pathMatcher('/v1/(x)+?')('/v1/(x)+?')).toBe(true);
  });
});
