import type { FastifyRequest } from 'fastify';
import { DescopeError } from '../errors.js';
import type { ProjectStore } from '../store/projects.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The project named by the bearer header (set on every management request that passed the check) or by
     * the path of an open Descope route (the keys); else ''.
     */
    projectId: string;
  }
}

/**
 * The bearer check of every management call: `Authorization: Bearer <ProjectID>:<ManagementKey>` for a
 * project that exists here with that key. The project named there scopes everything the request touches.
 */
export function authenticate(request: FastifyRequest, projects: ProjectStore): void {
  const header = request.headers.authorization;
  if (!header) throw unauthorized('Missing Authorization header');
  const match = /^Bearer\s+([^:\s]+):(\S+)\s*$/i.exec(header);
  if (!match) {
    // The Node SDK sends `Bearer <projectId>` alone when built without a management key.
    throw unauthorized('Authorization header must be "Bearer <ProjectID>:<ManagementKey>"');
  }
  const [, projectId = '', key = ''] = match;
  if (!projects.acceptsKey(projectId, key)) throw unauthorized('Invalid management key for this project');
  request.projectId = projectId;
}

// Vendor behaviour (inferred): a bad or missing management key is a 401 with the usual error body.
const unauthorized = (message: string): DescopeError => new DescopeError('UNAUTHORIZED', message);
