#!/usr/bin/env node
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { type Config, ConfigSchema, FLAGS } from './config.js';
import { FixtureError } from './fixtures.js';
import { buildServer } from './server.js';

/** Exit status for a bad flag, environment value or fixture file: nothing listened. */
const EXIT_USAGE = 2;

const HELP = `descope-mock: a local emulator of Descope's management API

Usage: descope-mock [flags]

${Object.entries(FLAGS)
  .map(
    ([key, { flag, env }]) =>
      `  ${`${flag} ${key === 'logLevel' ? 'LEVEL' : 'VALUE'}`.padEnd(26)} env ${env}`,
  )
  .join('\n')}
  --help                     this text`;

/** Flags beat environment, environment beats defaults. */
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
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
  const raw: Record<string, unknown> = {};
  for (const [key, { flag, env: name }] of Object.entries(FLAGS)) {
    const value = (values as Record<string, unknown>)[flag.slice(2)] ?? env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? '') as keyof Config;
    const names = FLAGS[key] ? `${FLAGS[key].flag} (${FLAGS[key].env})` : 'configuration';
    throw new UsageError(`${names}: ${issue?.message ?? 'invalid value'}`);
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
    app = buildServer(config);
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof FixtureError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`descope-mock: ${(error as Error).message}\n`);
      process.exit(EXIT_USAGE);
    }
    throw error;
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
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
    process.stderr.write(
      `descope-mock: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}\n`,
    );
    process.exit(EXIT_USAGE);
  }
  const port = app.server.address();
  const url = typeof port === 'object' && port ? `http://${urlHost(config.host)}:${port.port}` : address;
  process.stdout.write(`${banner(config, url)}\n`);
}

/** A host for the URL users paste: 0.0.0.0 listens everywhere, but a client reaches it as 127.0.0.1. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

main();
