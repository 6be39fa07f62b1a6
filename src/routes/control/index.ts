import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/operation.js';
import { registerFaultRoutes } from './faults.js';
import { registerFlowRoutes } from './flows.js';
import { registerOutboxRoutes } from './outbox.js';
import { registerProjectRoutes } from './projects.js';
import { registerRelationRoutes } from './relations.js';
import { registerRequestRoutes } from './requests.js';
import { registerSessionRoutes } from './sessions.js';

/**
 * The control plane under `/_mock/`: the mock's own API, never Descope's and never behind the Descope
 * bearer check. JSON both ways, Descope's error body on bad input. Who may call it is decided with every
 * other access, from the route's area (src/http/access.ts).
 */
export function registerControlPlane(app: FastifyInstance, services: Services): void {
  registerProjectRoutes(app, services);
  registerRequestRoutes(app, services);
  registerFaultRoutes(app, services);
  registerOutboxRoutes(app, services);
  registerSessionRoutes(app, services);
  registerFlowRoutes(app, services);
  registerRelationRoutes(app, services);
}
