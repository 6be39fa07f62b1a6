import type { FastifyServerOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';

/**
 * Fastify's `schemaController` option: zod validates request bodies and queries, and responses are written
 * with JSON.stringify. Given here, Fastify never loads its default compilers (Ajv and fast-json-stringify,
 * about a hundred modules that nothing here uses), which saves tens of milliseconds of every cold start.
 */
export const ZOD_SCHEMA_CONTROLLER: FastifyServerOptions['schemaController'] = {
  compilersFactory: {
    buildValidator: () => validatorCompiler as never,
    // Responses are built from typed records, so they are written as they are: validating each one against
    // its zod schema would cost more than the rest of the request.
    buildSerializer: () => () => (data: unknown) => JSON.stringify(data),
  },
};
