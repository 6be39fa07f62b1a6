import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/operation.js';
import { DescopeError } from '../../errors.js';
import { FaultSpecSchema } from '../../harness/faults.js';
import { CONTROL_PLANE_TAG } from '../../openapi.js';

const TAGS = [CONTROL_PLANE_TAG];

/** Fault injection: `POST/GET/DELETE /_mock/faults`, `DELETE /_mock/faults/:id`. */
export function registerFaultRoutes(parent: FastifyInstance, services: Services): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { faults } = services.harness;

  app.post(
    '/_mock/faults',
    { schema: { summary: 'Adds a fault to Descope API calls', tags: TAGS, body: FaultSpecSchema } },
    (request, reply) => reply.code(201).send({ id: faults.add(request.body).id }),
  );

  app.get('/_mock/faults', { schema: { summary: 'The active faults', tags: TAGS } }, () => ({
    faults: faults.list(),
  }));

  app.delete('/_mock/faults', { schema: { summary: 'Removes every fault', tags: TAGS } }, () => {
    faults.clear();
    return {};
  });

  app.delete(
    '/_mock/faults/:id',
    { schema: { summary: 'Removes one fault', tags: TAGS, params: z.object({ id: z.string().min(1) }) } },
    (request) => {
      if (!faults.remove(request.params.id)) {
        throw new DescopeError('ROUTE_NOT_FOUND', `No active fault "${request.params.id}"`);
      }
      return {};
    },
  );
}
