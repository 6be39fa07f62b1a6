import type { FastifyInstance } from 'fastify';
import { checkControlAccess } from '../../harness/access.js';
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
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/_mock/')) {
      checkControlAccess(request, request.url.split('?')[0] ?? '', services.config.adminToken);
    }
  });
  registerProjectRoutes(app, services);
  registerRequestRoutes(app, services);
  registerFaultRoutes(app, services);
  registerOutboxRoutes(app, services);
}
