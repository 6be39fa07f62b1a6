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
    requestBody: mask(maskFilesOf(entry.path, entry.requestBody ?? null)),
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
 * Keys whose values are secrets: passwords, management and access keys, OTP codes, link tokens, JWTs,
 * links (which carry a token) and TOTP seeds. `errorCode` and the like are not: the match is on whole key
 * names.
 */
const SECRET_KEY =
  /^(code|otp|token|key|cleartext|secret|jwt|link|hash|seed|.*password.*|.*secret.*|.*token.*|.*jwt.*|.*key|.*link)$/i;
/** Keys that end like a secret but are not one. */
const NOT_SECRET = new Set(['loginid', 'keyid', 'errorcode']);

/** The one rule for what is a secret, by the name of its key (a body key or a query parameter). */
export const isSecretKey = (name: string): boolean =>
  SECRET_KEY.test(name) && !NOT_SECRET.has(name.toLowerCase());

/** A deep copy with every secret value replaced by `***`. */
export function mask(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mask);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const secret = isSecretKey(key);
    out[key] = secret && inner !== '' && inner !== null && typeof inner !== 'boolean' ? MASK : mask(inner);
  }
  return out;
}

/**
 * Request fields that are whole files of secrets under an ordinary name: user/import's `users` (cleartext
 * passwords, TOTP seeds) and `hashes` (password hashes), base64 of the source system's export.
 */
const SECRET_FILES: Readonly<Record<string, readonly string[]>> = {
  '/v1/mgmt/user/import': ['users', 'hashes'],
};

function maskFilesOf(path: string, body: unknown): unknown {
  const files = SECRET_FILES[path];
  if (!files || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...body };
  for (const field of files) {
    if (out[field] !== undefined && out[field] !== null && out[field] !== '') out[field] = MASK;
  }
  return out;
}

/** A request URL with the value of every secret query parameter (`?password=…`) replaced by `***`. */
export function maskUrl(url: string): string {
  const start = url.indexOf('?');
  if (start === -1) return url;
  const parameters = url
    .slice(start + 1)
    .split('&')
    .map((parameter) => {
      const equals = parameter.indexOf('=');
      if (equals === -1 || equals === parameter.length - 1) return parameter;
      const name = parameter.slice(0, equals);
      return isSecretKey(decodedName(name)) ? `${name}=${MASK}` : parameter;
    });
  return `${url.slice(0, start + 1)}${parameters.join('&')}`;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}
