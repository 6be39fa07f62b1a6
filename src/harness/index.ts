import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { FaultRegistry } from './faults.js';
import { RequestJournal } from './journal.js';
import { isDescopePath, pathOf } from './paths.js';

/** The test harness's in-memory state: the request journal and the injected faults. */
export interface Harness {
  journal: RequestJournal;
  faults: FaultRegistry;
}

export function createHarness(config: Pick<Config, 'journalSize'>): Harness {
  return { journal: new RequestJournal(config.journalSize), faults: new FaultRegistry() };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on Descope API calls only: when it arrived (the server clock) and what was answered. */
    journalStartMs: number;
    journalBody: unknown;
    journalPayload: unknown;
  }
}

/**
 * The path a Descope API call is journaled and matched by faults under: the route's own (so `/v1/%6Dgmt/…`
 * is the call it was routed to), or for a path no route matched, its spelling; undefined for the mock's own
 * routes.
 */
function descopePathOf(request: FastifyRequest): string | undefined {
  if (request.area === 'management') return request.routeOptions.url;
  if (request.area !== 'unmatched') return undefined;
  const path = pathOf(request.url);
  return isDescopePath(path) ? path : undefined;
}

/**
 * Hooks the journal and the faults into every Descope API call (`/v1/…`, `/v2/…`; never `/_mock/…`).
 * Install after the bearer check, so a fault can match on the authenticated project and a request without
 * valid credentials still gets its 401; and before the hook that drops nulls, so the journal shows the body
 * as it was sent.
 */
export function installHarnessHooks(app: FastifyInstance, harness: Harness, now: () => number): void {
  app.decorateRequest('journalStartMs', 0);
  app.decorateRequest('journalBody', undefined);
  app.decorateRequest('journalPayload', undefined);

  app.addHook('onRequest', async (request, reply) => {
    const path = descopePathOf(request);
    if (path === undefined) return;
    request.journalStartMs = now();
    const action = harness.faults.hit(request.method, path, request.projectId);
    if (!action) return;
    if (action.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, action.delayMs));
    if (!action.error) return;
    const { status, headers, body } = action.error;
    return reply.code(status).headers(headers).send(body);
  });

  // These three run on every request: callbacks rather than promises, as the server's own hooks.
  // The body as sent (before nulls are dropped and zod fills defaults): a reference, copied only when read.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.journalStartMs !== 0) request.journalBody = request.body;
    done();
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.journalStartMs === 0) {
      // A request refused before the fault hook ran (a 401) still belongs in the journal.
      if (descopePathOf(request) === undefined) return done(null, payload);
      request.journalStartMs = now() - reply.elapsedTime;
    }
    request.journalPayload = payload;
    done(null, payload);
  });

  app.addHook('onResponse', (request, reply, done) => {
    if (request.journalStartMs === 0) return done();
    harness.journal.record({
      timeMs: request.journalStartMs,
      method: request.method,
      path: descopePathOf(request) ?? '',
      query: request.query,
      projectId: request.projectId,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
      requestBody: request.journalBody,
      responsePayload: request.journalPayload,
    });
    done();
  });
}
