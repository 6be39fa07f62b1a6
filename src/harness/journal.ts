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
  /** The request body's size as received (its Content-Length), 0 without a body. */
  requestBytes: number;
  /** The serialized response (a string) as Fastify sent it. */
  responsePayload: unknown;
}

/**
 * What the journal shows instead of a body over its per-body cap: the body's size, not its content. An
 * object rather than a string, so a reader testing `requestBody.truncated` cannot mistake it for a body.
 */
export interface TruncatedBody {
  truncated: true;
  bytes: number;
}

/** How full the journal is and what bounds it, as `GET /_mock/requests` shows it. */
export interface JournalUsage {
  entries: number;
  /** The bodies kept, counted as their size on the wire (a truncated body counts 0). */
  bytes: number;
  maxEntries: number;
  maxBytes: number;
  /** A body larger than this is kept as `{ truncated: true, bytes }`. */
  maxBodyBytes: number;
}

/**
 * The per-body cap is this fraction of the byte limit: 1 MiB at the 32 MiB default. An entry then holds at
 * most 1/16 of the limit, so the newest entry always fits, and a burst of the largest bodies the mock
 * accepts (4 MiB batches) still leaves the last 16 calls in the journal rather than one or two.
 */
const BODY_SHARE = 32;

/** A recorded request in its ring-buffer slot, with the ID it was given and the bytes its bodies count. */
type Slot = { id: number; bytes: number } & Omit<RecordedRequest, 'requestBytes'>;

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
 * run never grows without limit. It is bounded by bytes too: entries keep both bodies, and a few calls with
 * megabyte bodies would otherwise fill the heap (84 calls of 3.6 MB took 512 MB). Recording stores
 * references in the request's slot (reused once the ring wraps) and counts sizes it already has (the
 * Content-Length, the response string's length); the cost of copying and masking is paid by the reader.
 */
export class RequestJournal {
  private readonly slots: (Slot | undefined)[] = [];
  /** How many requests were ever recorded; also the last ID handed out. */
  private recorded = 0;
  /** The ID of the oldest entry kept (one past `recorded` when the journal is empty). */
  private oldest = 1;
  /** What the kept bodies count, in bytes. */
  private bytes = 0;
  readonly maxBodyBytes: number;

  /**
   * `capacity` is the config's `journalSize`, `maxBytes` its `journalBytes` (src/config.ts holds both
   * defaults); without `maxBytes`, only the count bounds the journal.
   */
  constructor(
    readonly capacity: number,
    readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {
    this.maxBodyBytes = Math.floor(maxBytes / BODY_SHARE);
  }

  record(request: RecordedRequest): void {
    if (this.capacity === 0) return;
    this.recorded += 1;
    const id = this.recorded;
    if (id - this.oldest >= this.capacity) this.dropOldest();
    const { requestBytes, requestBody, responsePayload } = request;
    const responseBytes = payloadLength(responsePayload);
    const keepRequest = requestBytes <= this.maxBodyBytes;
    const keepResponse = responseBytes <= this.maxBodyBytes;
    const bytes = (keepRequest ? requestBytes : 0) + (keepResponse ? responseBytes : 0);
    // Written out rather than spread: this runs on every call, and a spread copies through a slow path.
    this.slots[(id - 1) % this.capacity] = {
      id,
      bytes,
      timeMs: request.timeMs,
      method: request.method,
      path: request.path,
      query: request.query,
      projectId: request.projectId,
      status: request.status,
      durationMs: request.durationMs,
      requestBody: keepRequest ? requestBody : truncated(requestBytes),
      responsePayload: keepResponse ? responsePayload : truncated(payloadBytes(responsePayload)),
    };
    this.bytes += bytes;
    while (this.bytes > this.maxBytes && this.oldest < id) this.dropOldest();
  }

  /** Entries passing the filter, oldest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const matchesPath = filter.path === undefined ? undefined : pathMatcher(filter.path);
    const method = filter.method?.toUpperCase();
    const picked: Slot[] = [];
    for (let id = this.oldest; id <= this.recorded; id += 1) {
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

  usage(): JournalUsage {
    return {
      entries: this.recorded - this.oldest + 1,
      bytes: this.bytes,
      maxEntries: this.capacity,
      maxBytes: this.maxBytes,
      maxBodyBytes: this.maxBodyBytes,
    };
  }

  clear(): void {
    this.oldest = this.recorded + 1;
    this.bytes = 0;
    this.slots.length = 0;
  }

  private dropOldest(): void {
    const index = (this.oldest - 1) % this.capacity;
    this.bytes -= this.slots[index]?.bytes ?? 0;
    this.slots[index] = undefined;
    this.oldest += 1;
  }
}

/** The response's size for the byte count: a string's length (bytes for the ASCII JSON the mock sends). */
function payloadLength(payload: unknown): number {
  if (typeof payload === 'string') return payload.length;
  return Buffer.isBuffer(payload) ? payload.length : 0;
}

/** Exact bytes, for the marker only: counting them on every response would scan every string. */
function payloadBytes(payload: unknown): number {
  return typeof payload === 'string' ? Buffer.byteLength(payload) : payloadLength(payload);
}

const truncated = (bytes: number): TruncatedBody => ({ truncated: true, bytes });

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
 * links (which carry a token) and TOTP seeds (with the `provisioningURL` and QR `image` that carry one). `errorCode` and the like are not: the match is on whole key
 * names.
 */
const SECRET_KEY =
  /^(code|otp|token|key|cleartext|secret|jwt|link|hash|seed|provisioningurl|image|.*password.*|.*secret.*|.*token.*|.*jwt.*|.*key|.*link)$/i;
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
