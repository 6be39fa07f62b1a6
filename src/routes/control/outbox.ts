import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/operation.js';
import { projectNotFound } from '../../app/projects.js';
import { CONTROL_PLANE_TAG } from '../../openapi.js';

/**
 * `GET /_mock/projects/:projectId/outbox`: what Descope would have sent, oldest first. A project keeps up to
 * 10,000 messages of up to 16 KiB: `limit` lets a live reader (the inspector) fetch the newest few instead.
 */
export function registerOutboxRoutes(parent: FastifyInstance, services: Services): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/_mock/projects/:projectId/outbox',
    {
      schema: {
        summary: 'Invitations, OTP codes, magic, enchanted and embedded links the project would have sent',
        tags: [CONTROL_PLANE_TAG],
        params: z.object({ projectId: z.string().min(1) }),
        querystring: z.object({
          limit: z.coerce
            .number()
            .int()
            .min(1)
            // What a project keeps at most (MAX_OUTBOX_MESSAGES, src/store/outbox.ts).
            .max(10_000)
            .optional()
            .describe('only the newest `limit` messages (still oldest first); all when absent'),
        }),
      },
    },
    (request) => {
      const { projectId } = request.params;
      const { store } = services;
      return store.transaction(() => {
        if (!store.control.project(projectId)) throw projectNotFound(projectId);
        const messages = store.outbox.list(projectId, request.query.limit).map((message) => ({
          ...message,
          time: new Date(message.createdMs).toISOString(),
        }));
        // `total`: every message the project keeps, so a reader of the newest few knows how many there are.
        return { messages, total: store.outbox.count(projectId) };
      });
    },
  );
}
