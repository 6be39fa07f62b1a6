import { z } from 'zod';

/** `analytics/search` (descope-mgmt-more.md §15; the spec's SearchAnalyticsRequest and Analytic). */

const strings = z.array(z.string()).optional();
/** int64 in proto3 JSON: a number or a numeric string. */
const int64 = z.union([z.number(), z.string()]).optional();

export const SearchAnalyticsBody = z.object({
  actions: strings,
  excludedActions: strings,
  devices: strings,
  methods: strings,
  geos: strings,
  tenants: strings,
  from: int64.describe('epoch ms; clamped to the last 30 days, ≤ 0 unset'),
  to: int64.describe('epoch ms; ≤ 0 unset'),
  groupByAction: z.boolean().optional(),
  groupByDevice: z.boolean().optional(),
  groupByMethod: z.boolean().optional(),
  groupByGeo: z.boolean().optional(),
  groupByTenant: z.boolean().optional(),
  groupByReferrer: z.boolean().optional(),
  groupByCreated: z.string().optional().describe('minute, hour, day, week or month'),
});
export type SearchAnalyticsBody = z.output<typeof SearchAnalyticsBody>;

export const AnalyticSchema = z.object({
  projectId: z.string(),
  action: z.string(),
  created: z.string().describe('the bucket start, epoch ms as a string; "" when not grouped by time'),
  device: z.string(),
  method: z.string(),
  geo: z.string(),
  tenant: z.string(),
  referrer: z.string(),
  cnt: z.string().describe('int64 as a string'),
});

export const SearchAnalyticsResponse = z.object({ analytics: z.array(AnalyticSchema) });
export type SearchAnalyticsResponse = z.input<typeof SearchAnalyticsResponse>;
