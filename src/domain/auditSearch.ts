import { AUDIT_WINDOW_MS, type AuditRecord } from './audit.js';

/** `audit/search`'s filters (descope-mgmt-more.md §5, the spec's SearchAuditRequest), each list ORed within. */
export interface AuditQuery {
  userIds?: string[];
  actions?: string[];
  excludedActions?: string[];
  devices?: string[];
  methods?: string[];
  geos?: string[];
  remoteAddresses?: string[];
  externalIds?: string[];
  tenants?: string[];
  noTenants?: boolean;
  text?: string;
  actorIds?: string[];
  /** Epoch ms; ≤ 0 or absent is unset (Go sends `time.Time{}.UnixMilli()`, a large negative). */
  from?: number;
  to?: number;
  size?: number;
  page?: number;
  oldestFirst?: boolean;
}

/** `size`'s default and maximum (the Go SDK's types.go). */
export const MAX_AUDIT_PAGE_SIZE = 1000;

/** The time range a search reads: `from` clamped to the last 30 days, `to` unset as now (and later). */
export function auditRange(query: AuditQuery, nowMs: number): { from: number; to: number } {
  const oldest = nowMs - AUDIT_WINDOW_MS;
  const from = query.from && query.from > 0 ? Math.max(query.from, oldest) : oldest;
  const to = query.to && query.to > 0 ? query.to : Number.MAX_SAFE_INTEGER;
  return { from, to };
}

const anyOf = (wanted: string[] | undefined, value: string): boolean =>
  !wanted?.length || wanted.includes(value);
const anyIn = (wanted: string[] | undefined, values: string[]): boolean =>
  !wanted?.length || values.some((value) => wanted.includes(value));

/**
 * Whether a record passes every filter (AND between filters, OR within one). `tenants` matches a record of
 * any listed tenant, and with `noTenants` the records without a tenant as well; `text` is a case-insensitive
 * substring of any field.
 */
export function matchesAudit(record: AuditRecord, query: AuditQuery): boolean {
  if (!anyOf(query.userIds, record.userId)) return false;
  if (!anyOf(query.actions, record.action)) return false;
  if (query.excludedActions?.includes(record.action)) return false;
  if (!anyOf(query.devices, record.device)) return false;
  if (!anyOf(query.methods, record.method)) return false;
  if (!anyOf(query.geos, record.geo)) return false;
  if (!anyOf(query.remoteAddresses, record.remoteAddress)) return false;
  if (!anyOf(query.actorIds, record.actorId)) return false;
  if (!anyIn(query.externalIds, record.externalIds)) return false;
  if (query.tenants?.length && !anyIn(query.tenants, record.tenants)) {
    if (!(query.noTenants && record.tenants.length === 0)) return false;
  }
  if (query.text) {
    const needle = query.text.toLowerCase();
    if (!JSON.stringify(record).toLowerCase().includes(needle)) return false;
  }
  return true;
}

/** One page of the matching records, newest first unless asked otherwise, and how many match in all. */
export function pageAudits(
  records: AuditRecord[],
  query: AuditQuery,
): { audits: AuditRecord[]; total: number } {
  const matching = records.filter((record) => matchesAudit(record, query));
  if (query.oldestFirst) matching.reverse();
  const size = query.size && query.size > 0 ? Math.min(query.size, MAX_AUDIT_PAGE_SIZE) : MAX_AUDIT_PAGE_SIZE;
  const start = Math.max(0, query.page ?? 0) * size;
  return { audits: matching.slice(start, start + size), total: matching.length };
}
