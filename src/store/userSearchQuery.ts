import type { SearchFlag, SortField, UserSearchFilter } from '../domain/userSearch.js';
import { encodeAttributeValue, type FacetKind } from './userIndex.js';

/**
 * The SQL of one user search, built from the filters present; every value is a bound parameter (lists as
 * one JSON parameter each), so the text depends only on which filters are present and statements can be
 * cached by it. SQLite has no statistics here to choose a plan by, so the builder chooses:
 *
 * - a point look-up (login IDs, user IDs, emails, phones), a status, a time range or no filter at all: read
 *   `user_search` through its indexes;
 * - otherwise, with a facet filter of one value (one tenant, one role, one attribute value…): walk that
 *   facet's rows in `user_facets` and probe the others, reading `user_search` only for column filters and the
 *   sort; the count then touches integers only. tenantIds with roleNames is one facet ('er'), not two;
 * - one facet of several values and nothing else: merge its ranges (UNION), each already in user-key order;
 * - text alone: scan the text index (`user_search_text`), which holds the text and the key only.
 *
 * The store runs the page first: a page short of the limit tells the total, and `count` runs only otherwise.
 *
 * Without a sort, results come in user-key order (the order users were added), which every index here ends
 * in: such a page stops at its last user instead of sorting every match.
 */

type Params = Record<string, string | number>;

export interface SearchQuery {
  count: string;
  /** Selects the page's user keys (users rowids), in order; takes :limit and :offset too. */
  page: string;
  params: Params;
}

/** The tenant scope and role names of a tenantRoleNames / tenantRoleIds entry, resolved by the store. */
export interface ResolvedTenantRole {
  tenantIds: string[];
  roles: string[];
  all: boolean;
  /** Names a role ID no role has, so nobody matches. */
  impossible: boolean;
}

/** What the store resolved before building: tenant IDs with their descendants, role IDs as names. */
export interface ResolvedScope {
  tenantIds: string[];
  tenantRoles: ResolvedTenantRole[];
}

interface FacetFilter {
  kind: FacetKind;
  k1: string[];
  /** Absent: k2 is '' (only attributes and tenant roles use it). */
  k2?: string[];
}

/** The column each of Descope's sort fields orders by (text columns compare case-insensitively). */
const SORT_COLUMNS: Record<SortField, string> = {
  id: 's.user_id',
  modifiedTime: 's.modified_time',
  createdTime: 's.created_time',
  externalId: 's.login_id',
  displayName: 's.name',
  // Vendor behaviour (inferred): "tenant" orders by the ID of the user's first tenant.
  tenant: 's.first_tenant',
  phoneNumber: 's.phone',
  email: 's.email',
  status: 's.status',
};

const FLAG_COLUMNS: Record<SearchFlag, string> = {
  verifiedEmail: 'verified_email',
  verifiedPhone: 'verified_phone',
  verifiedRecoveryEmail: 'verified_recovery_email',
  verifiedRecoveryPhone: 'verified_recovery_phone',
  sso: 'sso',
  scim: 'scim',
  password: 'password',
  totp: 'totp',
  webauthn: 'webauthn',
};

