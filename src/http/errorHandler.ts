import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DescopeError, type ErrorKind, errorBody } from '../errors.js';

/**
 * The one place where failures become Descope's wire body. Validation failures, malformed JSON, auth
 * failures, unknown routes and bugs all answer `{errorCode, errorDescription, errorMessage, message}`, never
 * Fastify's default error shape.
 */
export function installErrorHandlers(app: FastifyInstance): void {
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
    const path = request.url.split('?')[0] ?? '';
    if (/^\/v[12]\//.test(path)) {
      const message = `${request.method} ${path} is not emulated by descope-mock`;
      return send(reply, new DescopeError('NOT_EMULATED', message));
    }
    return send(reply, new DescopeError('ROUTE_NOT_FOUND', `No route ${request.method} ${path}`));
  });
}

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
  const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'request body';
  const detail = issue.message ?? 'invalid';
  let kind: ErrorKind = 'INVALID_ARGUMENTS';
  let message = `The ${field} field is invalid: ${detail}`;
  if (issue.keyword === 'invalid_type' && /received undefined/.test(detail)) {
    kind = 'MISSING_ARGUMENTS';
    message = `The ${field} field is required`;
  } else if (issue.keyword === 'invalid_type' || issue.keyword === 'invalid_union') {
    kind = 'BAD_REQUEST';
    message = `The ${field} field has the wrong type: ${detail}`;
  }
  return new DescopeError(kind, message);
}
