import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/**
 * `npm run check:layers`: every import under src/ goes the way docs/architecture.md says. The layers, what
 * each may import and the known exceptions are the three tables below, and nowhere else; the doc points here.
 *
 * Counted: static `import … from '…'`, `export … from '…'`, side-effect `import '…'` and `import('…')` with a
 * literal path. Type-only imports count too (a type is still a dependency on another layer's vocabulary, and
 * the cycles that matter here are made of types); an edge the table marks `types` accepts only them. An import
 * is type-only when it is `import type`/`export type`, or when every name it brings in is marked `type`.
 */

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** `any`: values and types; `types`: type-only imports. */
type Use = 'any' | 'types';

export interface Layer {
  /** Which files, for the report and the doc. */
  files: string;
  /** The layers this one may import (its own files always may). */
  layers: Readonly<Record<string, Use>>;
  /** The npm packages it may import; `node:` built-ins are open to every layer. */
  packages: Readonly<Record<string, Use>>;
}

/**
 * The allowed directions, bottom to top. It allows what the code does today and nothing more, so a new edge
 * is a decision: widen this table and docs/architecture.md in the same change, or move the code.
 */
export const LAYERS: Readonly<Record<string, Layer>> = {
  errors: { files: 'src/errors.ts', layers: {}, packages: {} },
  config: { files: 'src/config.ts', layers: {}, packages: { zod: 'any' } },
  schemas: { files: 'src/schemas/', layers: { errors: 'types' }, packages: { zod: 'any' } },
  // Descope's semantics as plain functions: no HTTP, no SQL, no packages at all.
  domain: { files: 'src/domain/', layers: { errors: 'any', schemas: 'types' }, packages: {} },
  // The store keeps the domain's records but never runs its rules.
  store: {
    files: 'src/store/',
    layers: { errors: 'any', domain: 'types' },
    packages: { 'better-sqlite3': 'any' },
  },
  // The fixture format whole: its schema, reading a file, seeding a project from it (with the API's rules)
  // and exporting one (a snapshot).
  fixtures: {
    files: 'src/fixtures/',
    layers: { config: 'any', domain: 'any', errors: 'any', schemas: 'any', store: 'any' },
    packages: { zod: 'any' },
  },
  // Handed the store, never opening one.
  harness: {
    files: 'src/harness/',
    layers: {
      config: 'types',
      domain: 'any',
      errors: 'any',
      fixtures: 'any',
      schemas: 'types',
      store: 'types',
    },
    packages: { zod: 'any', fastify: 'types' },
  },
  http: {
    files: 'src/http/',
    layers: { config: 'types', domain: 'any', errors: 'any', harness: 'any', store: 'types' },
    packages: { fastify: 'any', 'fastify-type-provider-zod': 'any', zod: 'types' },
  },
  // Orchestration: the operation model and one transaction per operation; loads, calls the domain, writes.
  app: {
    files: 'src/app/',
    layers: {
      config: 'types',
      domain: 'any',
      errors: 'any',
      fixtures: 'any',
      harness: 'any',
      schemas: 'any',
      store: 'any',
    },
    // jose signs the tokens (src/app/tokens.ts): the library the SDKs verify them with. qrcode draws the
    // TOTP QR code (src/app/totp.ts), asynchronously, so outside any transaction.
    packages: { jose: 'any', qrcode: 'any', zod: 'any' },
  },
  openapi: {
    files: 'src/openapi.ts',
    layers: { errors: 'any', http: 'any', schemas: 'any' },
    packages: {
      fastify: 'types',
      '@fastify/swagger': 'types',
      '@fastify/swagger-ui': 'types',
      'fastify-type-provider-zod': 'any',
      zod: 'any',
    },
  },
  // The Descope API: no harness, no Fastify (the server mounts the registry's operations).
  routes: {
    files: 'src/routes/ (but control/, browser/)',
    // Declarations only: what a handler does is app's, what it reads and answers is schemas'.
    layers: { app: 'any', http: 'any', schemas: 'any' },
    packages: {},
  },
  control: {
    files: 'src/routes/control/',
    layers: {
      app: 'any',
      errors: 'any',
      fixtures: 'any',
      harness: 'any',
      openapi: 'any',
      routes: 'any',
      schemas: 'any',
    },
    packages: { fastify: 'types', 'fastify-type-provider-zod': 'types', zod: 'any' },
  },
  // The pages and form posts a browser navigates to (the IdP page, the OIDC provider): Fastify routes of
  // their own, since they answer HTML, redirects and OAuth's error shape rather than an operation's JSON.
  browser: {
    files: 'src/routes/browser/',
    layers: { app: 'any', errors: 'any', http: 'any', schemas: 'any' },
    packages: { fastify: 'types', zod: 'any' },
  },
  server: {
    files: 'src/server.ts, src/docsApp.ts, src/inspectorApp.ts',
    layers: {
      app: 'any',
      browser: 'any',
      config: 'any',
      control: 'any',
      errors: 'any',
      fixtures: 'any',
      harness: 'any',
      http: 'any',
      openapi: 'any',
      routes: 'any',
      store: 'any',
    },
    packages: {
      fastify: 'any',
      '@fastify/swagger': 'any',
      '@fastify/swagger-ui': 'any',
      // Loaded by the inspector only when it runs from the sources, to bundle ui/ (a dev dependency).
      esbuild: 'any',
      pino: 'types',
      zod: 'any',
    },
  },
  entry: {
    files: 'src/cli.ts, src/index.ts',
    layers: { config: 'any', fixtures: 'any', harness: 'any', server: 'any', store: 'any' },
    packages: { 'better-sqlite3': 'any', fastify: 'types', zod: 'types' },
  },
};

