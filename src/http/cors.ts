import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * CORS for the routes a browser SDK (web-js, react-sdk) calls from a page of another origin
 * (descope-auth-api.md §9): the keys today, the auth, flow and OAuth routes as they come. Decided on the
 * pattern of the route that matched (`request.routeUrl`, set by src/http/access.ts), never on the URL's
 * spelling. The management API and the control plane get no CORS headers: a page has no business there, and
 * the control plane refuses other origins outright (src/harness/access.ts).
 */
const CORS_PREFIXES = ['/v1/auth/', '/v1/flow/', '/oauth2/', '/:projectId/.well-known/'];
const CORS_ROUTES: ReadonlySet<string> = new Set(['/v2/keys/:projectId', '/v1/keys/:projectId']);

/** The origins `--cors-origins` lists, lower-cased (src/config.ts `parseOrigins`); undefined for any. */
export type AllowedOrigins = ReadonlySet<string> | undefined;

/** Whether a route pattern is one a browser SDK calls across origins. */
export function isCorsRoute(pattern: string): boolean {
  return CORS_ROUTES.has(pattern) || CORS_PREFIXES.some((prefix) => pattern.startsWith(prefix));
}

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
/** What the browser SDKs send (§9): answered when a preflight names no headers it can be echoed. */
const DEFAULT_ALLOW_HEADERS = [
  'authorization',
  'content-type',
  'x-descope-sdk-name',
  'x-descope-sdk-version',
  'x-descope-sdk-session-id',
  'x-descope-project-id',
  'x-descope-refresh-cookie-name',
  'x-descope-trusted-device-token',
  'x-descope-flow-nonce',
].join(', ');
const EXPOSE_HEADERS = 'X-Descope-Flow-Nonce, Retry-After, x-geo';
/** Vendor behaviour (inferred): Descope's preflight lifetime is not documented; ten minutes, Chromium's cap. */
const MAX_AGE = '600';

/** An `Origin` echoed back: printable ASCII without spaces, bounded, so the header can never be split. */
const ECHOABLE_ORIGIN = /^[\x21-\x7e]{1,256}$/;
/** A header name (RFC 9110 token), bounded; the echoed list keeps at most MAX_REQUEST_HEADERS of them. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
const MAX_REQUEST_HEADERS = 32;

/**
 * Installs the CORS answer: an onSend hook that adds the origin headers to every answer of a CORS route,
 * errors included (an SDK reads a 401 or a 429's `Retry-After` from the body and headers). Call before the
 * routes are declared; declare each CORS route's preflight with `declarePreflight`.
 */
export function installCors(app: FastifyInstance, allowed: AllowedOrigins): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (isCorsRoute(request.routeUrl)) {
      appendVary(reply);
      const origin = allowedOrigin(request, allowed);
      if (origin !== undefined) {
        reply.header('access-control-allow-origin', origin);
        reply.header('access-control-allow-credentials', 'true');
        reply.header('access-control-expose-headers', EXPOSE_HEADERS);
      }
    }
    done(null, payload);
  });
}

/**
 * The preflight of a CORS route: 204, with what may be sent when the origin is allowed. Fastify answers an
 * OPTIONS with 404 unless a route is declared for it. An origin outside `--cors-origins` gets the 204 without
 * any allow header, so the browser refuses the call itself.
 * Vendor behaviour (inferred): whether Descope answers a foreign origin's preflight 204 or 403 is unknown.
 */
export function declarePreflight(app: FastifyInstance, pattern: string, allowed: AllowedOrigins): void {
  app.options(pattern, { schema: { hide: true } }, (request, reply) => {
    if (allowedOrigin(request, allowed) !== undefined) {
      reply.header('access-control-allow-methods', ALLOW_METHODS);
      reply.header('access-control-allow-headers', requestedHeaders(request) ?? DEFAULT_ALLOW_HEADERS);
      reply.header('access-control-max-age', MAX_AGE);
    }
    reply.code(204).send();
  });
}

/** The request's `Origin` when it may be echoed: any well-formed one, or one of the configured list. */
function allowedOrigin(
  request: FastifyRequest,
  allowed: ReadonlySet<string> | undefined,
): string | undefined {
  const { origin } = request.headers;
  if (typeof origin !== 'string' || !ECHOABLE_ORIGIN.test(origin)) return undefined;
  if (allowed !== undefined && !allowed.has(origin.toLowerCase())) return undefined;
  return origin;
}

/** `Access-Control-Request-Headers` as header names only: anything else in it is dropped, the list capped. */
function requestedHeaders(request: FastifyRequest): string | undefined {
  const asked = request.headers['access-control-request-headers'];
  if (typeof asked !== 'string' || asked.length > 4096) return undefined;
  const names = asked
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => HEADER_NAME.test(name))
    .slice(0, MAX_REQUEST_HEADERS);
  return names.length > 0 ? names.join(', ') : undefined;
}

function appendVary(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  if (vary === undefined) reply.header('vary', 'Origin');
  else if (!/\borigin\b/i.test(String(vary))) reply.header('vary', `${String(vary)}, Origin`);
}
