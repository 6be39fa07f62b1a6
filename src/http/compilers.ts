import type { FastifyServerOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { DescopeError } from '../errors.js';
import { isDescopePath } from '../harness/paths.js';
import { type Normaliser, normaliserOf } from './normalise.js';

type Validate = (data: unknown) => { value?: unknown; error?: unknown };

/**
 * Fastify's `schemaController` option: zod validates request bodies and queries, and responses are written
 * with JSON.stringify. Given here, Fastify never loads its default compilers (Ajv and fast-json-stringify,
 * about a hundred modules that nothing here uses), which saves tens of milliseconds of every cold start.
 */
export const ZOD_SCHEMA_CONTROLLER: FastifyServerOptions['schemaController'] = {
  compilersFactory: {
    buildValidator: () => compileValidator as never,
    // Responses are built from typed records, so they are written as they are: validating each one against
    // its zod schema would cost more than the rest of the request.
    buildSerializer: () => () => (data: unknown) => JSON.stringify(data),
  },
};

/**
 * One validator per route and part, in the one place every route passes through: the body (or query) is
 * first read as proto3 JSON (src/http/normalise.ts, walked along this schema, compiled once, on first use),
 * then validated. Proto names (snake_case) are accepted on Descope's paths only, not on the control plane.
 */
export function compileValidator(route: {
  schema: z.ZodType;
  method: string;
  url: string;
  httpPart?: string;
}): Validate {
  const validate = validatorCompiler(route) as Validate;
  if (route.httpPart !== 'body' && route.httpPart !== 'querystring') return validate;
  const isBody = route.httpPart === 'body';
  // Not at start: most of the ~150 routes are never called in a run.
  let normalise: Normaliser | undefined;
  return (data) => {
    normalise ??= normaliserOf(route.schema, { aliases: isDescopePath(route.url) });
    try {
      // Fastify passes null for no body: it reads as an empty message, as an empty body does (src/http/body.ts).
      return validate(normalise(isBody && data === null ? {} : data));
    } catch (error) {
      if (error instanceof DescopeError) return { error };
      throw error;
    }
  };
}
