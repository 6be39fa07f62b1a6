import { createAuditEvent, searchAnalytics, searchAudit, setAuditWebhook } from '../../app/auditTrail.js';
import { defineOperation, notAudited } from '../../app/operation.js';
import { SearchAnalyticsBody, SearchAnalyticsResponse } from '../../schemas/analytics.js';
import {
  AuditWebhookBody,
  CreateAuditEventBody,
  SearchAuditBody,
  SearchAuditResponse,
} from '../../schemas/audit.js';
import { VoidResponse } from '../../schemas/void.js';

/**
 * The audit trail (descope-mgmt-more.md §5): search it, add an event, keep a webhook (never called); and
 * the analytics counted from it (§15).
 */
const tag = 'Audit';

export const auditOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/audit/search',
    sdkMethods: ['management.audit.search', 'management.audit.searchAll'],
    summary: 'Search the events of the last 30 days, newest first: filters AND together, list values OR',
    operationId: 'SearchAudit',
    tag,
    body: SearchAuditBody,
    response: SearchAuditResponse,
    readOnly: true,
    handler: ({ body, projectId, services }) => searchAudit(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/audit/event',
    sdkMethods: ['management.audit.createEvent'],
    summary: 'Add an event of your own (action, tenantId, actorId and type info/warn/error required)',
    operationId: 'CreateAuditEvent',
    tag,
    body: CreateAuditEventBody,
    response: VoidResponse,
    audit: notAudited('it writes the event it is given'),
    handler: ({ body, projectId, services, remoteAddress }) =>
      createAuditEvent(services, projectId, body, remoteAddress),
  }),
  defineOperation({
    method: 'POST',
    path: '/v2/mgmt/connector/audit/web/set',
    sdkMethods: ['management.audit.createAuditWebhook'],
    summary: 'Keep an audit webhook by name; the mock never calls it',
    operationId: 'CreateAuditWebhook',
    tag,
    body: AuditWebhookBody,
    response: VoidResponse,
    // Vendor behaviour (inferred): a connector's configuration is not an audited action.
    audit: notAudited('a connector setting: no documented event'),
    handler: ({ body, projectId, services }) => setAuditWebhook(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/analytics/search',
    sdkMethods: ['management.analytics.search'],
    summary: 'Count the events of the last 30 days by action, device, method, geo, tenant or time bucket',
    operationId: 'SearchAnalytics',
    tag,
    body: SearchAnalyticsBody,
    response: SearchAnalyticsResponse,
    readOnly: true,
    handler: ({ body, projectId, services }) => searchAnalytics(services, projectId, body),
  }),
];
