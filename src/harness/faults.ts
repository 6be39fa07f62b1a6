import { z } from 'zod';
import { type DescopeErrorBody, ERRORS, invalid } from '../errors.js';
import { pathMatcher } from './paths.js';

/** The SDKs sleep and retry on these (descope-api.md 1.4), so a fault with them slows a test by ~10 s. */
const RETRIED_STATUSES = new Set([503, 520, 521, 522, 523, 524, 525, 526, 527, 528, 529, 530]);
/** The license handshake the Node SDK fires, unasked, when a client is built (descope-api.md 1.3). */
const LICENSE_PATH = '/v1/mgmt/license';
/** Vendor behaviour (inferred): Descope's rate limits back off for 60 s (docs: rate-limiting), so Retry-After says 60. */
export const DEFAULT_RETRY_AFTER = 60;

/**
 * Each fault is bounded in bytes as well as in number (MAX_FAULTS): every Descope call matches its path
 * against every active fault, and a fault's message is sent with each hit.
 */
const MAX_PATTERN_CHARS = 1024;
const MAX_MESSAGE_CHARS = 4096;

export const FaultSpecSchema = z
  .strictObject({
    /** Any method when absent. */
    method: z.string().min(1).max(16).optional(),
    /** Exact or with `*` wildcards; any Descope path when absent. */
    path: z.string().min(1).max(MAX_PATTERN_CHARS).optional(),
    projectId: z.string().min(1).max(MAX_PATTERN_CHARS).optional(),
    status: z.number().int().min(400).max(599).optional(),
    errorCode: z.string().min(1).max(MAX_PATTERN_CHARS).optional(),
    errorDescription: z.string().max(MAX_MESSAGE_CHARS).optional(),
    errorMessage: z.string().max(MAX_MESSAGE_CHARS).optional(),
    delayMs: z.number().int().min(0).max(60_000).optional(),
    /** Seconds, sent as the Retry-After header (a 429 sends 60 when absent). */
    retryAfter: z.number().int().min(0).optional(),
    /** Fires this many times, then expires; forever when absent. */
    times: z.number().int().min(1).optional(),
    /** The chance that a matching request is hit; 1 when absent. */
    probability: z.number().min(0).max(1).optional(),
    /** Seeds the fault's own PRNG, so the same requests are hit on every run. */
    seed: z.number().int().optional(),
    /** Allows 503 and 520–530, which the SDKs retry after sleeping 5 s. */
    allowRetriedStatus: z.boolean().optional(),
  })
  .refine((spec) => spec.status !== undefined || spec.delayMs !== undefined, {
    message: 'a fault needs a status, a delayMs or both',
    path: ['status'],
  })
  .refine(
    (spec) => spec.status === undefined || !RETRIED_STATUSES.has(spec.status) || spec.allowRetriedStatus,
    {
      message:
        'the SDKs sleep 5 s and retry on 503 and 520-530; set allowRetriedStatus: true to inject one anyway',
      path: ['status'],
    },
  );

export type FaultSpec = z.infer<typeof FaultSpecSchema>;

/** A fault as listed: its spec, how often it fired and how many times it has left. */
export interface Fault extends FaultSpec {
  id: string;
  hits: number;
  /** null = no limit. */
  remaining: number | null;
}

/** What a request hit by a fault gets: a pause, then either the normal answer or this error. */
export interface FaultAction {
  faultId: string;
  /** Set when the fault is removed (not when it runs out of `times`): a delay not yet begun is skipped. */
  removal: { removed: boolean };
  delayMs: number;
  error?: { status: number; headers: Record<string, string>; body: DescopeErrorBody };
}

/**
 * How a fault's delay ended: it ran its course (`served`: the request then gets the fault's error, if it
 * has one), or the request was let go early because its fault was removed (`released`) or the server is
 * closing (`closing`). A request let go early goes on as if the fault had never matched it: no error,
 * since the fault that would have answered it is gone.
 */
export type DelayOutcome = 'served' | 'released' | 'closing';

/** A request waiting out a fault's delay: the fault it waits on, and how to let it go early. */
interface Waiting {
  faultId: string;
  end(outcome: DelayOutcome): void;
}

interface ActiveFault {
  fault: Fault;
  removal: { removed: boolean };
  method?: string;
  matchesPath: (path: string) => boolean;
  random: () => number;
}

/**
 * How many faults can be active at once. Every Descope API call is matched against each of them, so the
 * bound keeps both the registry's memory and every request's cost bounded; real suites use a handful.
 */
export const MAX_FAULTS = 1000;

/**
 * Injected failures, matched in the order they were added; the first that matches and fires wins. Each
 * fault draws from its own seeded PRNG, so adding a fault never changes which requests another one hits.
 */
export class FaultRegistry {
  private active: ActiveFault[] = [];
  private added = 0;
  private readonly waiting = new Set<Waiting>();
  private closing = false;

