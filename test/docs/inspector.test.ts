import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHOTS, SHOTS_DIR } from '../../scripts/ui-screenshots.js';
import { inspectorPageIds } from '../helpers/inspector.js';

/**
 * The inspector's sources and its screenshots: every page has a screenshot that the README shows, and the
 * browser app reaches the mock only over HTTP (it imports nothing from src/), so it shows what clients see.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const UI = join(ROOT, 'ui');

const sourcesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourcesOf(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );

describe('the inspector', () => {
  it('has a screenshot of every page, each on disk and shown in the README', () => {
    const ids = inspectorPageIds();
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      expect(
        SHOTS.some((shot) => shot.fragment.split('?')[0]?.endsWith(`/${id}`)),
        id,
      ).toBe(true);
    }
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const shot of SHOTS) {
      expect(existsSync(join(SHOTS_DIR, shot.file)), shot.file).toBe(true);
      expect(readme).toContain(`(docs/ui/${shot.file})`);
    }
  });

  it('imports only its own modules and Preact: it reaches the mock over HTTP alone', () => {
    for (const file of sourcesOf(UI)) {
      const text = readFileSync(file, 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from|import)\s+'([^']+)'/g)) {
        const allowed =
          specifier?.startsWith('./') ||
          specifier?.startsWith('../') ||
          /^preact(\/|$)/.test(specifier ?? '');
        expect(allowed, `${file}: ${specifier}`).toBe(true);
        if (specifier?.startsWith('../')) {
          expect(join(file, '..', specifier).startsWith(UI), `${file}: ${specifier}`).toBe(true);
        }
      }
      expect(text, file).not.toContain('PLACEHOLDER');
    }
  });
});
