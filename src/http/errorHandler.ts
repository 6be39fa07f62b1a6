import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DescopeError, type ErrorKind, errorBody } from '../errors.js';
import { isDescopePath, pathOf } from '../harness/paths.js';
import type { ProjectStore } from '../store/projects.js';
import { authenticate } from './auth.js';

const isManagementPath = (path: string): boolean => /^\/v[12]\/mgmt\//.test(path);

/**
 * The one place where failures become Descope's wire body. Validation failures, malformed JSON, auth
 * failures, unknown routes and bugs all answer `{errorCode, errorDescription, errorMessage, message}`, never
 * Fastify's default error shape.
 */
export function installErrorHandlers(app: FastifyInstance, projects?: ProjectStore): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DescopeError) return send(reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) return send(reply, fromValidation(error.validation));
    if (error.statusCode === 413) {
      return send(reply, new DescopeError('PAYLOAD_TOO_LARGE', 'The request body is larger than the limit'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, an empty JSON body, a wrong content type, a bad URL.
      return reply
        .status(error.statusCode)
        .send(errorBody('BAD_REQUEST', `Request is malformed: ${error.message}`));
    }
    request.log.error({ err: error }, 'unexpected error');
    return send(reply, new DescopeError('INTERNAL', 'Internal error in descope-mock'));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = pathOf(request.url);
    if (isDescopePath(path)) {
      // Nothing is served here, so this guards nothing: it keeps the order of answers a management path has,
      // credentials first, then "not emulated".
      if (projects && isManagementPath(path)) authenticate(request, projects);
      return send(reply, notEmulated(request.method, path));
    }
    return send(reply, new DescopeError('ROUTE_NOT_FOUND', `No route ${request.method} ${path}`));
  });
}

/**
 * Every Descope path under `prefix` that no emulated operation serves answers 501, as a declared route of
 * its own (`<prefix>*`, hidden from the document) rather than through the not-found handler: the route's
 * pattern puts it in its area, so the caller's credentials are checked first and a browser SDK gets the
 * CORS headers (src/http/cors.ts) and its preflight, and reads the 501 instead of a network failure.
 */
export function declareNotEmulated(app: FastifyInstance, prefix: string): void {
  app.route({
    method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    url: `${prefix}*`,
    schema: { hide: true },
    handler: (request) => {
      throw notEmulated(request.method, pathOf(request.url));
    },
  });
}

/**
 * The 501 of a Descope path no operation serves. The passkey routes (`/v1/auth/webauthn/*`) say how to test
 * a passkey user instead: a WebAuthn ceremony needs an authenticator, which no test has, so the mock does
 * not pretend to one, and the SDKs' `webauthn.*` stay counted as not emulated.
 */
function notEmulated(method: string, path: string): DescopeError {
  const message = `${method} ${path} is not emulated by descope-mock`;
  if (!path.startsWith('/v1/auth/webauthn/')) return new DescopeError('NOT_EMULATED', message);
  return new DescopeError(
    'NOT_EMULATED',
    `${message}: passkeys (WebAuthn) are not emulated. To test a passkey user, import the passkey with ` +
      "POST /v1/mgmt/user/passkeys/import (the user's webauthn flag becomes true), then mint the session a " +
      "passkey sign-in would give with POST /_mock/projects/{projectId}/sessions ({loginId, amr: ['webauthn']}; " +
      "startDescopeMock's mock.mintSession(loginId, { amr: ['webauthn'] }))",
  );
}

/**
 * Fastify's `frameworkErrors` option: failures before routing (a URL that is not valid percent-encoding)
 * answer Descope's body too, not Fastify's default.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  reply.status(400).send(errorBody('BAD_REQUEST', `Request is malformed: ${error.message}`));
}

/**
 * Fastify's `clientErrorHandler` option: an HTTP request Node cannot even parse (a broken request line,
 * headers over the limit) gets a 400 with Descope's body before the socket closes.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A client that went away needs no answer (and Node destroys that socket itself).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const [status, reason] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request'];
  const body = JSON.stringify(errorBody('BAD_REQUEST', `Request is malformed: ${reason.toLowerCase()}`));
  // An answer to HEAD has headers only: a body there would be read as the start of a next response.
  const head = (error as { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString() === 'HEAD ';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`,
  );
}

/** Node's parser errors that have a more precise status than 400. */
const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

function send(reply: FastifyReply, error: DescopeError): FastifyReply {
  return reply.status(error.status).headers(error.headers).send(error.toBody());
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
}

/** The first zod issue as Descope would word it, naming the field: missing (E011002), wrong type (E011001), bad value (E011004). */
function fromValidation(issues: readonly ValidationIssue[]): DescopeError {
  const issue = issues[0] as ValidationIssue;
  const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const detail = issue.message ?? 'invalid';
  if (field === '' && issue.keyword === 'invalid_type') {
    return new DescopeError('BAD_REQUEST', `The request body must be a JSON object: ${detail}`);
  }
  let kind: ErrorKind = 'INVALID_ARGUMENTS';
  let message = field ? `The ${field} field is invalid: ${detail}` : `The request is invalid: ${detail}`;
  if (issue.keyword === 'invalid_type' && /received undefined/.test(detail)) {
    kind = 'MISSING_ARGUMENTS';
    message = `The ${field} field is required`;
  } else if (issue.keyword === 'invalid_type' || issue.keyword === 'invalid_union') {
    kind = 'BAD_REQUEST';
    message = `The ${field} field has the wrong type: ${detail}`;
  }
  return new DescopeError(kind, message);
}
