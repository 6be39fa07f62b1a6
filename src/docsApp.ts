import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ZOD_SCHEMA_CONTROLLER } from './http/compilers.js';
import { installErrorHandlers } from './http/errorHandler.js';
import {
  DOCS_PATH,
  OPENAPI_JSON_PATH,
  type OpenApiDocument,
  servedDocument,
  skipOverride,
  swaggerOptions,
  swaggerUiOptions,
} from './openapi.js';

/**
 * Serves the OpenAPI document (src/openapi.ts) and the Swagger UI page from a second Fastify instance, the
 * docs app, built on the first request for either: it declares the same routes as the mock (never serving
 * them) and carries the two plugins, which the mock itself then never loads. That keeps @fastify/swagger,
 * @fastify/swagger-ui, @fastify/static and their ~200 modules out of every cold start, as well as the
 * onRoute bookkeeping of ~150 routes.
 */

/** Declares the mock's routes on a Fastify instance: the docs app declares exactly what the mock does. */
export type DeclareRoutes = (app: FastifyInstance) => void;

/** The docs app of each mock, built once, on the first request that needs it. */
const docsApps = new WeakMap<FastifyInstance, () => Promise<FastifyInstance>>();

/**
 * Registers the document and the docs page on the mock: routes that build the docs app on their first
 * request and answer from it.
 */
export function registerOpenApi(app: FastifyInstance, declare: DeclareRoutes): void {
  let built: Promise<FastifyInstance> | undefined;
  const docs = () => {
    // A build that failed is tried again on the next request rather than remembered.
    built ??= buildDocsApp(declare).catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return built;
  };
  docsApps.set(app, docs);
  app.addHook('onClose', async () => {
    if (built) await (await built).close();
  });
  app.register(
    skipOverride(async (scope: FastifyInstance) => {
      scope.get(OPENAPI_JSON_PATH, async (request) => servedDocument(await openApiDocument(app), request));
      const page = (request: FastifyRequest, reply: FastifyReply) => forward(docs, request, reply);
      scope.get(DOCS_PATH, page);
      scope.get(`${DOCS_PATH}/*`, page);
    }),
  );
}

/** The document written to openapi/descope-mock.json (and served, with the caller's origin). */
export async function openApiDocument(app: FastifyInstance): Promise<OpenApiDocument> {
  const docs = docsApps.get(app);
  if (!docs) throw new Error('registerOpenApi was not called on this app');
  return (await docs()).swagger() as unknown as OpenApiDocument;
}

/** Answers a docs-page request (the page, its assets, its copy of the document) from the docs app. */
async function forward(
  docs: () => Promise<FastifyInstance>,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const answer = await (await docs()).inject({
    method: request.method as 'GET',
    url: request.url,
    headers: request.headers,
  });
  // The mock's own connection writes the body: its length and framing are its own.
  const {
    'content-length': _length,
    'transfer-encoding': _encoding,
    connection: _connection,
    date: _date,
    ...headers
  } = answer.headers;
  return reply.code(answer.statusCode).headers(headers).send(answer.rawPayload);
}

/**
 * The docs app: the OpenAPI plugin, the Swagger UI plugin and, after them (so the document sees every
 * route), the mock's routes. It never listens and holds no state of its own.
 */
async function buildDocsApp(declare: DeclareRoutes): Promise<FastifyInstance> {
  const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([
    import('@fastify/swagger'),
    import('@fastify/swagger-ui'),
  ]);
  const docs = Fastify({ logger: false, schemaController: ZOD_SCHEMA_CONTROLLER });
  // A missing asset answers Descope's error body, as every other unknown path of the mock does.
  installErrorHandlers(docs);
  docs.register(swagger, swaggerOptions());
  docs.register(swaggerUi, swaggerUiOptions());
  declare(docs);
  await docs.ready();
  return docs;
}