/** Imports that break the table today, each with why and what removes it. Paths are relative to src/. */
export interface Exception {
  from: string;
  to: string;
  why: string;
}

/** None today: the last ones (a type cycle between routes and harness) went when `Services` moved to src/app/. */
export const EXCEPTIONS: readonly Exception[] = [];

/** The layer a file under src/ belongs to (path relative to src/, with `/`), or undefined for an unmapped one. */
export function layerOf(file: string): string | undefined {
  const [head, second] = file.split('/');
  if (head === 'routes') return second === 'control' || second === 'browser' ? second : 'routes';
  if (second !== undefined) return head && head in LAYERS ? head : undefined;
  const top: Record<string, string> = {
    'errors.ts': 'errors',
    'config.ts': 'config',
    'openapi.ts': 'openapi',
    'server.ts': 'server',
    'docsApp.ts': 'server',
    'inspectorApp.ts': 'server',
    'cli.ts': 'entry',
    'index.ts': 'entry',
  };
  return head === undefined ? undefined : top[head];
}

export interface Import {
  /** The importing file, relative to src/. */
  file: string;
  line: number;
  specifier: string;
  typeOnly: boolean;
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return (
      !!clause &&
      ts.isNamedExports(clause) &&
      clause.elements.length > 0 &&
      clause.elements.every((e) => e.isTypeOnly)
    );
  }
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return (
    !clause.name &&
    !!named &&
    ts.isNamedImports(named) &&
    named.elements.length > 0 &&
    named.elements.every((e) => e.isTypeOnly)
  );
}

/** Every import of one file, from its syntax tree (so strings and comments that look like imports are not). */
export function importsOf(file: string, source: string): Import[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const add = (node: ts.Node, literal: ts.StringLiteralLike, typeOnly: boolean) => {
    const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
    found.push({ file, line, specifier: literal.text, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteralLike(node.moduleSpecifier)) add(node, node.moduleSpecifier, isTypeOnly(node));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) add(node, argument, false);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument) && ts.isStringLiteralLike(argument.literal))
        add(node, argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** `fastify` for `fastify`, `@fastify/swagger` for `@fastify/swagger/x`. */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  message: string;
}

/** The imports of these files (paths relative to src/) that the tables do not allow. */
export function checkLayers(
  files: readonly { path: string; source: string }[],
  exceptions: readonly Exception[] = EXCEPTIONS,
): Violation[] {
  const violations: Violation[] = [];
  const used = new Set<Exception>();
  for (const { path, source } of files) {
    const from = layerOf(path);
    if (from === undefined) {
      violations.push({
        file: path,
        line: 1,
        specifier: '',
        message: 'belongs to no layer: map it in layerOf (scripts/check-layers.ts) and docs/architecture.md',
      });
      continue;
    }
    const layer = LAYERS[from] as Layer;
    for (const imported of importsOf(path, source)) {
      const refuse = (message: string) =>
        violations.push({ file: path, line: imported.line, specifier: imported.specifier, message });
      const { specifier, typeOnly } = imported;
      if (specifier.startsWith('node:')) continue;
      if (!specifier.startsWith('.')) {
        const name = packageOf(specifier);
        const use = layer.packages[name];
        if (use === undefined) refuse(`${from} may not import the package ${name}`);
        else if (use === 'types' && !typeOnly)
          refuse(`${from} may import only types from the package ${name}`);
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(path), specifier)).replace(/\.js$/, '.ts');
      if (target.startsWith('../')) {
        refuse(`${from} imports from outside src/`);
        continue;
      }
      const to = layerOf(target);
      if (to === undefined) refuse(`${target} belongs to no layer`);
      if (to === undefined || to === from) continue;
      const exception = exceptions.find((candidate) => candidate.from === path && candidate.to === target);
      if (exception) {
        used.add(exception);
        continue;
      }
      const use = layer.layers[to];
      if (use === undefined) refuse(`${from} may not import ${to} (${target})`);
      else if (use === 'types' && !typeOnly) refuse(`${from} may import only types from ${to} (${target})`);
    }
  }
  // An exception nothing needs any more is removed, so the list (and the doc) stays true.
  const checked = new Set(files.map(({ path }) => path));
  for (const exception of exceptions) {
    if (checked.has(exception.from) && !used.has(exception)) {
      violations.push({
        file: exception.from,
        line: 1,
        specifier: exception.to,
        message:
          'is listed in EXCEPTIONS but no longer imported: remove the exception (and its line in the doc)',
      });
    }
  }
  return violations;
}

/** Every .ts file under src/, relative to it. */
export function sourceTree(root = SRC): { path: string; source: string }[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .map((full) => ({
      path: full.slice(root.length).split('\\').join('/'),
      source: readFileSync(full, 'utf8'),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = sourceTree();
  const violations = checkLayers(files);
  for (const { file, line, specifier, message } of violations) {
    console.error(`src/${file}:${line}  ${specifier ? `'${specifier}': ` : ''}${message}`);
  }
  if (violations.length > 0) {
    console.error(
      `\n${violations.length} import(s) against the layer rules (docs/architecture.md; the tables are in ` +
        'scripts/check-layers.ts).',
    );
    process.exit(1);
  }
  console.log(`layers: ${files.length} files under src/, every import in an allowed direction`);
}
