import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { type FaultAction, FaultRegistry } from './faults.js';
import { RequestJournal } from './journal.js';
import { isDescopePath, pathOf } from './paths.js';

/** The test harness's in-memory state: the request journal and the injected faults. */
export interface Harness {
  journal: RequestJournal;
  faults: FaultRegistry;
}

export function createHarness(config: Pick<Config, 'journalSize' | 'journalBytes'>): Harness {
  return {
    journal: new RequestJournal(config.journalSize, config.journalBytes),
    faults: new FaultRegistry(),
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on Descope API calls only: when it arrived (the server clock), its path and what was answered. */
    journalStartMs: number;
    journalPath: string;
    journalBody: unknown;
    journalPayload: unknown;
    /** A fault that hit this request with a delay, waited out once the body is in. */
    delayedFault: FaultAction | undefined;
  }
}

/**
 * The path a Descope API call is journaled and matched by faults under: the route's own (so `/v1/%6Dgmt/…`
 * is the call it was routed to), or for a path no route matched, its spelling; undefined for the mock's own
 * routes. Descope's routes are the management ones and the open ones outside `/_mock/` (the keys).
 */
function descopePathOf(request: FastifyRequest): string | undefined {
  if (request.area === 'management') return request.routeUrl;
  // A CORS preflight is the browser asking leave, not a Descope API call: neither journaled nor faulted.
  if (request.area === 'auth') {
    if (request.method === 'OPTIONS') return undefined;
    // The not-emulated catch-all (`/v1/auth/*`) is journaled under the path it was called with.
    return request.routeUrl.endsWith('*') ? pathOf(request.url) : request.routeUrl;
  }
  if (request.area === 'open') {
    // A CORS preflight is the browser asking leave, not a Descope API call: neither journaled nor faulted.
    if (request.method === 'OPTIONS') return undefined;
    const route = request.routeUrl;
    if (route === '' || route.startsWith('/_mock/')) return undefined;
    // The path as decoded (`/v2/keys/P2…`), so a fault names the project's keys as the SDK calls them.
    const params = request.params as Record<string, string | undefined>;
    return route.replace(/:(\w+)/g, (param, name: string) => params[name] ?? param);
  }
  if (request.area !== 'unmatched') return undefined;
  const path = pathOf(request.url);
  return isDescopePath(path) ? path : undefined;
}

/**
 * Hooks the journal and the faults into every Descope API call (`/v1/…`, `/v2/…`, the keys; never `/_mock/…`).
 * Install after the bearer check, so a fault can match on the authenticated project and a request without
 * valid credentials still gets its 401; and before the hook that drops nulls, so the journal shows the body
 * as it was sent.
 */
export function installHarnessHooks(app: FastifyInstance, harness: Harness, now: () => number): void {
  app.decorateRequest('journalStartMs', 0);
  app.decorateRequest('journalPath', '');
  app.decorateRequest('journalBody', undefined);
  app.decorateRequest('journalPayload', undefined);
  app.decorateRequest('delayedFault', undefined);
  // Requests waiting out a delay are let go, or closing would wait for them.
  app.addHook('preClose', (done) => {
    harness.faults.close();
    done();
  });

  // These run on every request: callbacks rather than promises, as the server's own hooks.
  app.addHook('onRequest', (request, reply, done) => {
    const path = descopePathOf(request);
    if (path === undefined) return done();
    request.journalStartMs = now();
    request.journalPath = path;
    const action = harness.faults.hit(request.method, path, request.projectId);
    // A delay waits until the body is in (preValidation, below): a body left unread for a long delay would
    // run into --request-timeout and end as a 408.
    if (action?.delayMs) request.delayedFault = action;
    else if (action?.error) {
      const { status, headers, body } = action.error;
      reply.code(status).headers(headers).send(body);
      return;
    }
    done();
  });

  // The body as sent (before nulls are dropped and zod fills defaults): a reference, copied only when read.
  // A body that cannot be read is refused before this, without the fault's delay.
  app.addHook('preValidation', (request, reply, done) => {
    if (request.journalStartMs === 0) return done();
    request.journalBody = request.body;
    const action = request.delayedFault;
    if (action === undefined) return done();
    harness.faults.delay(action).then((outcome) => {
      if (outcome === 'served' && action.error) {
        const { status, headers, body } = action.error;
        reply.code(status).headers(headers).send(body);
        return;
      }
      // Let go early, the request goes on without the fault (src/harness/faults.ts). While closing, its
      // connection closes after the answer: the server waits for every open connection before it exits.
      if (outcome === 'closing') reply.header('connection', 'close');
      done();
    });
  });

  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.journalStartMs === 0) {
      // A request refused before the fault hook ran (a 401) still belongs in the journal.
      const path = descopePathOf(request);
      if (path === undefined) return done(null, payload);
      request.journalStartMs = now() - reply.elapsedTime;
      request.journalPath = path;
    }
    request.journalPayload = payload;
    done(null, payload);
  });

  app.addHook('onResponse', (request, reply, done) => {
    if (request.journalStartMs === 0) return done();
    harness.journal.record({
      timeMs: request.journalStartMs,
      method: request.method,
      path: request.journalPath,
      query: request.query,
      projectId: request.projectId,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
      requestBody: request.journalBody,
      requestBytes: bodyBytes(request),
      responsePayload: request.journalPayload,
    });
    done();
  });
}

/**
 * The request body's size for the journal's byte count: its Content-Length, which costs nothing. A chunked
 * body has none and is measured as JSON instead (rare: the SDKs send a length).
 */
function bodyBytes(request: FastifyRequest): number {
  const length = request.headers['content-length'];
  if (length !== undefined) return Number(length) || 0;
  if (request.journalBody === undefined) return 0;
  return JSON.stringify(request.journalBody)?.length ?? 0;
}
