import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../app/operation.js';
import {
  createProject,
  deleteProject,
  listProjects,
  resetProjects,
  restoreProject,
  snapshotProject,
} from '../../app/projects.js';
import { NewProjectSchema } from '../../fixtures/schema.js';
import { CONTROL_PLANE_TAG } from '../../openapi.js';

const ProjectParams = z.object({ projectId: z.string().min(1) });
const TAGS = [CONTROL_PLANE_TAG];

/**
 * The body limit of the routes that take a whole project (a new project, a snapshot restore): whatever
 * `GET …/snapshot` answers must go back in, and a snapshot runs about 0.75 KB a user (100,000 users, the
 * size the mock is measured at, make some 75 MB), far past the 4 MiB of Descope's API routes. A JSON body is
 * read as one string, which V8 caps at about 512 MiB, so the limit stays well below that.
 */
const PROJECT_BODY_LIMIT = 256 * 1024 * 1024;

/** Projects on demand, reset, snapshots and restores: `/_mock/projects…` and `/_mock/reset`. */
export function registerProjectRoutes(parent: FastifyInstance, services: Services): void {
  const app = parent.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/_mock/reset',
    {
      schema: {
        summary: 'Every project (or the one named) back to the fixture it was seeded from',
        tags: TAGS,
        body: z.object({ projectId: z.string().min(1).optional() }),
      },
    },
    (request) => ({ projectIds: resetProjects(services, request.body.projectId) }),
  );

  app.post(
    '/_mock/projects',
    {
      bodyLimit: PROJECT_BODY_LIMIT,
      schema: {
        summary: 'A new isolated project, optionally seeded with a project in the fixture format',
        tags: TAGS,
        body: NewProjectSchema,
      },
    },
    (request, reply) => reply.code(201).send(createProject(services, request.body)),
  );

  app.get('/_mock/projects', { schema: { summary: 'Every project with its counts', tags: TAGS } }, () => ({
    projects: listProjects(services),
  }));

  app.delete(
    '/_mock/projects/:projectId',
    { schema: { summary: 'Removes a project (not the default one)', tags: TAGS, params: ProjectParams } },
    (request) => {
      deleteProject(services, request.params.projectId);
      return {};
    },
  );

  app.get(
    '/_mock/projects/:projectId/snapshot',
    { schema: { summary: 'One project in the fixture format', tags: TAGS, params: ProjectParams } },
    (request) => snapshotProject(services, request.params.projectId),
  );

  app.put(
    '/_mock/projects/:projectId/snapshot',
    {
      bodyLimit: PROJECT_BODY_LIMIT,
      schema: {
        summary: "Replaces a project's state with a snapshot (creates the project when missing)",
        tags: TAGS,
        params: ProjectParams,
        body: NewProjectSchema,
      },
    },
    (request, reply) => {
      const { created, ...credentials } = restoreProject(services, request.params.projectId, request.body);
      return reply.code(created ? 201 : 200).send(credentials);
    },
  );
}
