import { z } from 'zod';

/** The wire shapes of the audit trail (descope-mgmt-more.md §5; the spec's SearchAuditRequest, Audit). */

const strings = z.array(z.string()).optional();
/** int64 in proto3 JSON: a number or a numeric string (the SDKs send numbers, the spec says string). */
const int64 = z.union([z.number(), z.string()]).optional();

export const SearchAuditBody = z.object({
  userIds: strings,
  actions: strings,
  excludedActions: strings,
  devices: strings,
  methods: strings,
  geos: strings,
  remoteAddresses: strings,
  externalIds: strings.describe('login IDs (the Node SDK sends its loginIds here)'),
  tenants: strings,
  noTenants: z.boolean().optional().describe('with tenants: records without a tenant match as well'),
  text: z.string().optional().describe('a case-insensitive substring of any field'),
  actorIds: strings,
  from: int64.describe('epoch ms; clamped to the last 30 days, ≤ 0 unset'),
  to: int64.describe('epoch ms; ≤ 0 unset'),
  size: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional()
    .describe('default and maximum 1000'),
  page: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional()
    .describe('zero-based'),
  oldestFirst: z.boolean().optional(),
});
export type SearchAuditBody = z.output<typeof SearchAuditBody>;

export const AuditSchema = z.object({
  ID: z.string(),
  projectId: z.string(),
  userId: z.string(),
  action: z.string(),
  occurred: z.string().describe('epoch ms (int64 as a string)'),
  device: z.string(),
  method: z.string(),
  geo: z.string(),
  remoteAddress: z.string(),
  externalIds: z.array(z.string()),
  tenants: z.array(z.string()),
  data: z.record(z.string(), z.unknown()),
  type: z.string(),
  actorId: z.string(),
});

export const SearchAuditResponse = z.object({ audits: z.array(AuditSchema), total: z.number().int() });
export type SearchAuditResponse = z.input<typeof SearchAuditResponse>;

export const CreateAuditEventBody = z.object({
  action: z.string().optional(),
  type: z.string().optional().describe('info, warn or error'),
  actorId: z.string().optional(),
  tenantId: z.string().optional(),
  userId: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type CreateAuditEventBody = z.output<typeof CreateAuditEventBody>;

export const AuditWebhookBody = z.object({
  name: z.string().optional(),
  description: z.string().optional(),
  url: z.string().optional(),
  authentication: z.record(z.string(), z.unknown()).optional(),
  hmacSecret: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  insecure: z.boolean().optional(),
  filters: z
    .array(z.object({ key: z.string().optional(), operator: z.string().optional(), values: strings }))
    .optional(),
});
export type AuditWebhookBody = z.output<typeof AuditWebhookBody>;
