import { invalid } from '../errors.js';
import type { AuditRecord } from './audit.js';
import { type AuditQuery, matchesAudit } from './auditSearch.js';

/**
 * `analytics/search` (descope-mgmt-more.md §15): the audit trail counted by the dimensions asked for.
 * Vendor behaviour (inferred): Descope's analytics are its own aggregation of the same events; the mock
 * counts its audit trail (the same 30 days), so a test sees the actions it caused.
 */

export interface AnalyticsQuery
  extends Pick<
    AuditQuery,
    'actions' | 'excludedActions' | 'devices' | 'methods' | 'geos' | 'tenants' | 'from' | 'to'
  > {
  groupByAction?: boolean;
  groupByDevice?: boolean;
  groupByMethod?: boolean;
  groupByGeo?: boolean;
  groupByTenant?: boolean;
  groupByReferrer?: boolean;
  /** A time bucket for `created`: minute, hour, day, week or month; empty, no grouping by time. */
  groupByCreated?: string;
}

/** One count, as the spec's `Analytic`: a dimension not grouped by is '', `cnt` an int64 as a string. */
export interface Analytic {
  projectId: string;
  action: string;
  created: string;
  device: string;
  method: string;
  geo: string;
  tenant: string;
  referrer: string;
  cnt: string;
}

const MINUTE = 60_000;
/** Vendor behaviour (inferred): the bucket names; a bucket is answered as its start, epoch ms. */
const BUCKETS: Readonly<Record<string, (ms: number) => number>> = {
  minute: (ms) => ms - (ms % MINUTE),
  hour: (ms) => ms - (ms % (60 * MINUTE)),
  day: (ms) => ms - (ms % (24 * 60 * MINUTE)),
  // Weeks start on Monday (ISO), in UTC as every bucket here.
  week: (ms) => {
    const day = ms - (ms % (24 * 60 * MINUTE));
    return day - ((new Date(day).getUTCDay() + 6) % 7) * 24 * 60 * MINUTE;
  },
  month: (ms) => {
    const date = new Date(ms);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  },
};

/** The bucket function `groupByCreated` names, or undefined for none; an unknown name is 400 E011004. */
function bucketOf(name: string | undefined): ((ms: number) => number) | undefined {
  if (!name) return undefined;
  const bucket = BUCKETS[name.toLowerCase()];
  if (!bucket) throw invalid(`groupByCreated must be one of ${Object.keys(BUCKETS).join(', ')}`);
  return bucket;
}

/** The records (already in the query's time range) counted by the dimensions asked for, largest first. */
export function countAnalytics(records: AuditRecord[], query: AnalyticsQuery, projectId: string): Analytic[] {
  const bucket = bucketOf(query.groupByCreated);
  const counts = new Map<string, Analytic>();
  for (const record of records) {
    if (!matchesAudit(record, query)) continue;
    // A record of several tenants counts once in each when grouped by tenant, once in all otherwise.
    const tenants = query.groupByTenant && record.tenants.length > 0 ? record.tenants : [''];
    for (const tenant of tenants) {
      const row: Analytic = {
        projectId,
        action: query.groupByAction ? record.action : '',
        created: bucket ? String(bucket(record.occurred)) : '',
        device: query.groupByDevice ? record.device : '',
        method: query.groupByMethod ? record.method : '',
        geo: query.groupByGeo ? record.geo : '',
        tenant,
        // The mock knows no referrer: grouped by it, every event is in the '' group.
        referrer: '',
        cnt: '0',
      };
      const key = JSON.stringify([row.action, row.created, row.device, row.method, row.geo, row.tenant]);
      const counted = counts.get(key) ?? row;
      counted.cnt = String(Number(counted.cnt) + 1);
      counts.set(key, counted);
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      Number(b.cnt) - Number(a.cnt) || a.created.localeCompare(b.created) || a.action.localeCompare(b.action),
  );
}