export function buildSearchQuery(
  filter: UserSearchFilter,
  scope: ResolvedScope,
  projectId: string,
): SearchQuery {
  const params: Params = { projectId };
  const bind = (value: string | number | readonly string[]): string => {
    const name = `p${Object.keys(params).length}`;
    params[name] = typeof value === 'object' ? JSON.stringify(value) : value;
    return `:${name}`;
  };
  const list = (values: readonly string[]) => `(SELECT value FROM json_each(${bind(values)}))`;

  // Conditions on the user_search row `s`.
  const columns: string[] = [];
  if (filter.loginIds.length > 0) {
    columns.push(
      `s.user_id IN (SELECT l.user_id FROM user_login_ids l WHERE l.project_id = :projectId AND l.login_id IN ${list(filter.loginIds)})`,
    );
  }
  if (filter.userIds.length > 0) columns.push(`s.user_id IN ${list(filter.userIds)}`);
  // Vendor behaviour (inferred): emails compare case-insensitively, like login IDs (the column is NOCASE).
  if (filter.emails.length > 0) columns.push(`s.email IN ${list(filter.emails)}`);
  if (filter.phones.length > 0) columns.push(`s.phone IN ${list(filter.phones)}`);
  const pointLookup = columns.length > 0;
  if (filter.statuses.length > 0) columns.push(`s.status IN ${list(filter.statuses)}`);
  const ranges = [
    ['s.created_time', filter.createdTime],
    ['s.modified_time', filter.modifiedTime],
  ] as const;
  for (const [column, range] of ranges) {
    if (range.from !== undefined) columns.push(`${column} >= ${bind(range.from)}`);
    if (range.to !== undefined) columns.push(`${column} <= ${bind(range.to)}`);
  }
  const indexed = columns.length > 0;
  for (const [flag, value] of Object.entries(filter.flags)) {
    columns.push(`s.${FLAG_COLUMNS[flag as SearchFlag]} = ${value ? 1 : 0}`);
  }
  if (filter.recoveryEmails.length > 0) columns.push(`s.recovery_email IN ${list(filter.recoveryEmails)}`);
  if (filter.recoveryPhones.length > 0) columns.push(`s.recovery_phone IN ${list(filter.recoveryPhones)}`);
  // Vendor behaviour (inferred): text is a case-insensitive substring match (descope-api.md 4.6).
  // A substring test: GLOB with the needle's own wildcards bracketed. Both sides are lower-cased already, and
  // GLOB, which folds no case, costs less a row than LIKE or instr (measured at 100,000 users).
  if (filter.text !== '') {
    const pattern = `*${filter.text.replace(/[*?[]/g, (c) => `[${c}]`)}*`;
    columns.push(`s.search_text GLOB ${bind(pattern)}`);
  }

  // Set-valued filters: every one must hold, each by any of its values.
  const facets: FacetFilter[] = filter.customAttributes.map((condition) => ({
    kind: 'a',
    k1: [condition.name],
    k2: condition.values.map(encodeAttributeValue),
  }));
  if (filter.ssoAppIds.length > 0) facets.push({ kind: 's', k1: filter.ssoAppIds });
  if (scope.tenantIds.length > 0 && filter.roleNames.length > 0) {
    // Vendor behaviour (inferred): with tenantIds, roleNames matches a member of one of those tenants who holds
    // the role there or at project level (a role held only in another tenant does not count).
    facets.push({ kind: 'er', k1: scope.tenantIds, k2: filter.roleNames });
  } else {
    if (scope.tenantIds.length > 0) facets.push({ kind: 't', k1: scope.tenantIds });
    // Vendor behaviour (inferred): roleNames alone matches a role held at project level or in any tenant.
    if (filter.roleNames.length > 0) facets.push({ kind: 'r', k1: filter.roleNames });
  }
  // One tenantRoleNames / tenantRoleIds entry is plain facets (all roles = one facet a role, in one tenant).
  // Vendor behaviour (inferred): several entries are alternatives (a user matches through any one), tested below.
  let tenantRoles = scope.tenantRoles;
  const [only] = tenantRoles;
  if (
    tenantRoles.length === 1 &&
    only &&
    !only.impossible &&
    (!only.all || (only.tenantIds.length === 1 && only.roles.length <= MAX_SPLIT_ROLES))
  ) {
    if (only.roles.length === 0) facets.push({ kind: 't', k1: only.tenantIds });
    else if (!only.all) facets.push({ kind: 'tr', k1: only.tenantIds, k2: only.roles });
    else for (const role of only.roles) facets.push({ kind: 'tr', k1: only.tenantIds, k2: [role] });
    tenantRoles = [];
  }

  const test = { exclude: 0, only: 1, include: undefined }[filter.testUsers];
  const driver = pointLookup ? -1 : facets.findIndex((f) => f.k1.length === 1 && (f.k2?.length ?? 1) === 1);
  // No index to read by (facets of several values, text): the project's rows are scanned or reached by key.
  const scan = driver < 0 && !pointLookup && !indexed && (facets.length > 0 || filter.text !== '');
  // Text alone (flags aside) reads the text index, in user-key order, rather than the users' whole rows.
  const textScan = scan && facets.length === 0 && tenantRoles.length === 0;
  // Any other scan goes by key: its matches are then sorted afterwards.
  const byKey = scan && !textScan;
  const key = driver >= 0 ? 'd.user_key' : 's.user_key';
  const testOf = driver >= 0 ? 'd.test' : 's.test';
  const facetMatch = (f: FacetFilter, alias: string) =>
    `${alias}.project_id = :projectId AND ${alias}.kind = '${f.kind}' AND ${alias}.k1 IN ${list(f.k1)} AND ${alias}.k2 ${f.k2 ? `IN ${list(f.k2)}` : "= ''"}`;
  const probe = (f: FacetFilter) =>
    `EXISTS (SELECT 1 FROM user_facets f WHERE ${facetMatch(f, 'f')} AND f.test = ${testOf} AND f.user_key = ${key})`;

  const where: string[] = [];
  if (driver >= 0) {
    const f = facets[driver] as FacetFilter;
    // One value each side: the rows of this facet come in user-key order, one per user.
    where.push(
      `d.project_id = :projectId AND d.kind = '${f.kind}' AND d.k1 = ${bind(f.k1[0] as string)} AND d.k2 = ${f.k2 ? bind(f.k2[0] as string) : "''"}`,
    );
    if (test !== undefined) where.push(`d.test = ${test}`);
  } else {
    // When scanning by key, the unary + keeps the planner off the project_id indexes, which would test every
    // user; a text scan reads its own index by project_id and test.
    where.push(`${byKey ? '+' : ''}s.project_id = :projectId`);
    // The test flag leads the planner to an index only where no better one serves.
    if (test !== undefined)
      where.push(`${byKey || pointLookup || facets.length > 0 ? '+' : ''}s.test = ${test}`);
    if (!pointLookup && facets[0]) {
      const f = facets[0];
      where.push(`s.user_key IN (SELECT f.user_key FROM user_facets f WHERE ${facetMatch(f, 'f')})`);
    }
  }
  // The other facets: a facet of one value is a join on its whole key (at most one row a user); a facet of
  // several values is a probe, which stops at the first. Past MAX_JOINS, one value too is a probe: SQLite
  // joins at most 64 tables.
  const joins: string[] = [];
  for (const [i, f] of facets.entries()) {
    if (i === driver || (driver < 0 && !pointLookup && i === 0)) continue;
    if (f.k1.length > 1 || (f.k2?.length ?? 1) > 1 || joins.length >= MAX_JOINS) {
      where.push(probe(f));
      continue;
    }
    joins.push(
      `JOIN user_facets f${i} ON f${i}.project_id = :projectId AND f${i}.kind = '${f.kind}' AND f${i}.k1 = ${bind(f.k1[0] as string)} AND f${i}.k2 = ${f.k2 ? bind(f.k2[0] as string) : "''"} AND f${i}.test = ${testOf} AND f${i}.user_key = ${key}`,
    );
  }
  if (tenantRoles.length > 0) {
    const alternatives = tenantRoles.map((condition) => {
      if (condition.impossible) return '0';
      if (condition.roles.length === 0) return probe({ kind: 't', k1: condition.tenantIds });
      const held = `SELECT 1 FROM user_facets f WHERE ${facetMatch({ kind: 'tr', k1: condition.tenantIds, k2: condition.roles }, 'f')} AND f.test = ${testOf} AND f.user_key = ${key}`;
      return condition.all
        ? `EXISTS (${held} GROUP BY f.k1 HAVING count(*) = ${bind(condition.roles.length)})`
        : `EXISTS (${held})`;
    });
    where.push(`(${alternatives.join(' OR ')})`);
  }
  where.push(...columns);

  const join = 'user_facets d JOIN user_search s ON s.user_key = d.user_key';
  const from = (...tables: string[]) => [...tables, ...joins].join('\n  ');
  const searchRows = textScan ? 'user_search s INDEXED BY user_search_text' : 'user_search s';
  // Without a filter, a count could read the text index as well, which is far wider (a sorted page walks the
  // sort's own index, so only the count is told).
  const countRows =
    !scan && !pointLookup && !indexed ? 'user_search s INDEXED BY user_search_project' : searchRows;
  const countFrom = from(driver < 0 ? countRows : columns.length > 0 ? join : 'user_facets d');
  const pageFrom = from(driver < 0 ? searchRows : join);
  // Vendor behaviour (inferred): without a sort, users come in the order they were added (oldest first).
  // That is the user key, the order every index here ends in, so such a page stops at its last user.
  const order = [...filter.sort.map((sort) => `${SORT_COLUMNS[sort.field]}${sort.desc ? ' DESC' : ''}`), key];
  // Matches found by a look-up or by key are sorted afterwards, rather than found by walking an index in sort
  // order and testing every user on the way (the unary + keeps indexes out of ORDER BY).
  const sortAfter =
    filter.sort.length > 0
      ? pointLookup || driver >= 0 || facets.length > 0 || filter.text !== ''
      : byKey || pointLookup;
  const orderBy = sortAfter ? order.map((term) => `+${term}`) : order;
  const clause = where.join('\n  AND ');
  // One facet of several values and nothing else (several tenants, roles or attribute values): its rows alone
  // answer, each user once, without reaching user_search row by row.
  const [lone] = facets;
  if (
    lone &&
    facets.length === 1 &&
    driver < 0 &&
    !pointLookup &&
    columns.length === 0 &&
    tenantRoles.length === 0
  ) {
    const testMatch = (column: string) => (test === undefined ? '' : ` AND ${column} = ${test}`);
    const pairs = lone.k1.flatMap((k1) => (lone.k2 ?? ['']).map((k2) => [k1, k2] as const));
    if (filter.sort.length === 0 && test !== undefined && pairs.length <= MAX_UNION_ARMS) {
      // Each (k1, k2) range comes in user-key order: SQLite merges them, so a page stops at its last user
      // and the count reads each range once.
      const union = pairs
        .map(
          ([k1, k2]) =>
            `SELECT user_key FROM user_facets WHERE project_id = :projectId AND kind = '${lone.kind}' AND k1 = ${bind(k1)} AND k2 = ${bind(k2)}${testMatch('test')}`,
        )
        .join('\n  UNION ');
      return {
        count: `SELECT count(*) FROM (${union})`,
        page: `${union}\n  ORDER BY 1 LIMIT :limit OFFSET :offset`,
        params,
      };
    }
    return {
      count: `SELECT count(DISTINCT f.user_key) FROM user_facets f WHERE ${facetMatch(lone, 'f')}${testMatch('f.test')}`,
      page: `SELECT ${key} FROM ${pageFrom} WHERE ${clause}\n  ORDER BY ${orderBy.join(', ')} LIMIT :limit OFFSET :offset`,
      params,
    };
  }
  return {
    count: `SELECT count(*) FROM ${countFrom} WHERE ${clause}`,
    page: `SELECT ${key} FROM ${pageFrom} WHERE ${clause}
      ORDER BY ${orderBy.join(', ')} LIMIT :limit OFFSET :offset`,
    params,
  };
}

/** Beyond this many (k1, k2) pairs, one facet's ranges are not merged but collected and sorted. */
const MAX_UNION_ARMS = 32;

/** Facets joined at most; the others are probed (70 attribute filters once made a join of 72 tables). */
const MAX_JOINS = 16;

/**
 * A tenantRoleNames entry with `and` is one facet a role only up to this many roles; past it, one grouped
 * probe counts them, rather than a condition a role.
 */
const MAX_SPLIT_ROLES = 8;
