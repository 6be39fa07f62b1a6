import Fastify, { type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import type { DestinationStream } from 'pino';
import { z } from 'zod';
import { runOperation, type Services } from './app/operation.js';
import { applyConfiguredKeys, seedRemembered } from './app/projects.js';
import {
  type Config,
  type ConfigInput,
  ConfigSchema,
  DEFAULT_MANAGEMENT_KEY,
  parseOrigins,
} from './config.js';
import { registerOpenApi } from './docsApp.js';
import { readFixtureFile } from './fixtures/read.js';
import type { FixtureFile } from './fixtures/schema.js';
import { bareProject } from './fixtures/seed.js';
import { createHarness, installHarnessHooks } from './harness/index.js';
import { maskUrl } from './harness/journal.js';
import { installAccessChecks } from './http/access.js';
import { callerOf, ownOrigin } from './http/auth.js';
import { installBodyParser } from './http/body.js';
import { ZOD_SCHEMA_CONTROLLER } from './http/compilers.js';
import { type AllowedOrigins, declarePreflight, installCors, isCorsRoute } from './http/cors.js';
import {
  clientErrorHandler,
  declareNotEmulated,
  frameworkErrors,
  installErrorHandlers,
} from './http/errorHandler.js';
import { lazyRequestLogger } from './http/requestLogger.js';
import { registerInspector } from './inspectorApp.js';
import { skipOverride } from './openapi.js';
import { registerBrowserRoutes } from './routes/browser/index.js';
import { registerControlPlane } from './routes/control/index.js';
import { OPERATIONS } from './routes/registry.js';
import { withoutForeignKeys } from './store/bulk.js';
import { openStore, type Store } from './store/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

export interface BuildOptions {
  /** Fixtures already parsed (the library entry passes them); otherwise `config.fixtures` is read. */
  fixtures?: FixtureFile;
  /** A fixed clock for tests; defaults to Date.now. */
  now?: () => number;
  /** Where pino writes (tests capture the log); defaults to stdout. */
  logStream?: DestinationStream;
  /**
   * Checks every answer of an emulated operation against its response schema and fails the request (500)
   * when one does not fit. For the mock's own test run, which sets `DESCOPE_MOCK_CHECK_RESPONSES=1`
   * (vitest.config.ts), so that the processes it spawns check too; off by default, it costs a parse per call.
   */
  checkResponses?: boolean;
}

const HealthSchema = z.object({ status: z.literal('ok') });

/** Bodies above this get 413 with Descope's error body. Large enough for a batch of a few thousand users. */
const BODY_LIMIT = 4 * 1024 * 1024;

/**
 * A socket with no traffic at all for this long is closed. Above the longest injected delay (60 s), during
 * which a request's socket is quiet; stalled requests are cut earlier, by `requestTimeout`.
 */
const IDLE_SOCKET_TIMEOUT = 120_000;

/**
 * Node looks for requests past `requestTimeout` on an interval (30 s by default, longer than the timeout
 * itself can be): a quarter of the timeout, between 100 ms and 1 s, so a stalled request is cut close to
 * the limit. With the timeout off (0) there is nothing to look for: Node's default.
 */
const timeoutCheckInterval = (requestTimeout: number): number =>
  requestTimeout === 0 ? 30_000 : Math.min(1_000, Math.max(100, Math.floor(requestTimeout / 4)));

/**
 * Builds the mock: the store seeded from the fixtures, and a Fastify instance with every emulated route.
 * It never listens: the CLI, the library entry and the tests all build the same instance this way.
 * Throws FixtureError when the fixtures cannot be loaded.
 */
export function buildServer(input: ConfigInput = {}, options: BuildOptions = {}): FastifyInstance {
  const config = ConfigSchema.parse(input);
  const store = openStore(config.db);
  try {
    seedStore(store, config, options.fixtures);
  } catch (error) {
    store.close();
    throw error;
  }
  const services: Services = {
    store,
    config,
    now: options.now ?? Date.now,
    harness: createHarness(config),
  };

  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization'],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // One line per request at debug level (below): the default two info lines would flood a test run's output.
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: lazyRequestLogger,
    bodyLimit: BODY_LIMIT,
    // Fastify turns Node's request timeout off; without one, complete headers followed by a body that never
    // comes hold a connection forever. The headers get the same window: Node ignores a request timeout
    // shorter than its headers timeout (60 s) once the headers are in.
    requestTimeout: config.requestTimeout,
    connectionTimeout: IDLE_SOCKET_TIMEOUT,
    http: {
      // With the request timeout off (0), headers still get Node's own 60 s: slow headers never hold a socket.
      headersTimeout: config.requestTimeout || 60_000,
      connectionsCheckingInterval: timeoutCheckInterval(config.requestTimeout),
    },
    forceCloseConnections: false,
    frameworkErrors,
    clientErrorHandler,
    // zod validates, JSON.stringify serialises (src/http/compilers.ts).
    schemaController: ZOD_SCHEMA_CONTROLLER,
  });
  app.decorate('services', services);
  installErrorHandlers(app, store.projects);
  installBodyParser(app);

  // Declared up front (Fastify's advice: every request object keeps one shape); '' until the bearer check passes.
  app.decorateRequest('projectId', '');
  app.decorateRequest('actorId', '');
  installAccessChecks(app, config, store.projects, services.now);
  // After the bearer check, before validation reads the body as proto3 JSON (src/http/compilers.ts): the
  // journal and the faults of every Descope API call.
  installHarnessHooks(app, services.harness, services.now);
  installCors(app, allowedOrigins(config));
  // Only at a level that writes it: masking the URL and the hook itself are paid on every request.
  if (config.logLevel === 'debug' || config.logLevel === 'trace') {
    app.addHook('onResponse', (request, reply, done) => {
      // Secrets in the query string (`?password=`) masked by the journal's rule.
      const url = maskUrl(request.url);
      request.log.debug(
        { method: request.method, url, statusCode: reply.statusCode, ms: reply.elapsedTime },
        'request',
      );
      done();
    });
  }
  app.addHook('onClose', async () => store.close());

  // The docs page and the document are built on their first request, from the same route declarations.
  const checkResponses = options.checkResponses ?? process.env.DESCOPE_MOCK_CHECK_RESPONSES === '1';
  registerOpenApi(app, (scope) => declareRoutes(scope, services, checkResponses));
  declareRoutes(app, services, checkResponses);
  // The inspector's page: not an operation, so outside the routes the docs app declares.
  registerInspector(app);
  return app;
}