  add(spec: FaultSpec): Fault {
    if (this.active.length >= MAX_FAULTS) {
      throw invalid(`At most ${MAX_FAULTS} faults can be active; remove some first (DELETE /_mock/faults)`);
    }
    this.added += 1;
    const fault: Fault = { ...spec, id: `F${this.added}`, hits: 0, remaining: spec.times ?? null };
    const exactLicense = spec.path === LICENSE_PATH;
    const matches = spec.path === undefined ? () => true : pathMatcher(spec.path);
    this.active.push({
      fault,
      removal: { removed: false },
      method: spec.method?.toUpperCase(),
      // A wildcard never hits the handshake every new SDK client sends in the background: it would use up
      // `times` at random. Naming the path exactly still faults it.
      matchesPath: (path) => (path === LICENSE_PATH ? exactLicense : matches(path)),
      random: mulberry32(spec.seed ?? Math.floor(Math.random() * 2 ** 32)),
    });
    return { ...fault };
  }

  list(): Fault[] {
    return this.active.map(({ fault }) => ({ ...fault }));
  }

  /** Removes a fault and lets go the requests waiting out its delay. */
  remove(id: string): boolean {
    for (const candidate of this.active) if (candidate.fault.id === id) candidate.removal.removed = true;
    const removed = this.expire(id);
    this.letGo((waiting) => waiting.faultId === id, 'released');
    return removed;
  }

  /** Removes every fault and lets go every request waiting out a delay. */
  clear(): void {
    for (const candidate of this.active) candidate.removal.removed = true;
    this.active = [];
    this.letGo(() => true, 'released');
  }

  /**
   * Lets go every request waiting out a delay, and skips delays from now on, so that closing does not wait
   * for them (up to 60 s).
   */
  close(): void {
    this.closing = true;
    this.letGo(() => true, 'closing');
  }

  /**
   * Waits out the action's delay; resolves with how the wait ended. A request whose fault was removed, or
   * whose server began closing, while its body was still arriving does not wait at all.
   */
  delay(action: FaultAction): Promise<DelayOutcome> {
    if (this.closing) return Promise.resolve('closing');
    if (action.removal.removed) return Promise.resolve('released');
    return new Promise((resolve) => {
      const waiting: Waiting = {
        faultId: action.faultId,
        end: (outcome) => {
          clearTimeout(timer);
          this.waiting.delete(waiting);
          resolve(outcome);
        },
      };
      const timer = setTimeout(() => waiting.end('served'), action.delayMs);
      this.waiting.add(waiting);
    });
  }

  private letGo(which: (waiting: Waiting) => boolean, outcome: DelayOutcome): void {
    for (const waiting of [...this.waiting]) if (which(waiting)) waiting.end(outcome);
  }

  /** Drops a fault without touching requests it is delaying: used when it runs out of `times`. */
  private expire(id: string): boolean {
    const before = this.active.length;
    this.active = this.active.filter(({ fault }) => fault.id !== id);
    return this.active.length < before;
  }

  /** The action of the first fault this request triggers, or undefined. Counts the hit. */
  hit(method: string, path: string, projectId: string): FaultAction | undefined {
    for (const candidate of this.active) {
      const { fault } = candidate;
      if (candidate.method !== undefined && candidate.method !== method) continue;
      if (fault.projectId !== undefined && fault.projectId !== projectId) continue;
      if (!candidate.matchesPath(path)) continue;
      if (fault.probability !== undefined && candidate.random() >= fault.probability) continue;
      fault.hits += 1;
      if (fault.remaining !== null) {
        fault.remaining -= 1;
        // Its last hit may still be waiting out the delay: expiring must not let that request go.
        if (fault.remaining === 0) this.expire(fault.id);
      }
      return actionOf(fault, candidate.removal);
    }
    return undefined;
  }
}

function actionOf(fault: Fault, removal: FaultAction['removal']): FaultAction {
  const delayMs = fault.delayMs ?? 0;
  if (fault.status === undefined) return { faultId: fault.id, removal, delayMs };
  const defaults = defaultError(fault.status);
  const errorMessage = fault.errorMessage ?? `Fault ${fault.id} injected by descope-mock`;
  const headers: Record<string, string> = {};
  const retryAfter = fault.retryAfter ?? (fault.status === 429 ? DEFAULT_RETRY_AFTER : undefined);
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  return {
    faultId: fault.id,
    removal,
    delayMs,
    error: {
      status: fault.status,
      headers,
      body: {
        errorCode: fault.errorCode ?? defaults.code,
        errorDescription: fault.errorDescription ?? defaults.description,
        errorMessage,
        message: errorMessage,
      },
    },
  };
}

/** Descope's own codes for the statuses that have one (descope-api.md 2.2, 2.3). */
const DESCOPE_CODES: Record<number, { code: string; description: string }> = {
  400: ERRORS.BAD_REQUEST,
  401: ERRORS.UNAUTHORIZED,
  429: ERRORS.RATE_LIMITED,
};

/** The code a status gets when the fault names none: Descope's where it has one, else the mock's `E000<status>`. */
function defaultError(status: number): { code: string; description: string } {
  const code = `E000${status}`;
  const mine = Object.values(ERRORS).find((row) => row.code === code);
  return DESCOPE_CODES[status] ?? { code, description: mine?.description ?? 'Injected fault' };
}

/** A small seeded PRNG (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
