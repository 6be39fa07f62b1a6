import type { FastifyInstance } from 'fastify';
import { checkControlAccess } from '../../harness/access.js';
import { pathOf } from '../../harness/paths.js';
import type { Services } from '../operation.js';
import { registerFaultRoutes } from './faults.js';
import { registerOutboxRoutes } from './outbox.js';
import { registerProjectRoutes } from './projects.js';
import { registerRequestRoutes } from './requests.js';

/**
 * The control plane under `/_mock/`: the mock's own API, never Descope's and never behind the Descope
 * bearer check. JSON both ways, Descope's error body on bad input.
 */
export function registerControlPlane(app: FastifyInstance, services: Services): void {
  // Runs on every request (the plugin is not encapsulated): a callback rather than a promise.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/_mock/')) return done();
    try {
      checkControlAccess(request, pathOf(request.url), services.config.adminToken);
    } catch (error) {
      return done(error as Error);
    }
    done();
  });
  registerProjectRoutes(app, services);
  registerRequestRoutes(app, services);
  registerFaultRoutes(app, services);
  registerOutboxRoutes(app, services);
}
