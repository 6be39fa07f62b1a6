/**
 * The audit trail (descope-mgmt-more.md §5): what Descope records of every management and authentication
 * action, searched by `management.audit.search`. Plain records and rules; the store keeps them, the app
 * writes them.
 */

export const AUDIT_TYPES = ['info', 'warn', 'error'] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

/** One event, as `audit/search` answers it (`occurred` kept as epoch ms, answered as a string). */
export interface AuditRecord {
  ID: string;
  projectId: string;
  userId: string;
  action: string;
  occurred: number;
  device: string;
  method: string;
  geo: string;
  remoteAddress: string;
  /** The user's login IDs (the Node SDK renames the key `loginIds`). */
  externalIds: string[];
  tenants: string[];
  data: Record<string, unknown>;
  type: AuditType;
  actorId: string;
}

/** What an operation declares of an event: the rest (ID, time, actor, address) comes from the call. */
export interface AuditDraft {
  action: string;
  userId?: string;
  type?: AuditType;
  data?: Record<string, unknown>;
  externalIds?: string[];
  tenants?: string[];
  method?: string;
  device?: string;
  geo?: string;
  /** Defaults to the caller: the management key's ID, or the signed-in user. */
  actorId?: string;
  remoteAddress?: string;
}

/**
 * The sign-in methods as Descope names them in an event's `method`.
 * Vendor behaviour (inferred): `Management` for the management API's sign-ins and `OIDC` for the mock's
 * federated OIDC provider; the others are the names Descope's console shows.
 */
export type SignInMethod =
  | 'OTP'
  | 'MagicLink'
  | 'EnchantedLink'
  | 'EmbeddedLink'
  | 'Password'
  | 'TOTP'
  | 'OAuth'
  | 'SSO'
  | 'OIDC'
  | 'Management'
  | 'Impersonate';

/** How far back a search reaches (the Node SDK's README: only the last 30 days are searchable). */
export const AUDIT_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
/** The bytes of one event's `data`: the mock's own events keep a marker beyond it, createEvent is refused. */
export const MAX_AUDIT_DATA_BYTES = 16 * 1024;

/** `data` within MAX_AUDIT_DATA_BYTES, or a marker saying how large it was. */
export function boundedAuditData(data: Record<string, unknown>): Record<string, unknown> {
  const bytes = Buffer.byteLength(JSON.stringify(data));
  return bytes > MAX_AUDIT_DATA_BYTES ? { truncated: true, bytes } : data;
}

/** Request keys whose values are secrets: an event's data never carries them. */
const SECRET_KEY = /password|secret|seed|hash|cleartext|token|code|passkey|credential|^users$|^file$/i;

/** A request body as an event's data: the values the call set, secrets left out. */
export function auditData(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return {};
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined && !SECRET_KEY.test(key)) data[key] = value;
  }
  return data;
}