/** An operation's answer, with the `Set-Cookie` lines it asked for (cookie mode, src/app/session.ts). */
function withCookies(reply: FastifyReply, cookies: string[], value: unknown): unknown {
  if (cookies.length > 0) reply.header('set-cookie', cookies);
  return value;
}

/** Descope's authentication API, where a path the mock does not serve still answers as a Descope path. */
const AUTH_PREFIX = '/v1/auth/';

function allowedOrigins(config: Config): AllowedOrigins {
  const listed = parseOrigins(config.corsOrigins);
  return listed && new Set(listed);
}

/**
 * Declares every route: the emulated operations, the health check and the control plane. Each in a plugin
 * that loads after the OpenAPI plugin (on ready/listen) of the docs app, so its document sees every route.
 */
function declareRoutes(app: FastifyInstance, services: Services, checkResponses: boolean): void {
  app.register(
    skipOverride(async (routes) => {
      routes.get(
        '/_mock/health',
        {
          schema: {
            summary: 'Liveness: ok from the moment the server listens',
            response: { 200: HealthSchema },
          },
        },
        () => ({ status: 'ok' }),
      );
      for (const operation of OPERATIONS) {
        routes.route({
          method: operation.method,
          url: operation.path,
          schema: {
            summary: operation.summary,
            operationId: operation.operationId,
            tags: [operation.tag],
            ...(operation.body ? { body: operation.body } : {}),
            ...(operation.query ? { querystring: operation.query } : {}),
            ...(operation.params ? { params: operation.params } : {}),
            response: { 200: operation.response },
          },
          handler: (request, reply) => {
            const cookies: string[] = [];
            const answer = runOperation(
              operation,
              {
                body: request.body,
                query: request.query,
                params: request.params,
                projectId: request.projectId,
                services,
                caller: operation.answersUrls
                  ? { ...callerOf(request), origin: ownOrigin(request) }
                  : callerOf(request),
                cookies,
                actorId: request.actorId,
                remoteAddress: request.ip,
              },
              checkResponses,
            );
            // No closure on the synchronous path (every management call): only a sign-in sets cookies.
            if (answer instanceof Promise) return answer.then((value) => withCookies(reply, cookies, value));
            return cookies.length > 0 ? withCookies(reply, cookies, answer) : answer;
          },
        });
      }
      // The preflight of each route a browser SDK calls from another origin (src/http/cors.ts).
      const corsPatterns = new Set(OPERATIONS.map((operation) => operation.path).filter(isCorsRoute));
      const allowed = allowedOrigins(services.config);
      for (const pattern of corsPatterns) declarePreflight(routes, pattern, allowed);
      // The authentication paths not emulated yet: a 501 a browser SDK can read, preflight included.
      declareNotEmulated(routes, AUTH_PREFIX);
      declarePreflight(routes, `${AUTH_PREFIX}*`, allowed);
    }),
  );
  app.register(skipOverride(async (routes) => registerControlPlane(routes, services)));
  // Encapsulated: its form parser stays with its own routes.
  app.register(async (routes) => registerBrowserRoutes(routes, services, allowedOrigins(services.config)));
}

/**
 * Seeds every fixture project, or the default project bare when the fixtures do not describe it. A file
 * database that already holds projects keeps its state across restarts: then a missing default project is
 * added, and the default project's keys become this run's (src/harness/projects.ts).
 */
function seedStore(store: Store, config: Config, given?: FixtureFile): void {
  const { projectId } = config;
  // Listed with the default key, the key an unconfigured run has: the configured one is applied on top.
  const bare = () =>
    seedRemembered(store, config, bareProject(projectId, DEFAULT_MANAGEMENT_KEY), 'default project');
  // Seeding only inserts, each reference checked first (src/fixtures/seed.ts): the database's checks would
  // repeat them at a B-tree search a row.
  const seedAll = () =>
    store.transaction(() => {
      if (store.projects.list().length > 0) {
        if (store.projects.exists(projectId)) applyConfiguredKeys(store, config);
        else bare();
        return;
      }
      const source = given ? 'fixtures' : config.fixtures;
      const fixtures =
        given ?? (config.fixtures === 'none' ? { projects: [] } : readFixtureFile(config.fixtures));
      if (!fixtures.projects.some((project) => project.projectId === projectId)) bare();
      fixtures.projects.forEach((project, index) => {
        seedRemembered(store, config, project, `${source}: projects[${index}]`);
      });
    });
  withoutForeignKeys(store.db, seedAll);
}
