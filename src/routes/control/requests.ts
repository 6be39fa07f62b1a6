import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/operation.js';
import { CONTROL_PLANE_TAG } from '../../openapi.js';

const TAGS = [CONTROL_PLANE_TAG];

/** `since` as epoch milliseconds or an ISO 8601 time. */
const Since = z.union([
  z.coerce.number().int().nonnegative(),
  z.iso.datetime({ offset: true }).transform((value) => Date.parse(value)),
]);

const JournalQuerySchema = z.object({
  projectId: z.string().min(1).optional(),
  method: z.string().min(1).optional(),
  path: z.string().min(1).optional(),
  status: z.coerce.number().int().min(100).max(599).optional(),
  since: Since.optional(),
  limit: z.coerce.number().int().min(0).optional(),
});

/** The request journal: `GET /_mock/requests` lists, `DELETE /_mock/requests` clears. */
export function registerRequestRoutes(parent: FastifyInstance, services: Services): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { journal } = services.harness;

  app.get(
    '/_mock/requests',
    {
      schema: {
        summary: 'The last Descope API calls, oldest first, secrets masked',
        tags: TAGS,
        querystring: JournalQuerySchema,
      },
    },
    (request) => {
      const { since, ...filter } = request.query;
      // `journal`: what bounds the journal and how full it is, so a reader can tell why old calls are gone.
      return { requests: journal.list({ ...filter, sinceMs: since }), journal: journal.usage() };
    },
  );

  app.delete('/_mock/requests', { schema: { summary: 'Clears the request journal', tags: TAGS } }, () => {
    journal.clear();
    return {};
  });
}
