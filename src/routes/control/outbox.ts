import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/operation.js';
import { projectNotFound } from '../../app/projects.js';
import { CONTROL_PLANE_TAG } from '../../openapi.js';

/** `GET /_mock/projects/:projectId/outbox`: what Descope would have sent, oldest first. */
export function registerOutboxRoutes(parent: FastifyInstance, services: Services): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/_mock/projects/:projectId/outbox',
    {
      schema: {
        summary: 'Invitations, OTP codes, magic, enchanted and embedded links the project would have sent',
        tags: [CONTROL_PLANE_TAG],
        params: z.object({ projectId: z.string().min(1) }),
      },
    },
    (request) => {
      const { projectId } = request.params;
      const { store } = services;
      return store.transaction(() => {
        if (!store.control.project(projectId)) throw projectNotFound(projectId);
        const messages = store.outbox.list(projectId).map((message) => ({
          ...message,
          time: new Date(message.createdMs).toISOString(),
        }));
        return { messages };
      });
    },
  );
}
