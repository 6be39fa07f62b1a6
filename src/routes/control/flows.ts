import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setFlowOutput } from '../../app/flow.js';
import type { Services } from '../../app/operation.js';
import { projectNotFound } from '../../app/projects.js';
import { CONTROL_PLANE_TAG } from '../../openapi.js';

/** `PUT /_mock/projects/:projectId/flows/:flowId/output`: what management flow/run answers for the flow. */
export function registerFlowRoutes(parent: FastifyInstance, services: Services): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  app.put(
    '/_mock/projects/:projectId/flows/:flowId/output',
    {
      schema: {
        summary:
          'The output management flow/run answers for the flow; without `output`, runs answer their input',
        tags: [CONTROL_PLANE_TAG],
        params: z.object({ projectId: z.string().min(1), flowId: z.string().min(1) }),
        body: z.object({ output: z.record(z.string(), z.unknown()).optional() }),
      },
    },
    (request) => {
      const { projectId, flowId } = request.params;
      const { store } = services;
      return store.transaction(() => {
        if (!store.control.project(projectId)) throw projectNotFound(projectId);
        setFlowOutput(services, projectId, flowId, request.body.output);
        return {};
      });
    },
  );
}
