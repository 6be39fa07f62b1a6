import { pathMatcher } from './paths.js';

/** One Descope API call as `GET /_mock/requests` shows it. */
export interface JournalEntry {
  id: number;
  /** ISO 8601, when the request arrived. */
  time: string;
  method: string;
  path: string;
  /** The parsed query string ({} when none). */
  query: unknown;
  /** The project named by the bearer header ('' when the request did not authenticate). */
  projectId: string;
  status: number;
  durationMs: number;
  /** Secrets masked: passwords, keys, codes, tokens and links. */
  requestBody: unknown;
  responseBody: unknown;
}

/**
 * What is kept per request: references only (the request body unmasked); copying, parsing and masking wait
 * until someone reads.
 */
export interface RecordedRequest
  extends Pick<
    JournalEntry,
    'method' | 'path' | 'query' | 'projectId' | 'status' | 'durationMs' | 'requestBody'
  > {
  timeMs: number;
  /** The serialized response (a string) as Fastify sent it. */
  responsePayload: unknown;
}

/** A recorded request in its ring-buffer slot, with the ID it was given. */
type Slot = { id: number } & RecordedRequest;

export interface JournalFilter {
  projectId?: string;
  method?: string;
  /** Exact, or with `*` wildcards. */
  path?: string;
  status?: number;
  /** Epoch milliseconds: entries that arrived at or after it. */
  sinceMs?: number;
  /** The newest `limit` entries that pass the filter (still listed oldest first). */
  limit?: number;
}

/**
 * The request journal: a ring buffer of the last `capacity` Descope API calls, oldest out first, so a long
 * run never grows without limit. Recording stores references in the request's slot (reused once the ring
 * wraps); the cost of copying and masking is paid by the reader.
 */
export class RequestJournal {
  private readonly slots: Slot[] = [];
  /** How many requests were ever recorded; also the last ID handed out. */
  private recorded = 0;
  /** Entries with an ID at or below this were cleared. */
  private clearedThrough = 0;

  /** `capacity` is the config's `journalSize` (src/config.ts holds its default). */
  constructor(readonly capacity: number) {}

  record(request: RecordedRequest): void {
    if (this.capacity === 0) return;
    this.recorded += 1;
    this.slots[(this.recorded - 1) % this.capacity] = { id: this.recorded, ...request };
  }

  /** Entries passing the filter, oldest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const first = Math.max(this.clearedThrough, this.recorded - this.capacity) + 1;
    const matchesPath = filter.path === undefined ? undefined : pathMatcher(filter.path);
    const method = filter.method?.toUpperCase();
    const picked: Slot[] = [];
    for (let id = first; id <= this.recorded; id += 1) {
      const entry = this.slots[(id - 1) % this.capacity];
      if (!entry) continue;
      if (filter.projectId !== undefined && entry.projectId !== filter.projectId) continue;
      if (method !== undefined && entry.method !== method) continue;
      if (matchesPath && !matchesPath(entry.path)) continue;
      if (filter.status !== undefined && entry.status !== filter.status) continue;
      if (filter.sinceMs !== undefined && entry.timeMs < filter.sinceMs) continue;
      picked.push(entry);
    }
    const kept =
      filter.limit === undefined ? picked : picked.slice(Math.max(0, picked.length - filter.limit));
    return kept.map(present);
  }

  clear(): void {
    this.clearedThrough = this.recorded;
    this.slots.length = 0;
  }
}

function present(entry: Slot): JournalEntry {
  return {
    id: entry.id,
    time: new Date(entry.timeMs).toISOString(),
    method: entry.method,
    path: entry.path,
    query: mask(entry.query ?? {}),
    projectId: entry.projectId,
    status: entry.status,
    durationMs: entry.durationMs,
    requestBody: mask(entry.requestBody ?? null),
    responseBody: mask(parsePayload(entry.responsePayload)),
  };
}

function parsePayload(payload: unknown): unknown {
  if (typeof payload !== 'string') return payload ?? null;
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}

export const MASK = '***';

/**
 * Keys whose values are secrets: passwords, management and access keys, OTP codes, link tokens, JWTs and
 * links (which carry a token). `errorCode` and the like are not: the match is on whole key names.
 */
const SECRET_KEY =
  /^(code|otp|token|key|cleartext|secret|jwt|link|hash|.*password.*|.*secret.*|.*token.*|.*jwt.*|.*key|.*link)$/i;
/** Keys that end like a secret but are not one. */
const NOT_SECRET = new Set(['loginid', 'keyid', 'errorcode']);

/** A deep copy with every secret value replaced by `***`. */
export function mask(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mask);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const secret = SECRET_KEY.test(key) && !NOT_SECRET.has(key.toLowerCase());
    out[key] = secret && inner !== '' && inner !== null && typeof inner !== 'boolean' ? MASK : mask(inner);
  }
  return out;
}
