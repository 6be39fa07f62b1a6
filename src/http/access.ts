import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { checkControlAccess, checkIdpAccess, checkInspectorAccess } from '../harness/access.js';
import type { ProjectStore } from '../store/projects.js';
import { areaOfRoute } from './area.js';
import { authenticate, authenticateCaller } from './auth.js';

/**
 * The one place access is decided. Every route is stamped with its area as it is declared (from its own
 * pattern), and the first hook of every request checks what that area demands. A spelling of a path that the
 * router decodes to a route (`/%5Fmock/reset`) carries that route's area, so it meets the same check; a
 * spelling it does not match (`//_mock/reset`, `/_MOCK/reset`) reaches no handler at all.
 * Call before any route is declared.
 */
export function installAccessChecks(
  app: FastifyInstance,
  config: Pick<Config, 'adminToken'>,
  projects: ProjectStore,
  /** The server's clock, which a key's expiry is judged by. */
  now: () => number = Date.now,
): void {
  app.decorateRequest('area', 'unmatched');
  app.decorateRequest('routeUrl', '');
  app.decorateRequest('caller', undefined);
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, area: areaOfRoute(route.url ?? route.path) };
  });
  // Runs on every request: a callback rather than a promise, cheaper on the hot path.
  app.addHook('onRequest', (request, _reply, done) => {
    const { config: routeConfig, url } = request.routeOptions;
    const area = routeConfig?.area ?? 'unmatched';
    request.area = area;
    request.routeUrl = url ?? '';
    try {
      if (area === 'management') authenticate(request, projects, now);
      // A CORS preflight carries no credentials: it is answered by its own route (src/http/cors.ts).
      else if (area === 'auth') {
        if (request.method !== 'OPTIONS') authenticateCaller(request, projects, now);
      } else if (area === 'control') checkControlAccess(request, config.adminToken);
      else if (area === 'inspector') checkInspectorAccess(request, config.adminToken);
      else if (area === 'idp') checkIdpAccess(request);
      else if (area === 'open') namePathProject(request);
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  });
}

/**
 * An open Descope route (the keys) takes no credentials and names its project in the path: that is the
 * request's project, for its handler, the journal and a fault's `projectId`, as the bearer's is elsewhere.
 */
function namePathProject(request: FastifyRequest): void {
  const { projectId } = request.params as { projectId?: unknown };
  if (typeof projectId === 'string') request.projectId = projectId;
}
