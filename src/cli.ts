#!/usr/bin/env node
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { type Config, type ConfigInput, ConfigSchema, FLAGS, LOG_LEVELS, reachableHost } from './config.js';

/** Exit status for a bad flag, environment value or fixture file: nothing listened. */
const EXIT_USAGE = 2;

/** What each flag takes and does, for --help; the defaults come from the config schema itself. */
const FLAG_HELP: Partial<Record<keyof ConfigInput, [value: string, meaning: string]>> = {
  port: ['N', '0 picks a free port; the banner says which'],
  host: ['HOST', '0.0.0.0 to listen on every interface'],
  db: ['PATH', 'a file keeps state across restarts (WAL mode)'],
  fixtures: ['PATH', 'or none: one bare project, no users'],
  projectId: ['ID', "the default project's ID"],
  managementKey: ['KEY', "the default project's only management key (replaces the fixture's)"],
  logLevel: ['LEVEL', LOG_LEVELS.join(', ')],
  adminToken: ['TOKEN', 'lets non-loopback clients use /_mock/*'],
  journalSize: ['N', 'API calls the request journal keeps; 0 turns it off'],
  journalBytes: ['BYTES', 'bytes of bodies the journal keeps; a body over 1/32 of it shows as truncated'],
  auditLimit: ['N', 'audit events a project keeps, the oldest dropped; 0 keeps none'],
  requestTimeout: ['MS', 'time to send a whole request, else 408; 0 turns it off'],
  corsOrigins: ['LIST', 'page origins the browser SDK routes answer CORS to, comma-separated (default any)'],
};

/** Keys whose values never appear in messages. */
const SECRETS: readonly string[] = ['managementKey', 'adminToken'];

function help(): string {
  const parsed = ConfigSchema.safeParse({});
  const defaults: Record<string, unknown> = parsed.success ? parsed.data : {};
  const rows = Object.entries(FLAGS).map(([key, { flag, env }]) => {
    const [value = 'VALUE', meaning = ''] = FLAG_HELP[key as keyof ConfigInput] ?? [];
    const fallback = defaults[key] === undefined ? '' : ` (default ${defaults[key]})`;
    return `  ${`${flag} ${value}`.padEnd(24)} ${env}\n  ${''.padEnd(24)} ${meaning}${fallback}`;
  });
  return [
    "descope-mock: a local, stateful emulator of Descope's management API",
    '',
    'Usage: descope-mock [flags]    (flags beat environment variables, which beat defaults)',
    '',
    ...rows,
    `  ${'--help'.padEnd(24)} this text`,
  ].join('\n');
}

/**
 * Flags beat environment, environment beats defaults. A bad value is reported under the name the user
 * typed: the flag when it came from a flag, the variable when it came from the environment.
 */
function configFrom(argv: string[], env: NodeJS.ProcessEnv): Config {
  const options = Object.fromEntries(
    Object.values(FLAGS).map(({ flag }) => [flag.slice(2), { type: 'string' as const }]),
  );
  const { values } = parseArgs({
    args: argv,
    options: { ...options, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${help()}\n`);
    process.exit(0);
  }
  const raw: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  for (const [key, { flag, env: name }] of Object.entries(FLAGS)) {
    const fromFlag = (values as Record<string, string | undefined>)[flag.slice(2)];
    const value = fromFlag ?? env[name];
    if (value === undefined || value === '') continue;
    raw[key] = value;
    // Keys are secrets of sorts: name where the value came from, never echo it.
    const shown = SECRETS.includes(key) ? '' : ` "${value}"`;
    origin[key] = `${fromFlag === undefined ? name : flag}${shown}`;
  }
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    throw new UsageError(`${origin[key] ?? 'configuration'}: ${issue?.message ?? 'invalid value'}`);
  }
  return result.data;
}

class UsageError extends Error {}

function banner(config: Config, url: string): string {
  return [
    '',
    `  descope-mock is listening on ${url}`,
    '',
    `  Project ID       ${config.projectId}`,
    `  Management key   ${config.managementKey}`,
    `  Database         ${config.db}`,
    `  Fixtures         ${config.fixtures}`,
    `  Docs             ${url}/_mock/docs`,
    `  Inspector        ${url}/_mock/ui  (every project's state, live requests, outbox, faults)`,
    `  Control          ${url}/_mock/  (projects, reset, snapshots, journal, faults, outbox)`,
    // The token itself is never printed, like the other secrets: whoever started the mock knows it.
    config.adminToken === undefined
      ? '                   loopback clients only (--admin-token opens it to others)'
      : '                   send Authorization: Bearer <the --admin-token value>',
    '',
    '  Point the official SDK at it:',
    '',
    "    import DescopeClient from '@descope/node-sdk';",
    '    const descope = DescopeClient({',
    `      projectId: '${config.projectId}',`,
    `      managementKey: '${config.managementKey}',`,
    `      baseUrl: '${url}',`,
    '    });',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  let config: Config;
  let app: FastifyInstance;
  try {
    config = configFrom(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      exitUsage((error as Error).message);
    }
    throw error;
  }
  // Loaded only once the flags are good, so a bad flag is reported at once.
  const [{ buildServer }, { FixtureError }, { DatabaseInUseError }] = await Promise.all([
    import('./server.js'),
    import('./fixtures/error.js'),
    import('./store/db.js'),
  ]);
  try {
    app = buildServer(config);
  } catch (error) {
    if (error instanceof FixtureError) exitUsage(error.message);
    if (error instanceof DatabaseInUseError) exitUsage(`--db "${config.db}": ${DatabaseInUseError.REASON}`);
    if (isDatabaseError(error)) exitUsage(`--db "${config.db}": cannot open the database: ${error.message}`);
    throw error;
  }

  let closing = false;
  const shutdown = (signal: string) => {
    // A second Ctrl-C does not wait for slow requests. No transaction is open between two events (they are
    // synchronous), and WAL keeps every committed write, so exiting here loses nothing.
    if (closing) process.exit(0);
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // close() lets in-flight requests finish, then closes the database (the onClose hook).
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  let address: string;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    exitUsage(`cannot listen on ${config.host}:${config.port} (--port, --host): ${(error as Error).message}`);
  }
  const bound = app.server.address();
  const url =
    typeof bound === 'object' && bound ? `http://${reachableHost(config.host)}:${bound.port}` : address;
  process.stdout.write(`${banner(config, url)}\n`);
}

/** One line on stderr, exit status 2: nothing listened. */
function exitUsage(message: string): never {
  process.stderr.write(`descope-mock: ${message}\n`);
  process.exit(EXIT_USAGE);
}

/** better-sqlite3 throws SqliteError for a file that is not a database, and a TypeError for a missing directory. */
function isDatabaseError(error: unknown): error is Error {
  return (
    error instanceof Database.SqliteError ||
    (error instanceof TypeError && /^Cannot open database/.test(error.message))
  );
}

main();
