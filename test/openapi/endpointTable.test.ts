import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DESCOPE_PATHS, UNPUBLISHED_SDK_PATHS } from '../../scripts/descopePaths.js';
import {
  COUNT_END_MARKER,
  COUNT_START_MARKER,
  END_MARKER,
  endpointFile,
  endpointRows,
  placeEndpointTable,
  README_FILE,
  readmeWithCount,
  renderEndpointTable,
  START_MARKER,
} from '../../scripts/endpoint-table.js';
import { OPERATIONS } from '../../src/routes/registry.js';

/** The README's emulated-endpoint table: generated from the registry, and committed up to date. */

describe('the committed endpoint table', () => {
  it('is what `npm run docs:endpoints` writes now (run it after adding an operation)', () => {
    const { file, content } = endpointFile();
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it("keeps the README's count line, against Descope's published document, up to date", () => {
    const readme = readFileSync(README_FILE, 'utf8');
    expect(readme).toContain(COUNT_START_MARKER);
    expect(readmeWithCount(readme)).toBe(readme);
    expect(readme).toMatch(
      /Management API: \*\*\d+ of \d+\*\* paths of Descope's published OpenAPI document/,
    );
  });
});

describe('endpointRows', () => {
  const rows = endpointRows();
  const rowOf = (method: string, path: string) =>
    rows.find((row) => row.method === method && row.path === path);

  it('marks every registry operation emulated, with the SDK methods the registry names', () => {
    for (const operation of OPERATIONS) {
      expect(rowOf(operation.method, operation.path)).toEqual({
        method: operation.method,
        path: operation.path,
        sdkMethods: operation.sdkMethods,
        emulated: true,
        published: DESCOPE_PATHS.some(
          ({ method, path }) => method === operation.method && path === operation.path,
        ),
      });
    }
  });

  it('lists every known Descope path once, not emulated unless the registry has it', () => {
    const emulated = new Set(OPERATIONS.map(({ method, path }) => `${method} ${path}`));
    for (const { method, path, sdkMethods } of [...DESCOPE_PATHS, ...UNPUBLISHED_SDK_PATHS]) {
      const row = rowOf(method, path);
      expect(row?.emulated).toBe(emulated.has(`${method} ${path}`));
      if (!row?.emulated) expect(row?.sdkMethods).toEqual(sdkMethods);
    }
    expect(new Set(rows.map((row) => `${row.method} ${row.path}`)).size).toBe(rows.length);
  });

  it('follows the registry: an operation added there turns its row to emulated', () => {
    const before = endpointRows([], DESCOPE_PATHS);
    expect(before.find((row) => row.path === '/v1/mgmt/tenant/all')?.emulated).toBe(false);
    const after = endpointRows(
      [{ method: 'GET', path: '/v1/mgmt/tenant/all', sdkMethods: ['management.tenant.loadAll'] }],
      DESCOPE_PATHS,
    );
    expect(after.find((row) => row.path === '/v1/mgmt/tenant/all')?.emulated).toBe(true);
    expect(after.filter((row) => row.emulated)).toHaveLength(1);
  });
});

describe('renderEndpointTable and placeEndpointTable', () => {
  const table = renderEndpointTable([
    {
      method: 'POST',
      path: '/v1/mgmt/user/create',
      sdkMethods: ['management.user.create'],
      emulated: true,
      published: true,
    },
    { method: 'POST', path: '/v1/mgmt/role/create', sdkMethods: [], emulated: false, published: true },
    { method: 'POST', path: '/v1/mgmt/flow/run', sdkMethods: [], emulated: false, published: false },
    { method: 'POST', path: '/v1/auth/refresh', sdkMethods: ['refresh'], emulated: true, published: false },
  ]);

  it('renders one Markdown table per family, with the counts and the 501 of what is missing', () => {
    expect(table).toContain(
      "Management API: **1 of 2** paths of Descope's published OpenAPI document are emulated, and 0 of 1 " +
        'paths the Node SDK calls that the document lacks. Authentication API: 1 paths emulated.',
    );
    expect(table).toContain('**Users** (1 of 1 emulated)');
    expect(table).toContain('| POST | `/v1/mgmt/user/create` | `user.create` | yes |');
    expect(table).toContain('| POST | `/v1/mgmt/role/create` | — | no (501) |');
  });

  it('puts the count line between its README markers, and leaves a README without them alone', () => {
    const readme = `# T\n\n${COUNT_START_MARKER}\nold\n${COUNT_END_MARKER}\n\nrest\n`;
    const rows = [
      { method: 'POST', path: '/v1/mgmt/user/create', sdkMethods: [], emulated: true, published: true },
    ];
    expect(readmeWithCount(readme, rows)).toBe(
      `# T\n\n${COUNT_START_MARKER}\nManagement API: **1 of 1** paths of Descope's published OpenAPI document are ` +
        `emulated, and 0 of 0 paths the Node SDK calls that the document lacks. Authentication API: 0 paths emulated.\n${COUNT_END_MARKER}\n\nrest\n`,
    );
    expect(readmeWithCount('# no markers\n', rows)).toBe('# no markers\n');
  });

  it('replaces only what lies between the README markers, keeping the rest', () => {
    const readme = `# Title\n\nintro\n\n${START_MARKER}\nold table\n${END_MARKER}\n\n## After\n`;
    const placed = placeEndpointTable(readme, table);
    expect(placed.target).toBe('readme');
    expect(placed.content).toBe(`# Title\n\nintro\n\n${START_MARKER}\n${table}${END_MARKER}\n\n## After\n`);
    // Idempotent: placing it again changes nothing.
    expect(placeEndpointTable(placed.content, table).content).toBe(placed.content);
  });

  it('writes docs/endpoints.md instead when the README has no markers (or no README)', () => {
    for (const readme of ['# Title\n\nno markers here\n', undefined, `${END_MARKER}\n${START_MARKER}\n`]) {
      const placed = placeEndpointTable(readme, table);
      expect(placed.target).toBe('fallback');
      expect(placed.content).toBe(`# Emulated endpoints\n\n${table}`);
    }
  });
});
