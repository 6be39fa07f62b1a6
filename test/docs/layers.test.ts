import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkLayers,
  EXCEPTIONS,
  importsOf,
  LAYERS,
  layerOf,
  sourceTree,
} from '../../scripts/check-layers.js';

/** docs/architecture.md states the import directions; `npm run check:layers` (this check) keeps it true. */

const ARCHITECTURE = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
const messages = (files: { path: string; source: string }[]) => checkLayers(files).map((v) => v.message);

describe('the layer check', () => {
  it('passes on the real src/ tree', () => {
    expect(checkLayers(sourceTree())).toEqual([]);
  });

  it('refuses an import against the direction: domain reaching into the store', () => {
    const violations = checkLayers([
      { path: 'domain/user.ts', source: "import { openStore } from '../store/index.js';\n" },
    ]);
    expect(violations).toEqual([
      {
        file: 'domain/user.ts',
        line: 1,
        specifier: '../store/index.js',
        message: 'domain may not import store (store/index.ts)',
      },
    ]);
  });

  it('refuses Fastify in the domain and a value where only types are allowed', () => {
    expect(
      messages([{ path: 'domain/x.ts', source: "import type { FastifyInstance } from 'fastify';" }]),
    ).toEqual(['domain may not import the package fastify']);
    expect(
      messages([{ path: 'store/x.ts', source: "import { toWireUser } from '../domain/wire.js';" }]),
    ).toEqual(['store may import only types from domain (domain/wire.ts)']);
    expect(
      messages([{ path: 'store/x.ts', source: "import { type UserRecord } from '../domain/user.js';" }]),
    ).toEqual([]);
  });

  it('counts export-from and dynamic imports, not strings that look like imports', () => {
    const source = [
      "export { x } from '../routes/registry.js';",
      "const later = () => import('../http/access.js');",
      'const text = "import { y } from \'../store/db.js\'";',
    ].join('\n');
    expect(importsOf('domain/x.ts', source).map(({ line, specifier }) => [line, specifier])).toEqual([
      [1, '../routes/registry.js'],
      [2, '../http/access.js'],
    ]);
    expect(messages([{ path: 'domain/x.ts', source }])).toEqual([
      'domain may not import routes (routes/registry.ts)',
      'domain may not import http (http/access.ts)',
    ]);
  });

  it('refuses a file that belongs to no layer, and an exception nothing needs any more', () => {
    expect(messages([{ path: 'helpers.ts', source: '' }])).toEqual([
      'belongs to no layer: map it in layerOf (scripts/check-layers.ts) and docs/architecture.md',
    ]);
    const exception = { from: 'routes/mgmt/role.ts', to: 'harness/index.ts', why: 'made up' };
    const source = "import type { Harness } from '../../harness/index.js';\n";
    // Needed: the import passes. Not needed any more: the exception itself is refused.
    expect(checkLayers([{ path: exception.from, source }], [exception])).toEqual([]);
    expect(checkLayers([{ path: exception.from, source: '' }], [exception]).map((v) => v.message)).toEqual([
      'is listed in EXCEPTIONS but no longer imported: remove the exception (and its line in the doc)',
    ]);
  });
});

describe('docs/architecture.md', () => {
  it('has the table of scripts/check-layers.ts, row for row', () => {
    const list = (uses: Readonly<Record<string, string>>) =>
      Object.entries(uses)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, use]) => (use === 'types' ? `${name} (types)` : name))
        .join(', ') || 'none';
    const rows = ARCHITECTURE.split('\n').filter((line) => /^\| \*\*\w+\*\* /.test(line));
    expect(rows).toHaveLength(Object.keys(LAYERS).length);
    for (const [name, layer] of Object.entries(LAYERS)) {
      const cells = rows
        .find((row) => row.startsWith(`| **${name}** `))
        ?.split('|')
        .map((cell) => cell.trim());
      expect(cells?.[3], `${name}: may import`).toBe(list(layer.layers));
      expect(cells?.[4], `${name}: packages`).toBe(list(layer.packages));
    }
  });

  it('names every layer and every exception of the check', () => {
    for (const name of Object.keys(LAYERS)) expect(ARCHITECTURE, name).toContain(`**${name}**`);
    for (const { from, to } of EXCEPTIONS) expect(ARCHITECTURE).toContain(`\`src/${from}\` → \`src/${to}\``);
    expect(ARCHITECTURE).toContain('scripts/check-layers.ts');
    expect(layerOf('routes/control/faults.ts')).toBe('control');
  });
});
