import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { browseRelations } from '../../app/fga/browse.js';
import type { Services } from '../../app/operation.js';
import { CONTROL_PLANE_TAG } from '../../openapi.js';

/** A page's largest size: the inspector shows 50 a page; a script may read more, within a bound. */
const MAX_LIMIT = 1000;

const exact = (what: string) =>
  z.string().min(1).max(1024).optional().describe(`only the tuples of this ${what}`);

const RelationsQuery = z.object({
  resourceType: exact('resource type'),
  resource: exact('resource ID'),
  relation: exact('relation'),
  target: exact('target ID (a plain target or a target set)'),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(100),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(0),
});

/**
 * `GET /_mock/projects/:projectId/relations`: the project's FGA tuples, filtered and one page at a time, in
 * key order; read-only (writes go through Descope's own fga/authz calls).
 */
export function registerRelationRoutes(parent: FastifyInstance, services: Services): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/_mock/projects/:projectId/relations',
    {
      schema: {
        summary: "The project's FGA relations (tuples), filtered by exact fields, a page at a time",
        tags: [CONTROL_PLANE_TAG],
        params: z.object({ projectId: z.string().min(1) }),
        querystring: RelationsQuery,
      },
    },
    (request) => browseRelations(services, request.params.projectId, request.query),
  );
}
