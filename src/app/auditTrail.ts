import { countAnalytics } from '../domain/analytics.js';
import { AUDIT_TYPES, type AuditRecord, type AuditType, MAX_AUDIT_DATA_BYTES } from '../domain/audit.js';
import { auditRange, pageAudits } from '../domain/auditSearch.js';
import { invalid, missing } from '../errors.js';
import type { SearchAnalyticsBody, SearchAnalyticsResponse } from '../schemas/analytics.js';
import type {
  AuditWebhookBody,
  CreateAuditEventBody,
  SearchAuditBody,
  SearchAuditResponse,
} from '../schemas/audit.js';
import type { VoidResponse } from '../schemas/void.js';
import { writeAudit } from './audit.js';
import type { Services } from './operation.js';

/** `management.audit.*` (descope-mgmt-more.md §5): search the trail, add an event, keep a webhook. */

/** The bytes of an event's action, actor, tenant and user ID given to createEvent. */
const MAX_AUDIT_FIELD_BYTES = 1024;
/** The audit webhooks a project keeps (they are never called: a store of settings, not a queue). */
const MAX_AUDIT_WEBHOOKS = 100;

/** An int64 of the wire (a number or a numeric string); absent, unparsable or ≤ 0 is unset. */
function epochMs(value: number | string | undefined, field: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(parsed)) throw invalid(`${field} must be epoch milliseconds`);
  return parsed > 0 ? parsed : undefined;
}

/** `POST /v1/mgmt/audit/search`: the matching events of the last 30 days, one page, and how many in all. */
export function searchAudit(
  services: Services,
  projectId: string,
  body: SearchAuditBody,
): SearchAuditResponse {
  const query = { ...body, from: epochMs(body.from, 'from'), to: epochMs(body.to, 'to') };
  const { from, to } = auditRange(query, services.now());
  const { audits, total } = pageAudits(services.store.audit.inPeriod(projectId, from, to), query);
  return { audits: audits.map(toWire), total };
}

/** `POST /v1/mgmt/analytics/search`: the trail of the last 30 days counted by the dimensions asked for. */
export function searchAnalytics(
  services: Services,
  projectId: string,
  body: SearchAnalyticsBody,
): SearchAnalyticsResponse {
  const query = { ...body, from: epochMs(body.from, 'from'), to: epochMs(body.to, 'to') };
  const { from, to } = auditRange(query, services.now());
  return { analytics: countAnalytics(services.store.audit.inPeriod(projectId, from, to), query, projectId) };
}

/** int64 on the wire is a string: Go's `strconv.ParseInt(rec.Occurred)` fails on a number. */
const toWire = (record: AuditRecord) => ({ ...record, occurred: String(record.occurred) });

/**
 * `POST /v1/mgmt/audit/event`: an event of the caller's own. `action`, `tenantId`, `actorId` and a `type`
 * of info/warn/error are required (the Go SDK checks them before sending).
 */
export function createAuditEvent(
  services: Services,
  projectId: string,
  body: CreateAuditEventBody,
  remoteAddress: string,
): VoidResponse {
  if (!body.action) throw missing('action');
  if (!body.tenantId) throw missing('tenantId');
  if (!body.actorId) throw missing('actorId');
  if (!body.type) throw missing('type');
  if (!(AUDIT_TYPES as readonly string[]).includes(body.type)) {
    throw invalid(`type must be one of ${AUDIT_TYPES.join(', ')}`);
  }
  const data = body.data ?? {};
  if (Buffer.byteLength(JSON.stringify(data)) > MAX_AUDIT_DATA_BYTES) {
    throw invalid(`The event's data is larger than ${MAX_AUDIT_DATA_BYTES} bytes`);
  }
  // The trail keeps every event (--audit-limit of them): each of its strings is bounded by bytes too.
  // Vendor behaviour (inferred): a longer one is 400 E011004.
  for (const field of ['action', 'actorId', 'tenantId', 'userId'] as const) {
    if (Buffer.byteLength(body[field] ?? '') > MAX_AUDIT_FIELD_BYTES) {
      throw invalid(`The ${field} field is longer than ${MAX_AUDIT_FIELD_BYTES} bytes`);
    }
  }
  writeAudit(
    services,
    projectId,
    { actorId: body.actorId, remoteAddress },
    {
      action: body.action,
      type: body.type as AuditType,
      userId: body.userId ?? '',
      tenants: [body.tenantId],
      data,
    },
  );
  return {};
}

/**
 * `POST /v2/mgmt/connector/audit/web/set`: the webhook is kept by its name and never called: the mock sends
 * nothing out. Vendor behaviour (inferred): a name is required; a second set of a name replaces it.
 */
export function setAuditWebhook(services: Services, projectId: string, body: AuditWebhookBody): VoidResponse {
  if (!body.name) throw missing('name');
  // Kept, so bounded: by bytes each and by count a project (a set of a kept name replaces it).
  if (Buffer.byteLength(JSON.stringify(body)) > MAX_AUDIT_DATA_BYTES) {
    throw invalid(`The webhook is larger than ${MAX_AUDIT_DATA_BYTES} bytes`);
  }
  const { audit } = services.store;
  const kept = audit.webhooks(projectId);
  if (kept.length >= MAX_AUDIT_WEBHOOKS && !kept.some((webhook) => webhook.name === body.name)) {
    throw invalid(`A project keeps at most ${MAX_AUDIT_WEBHOOKS} audit webhooks`);
  }
  audit.saveWebhook(projectId, body.name, body);
  return {};
}
