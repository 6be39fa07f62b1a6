import { invalid } from '../errors.js';
import { normaliseLoginId, normalisePhone } from './contacts.js';
import type { SortInput } from './sorting.js';
import { USER_STATUSES, type UserStatus } from './user.js';

/**
 * User search (descope-api.md 4.6): a request body checked and turned into the filter the store runs.
 * Every filter is either applied or refused with E011004: none is silently ignored. An empty list, an
 * absent key and a proto3 default (`0`, `false`) all mean "no filter".
 */

/** The body of `POST /v2/mgmt/user/search` (and `/search/test`, `/v1/mgmt/user/search`), types checked. */
export interface SearchUsersRequest {
  loginId?: string;
  loginIds?: string[];
  userIds?: string[];
  emails?: string[];
  phones?: string[];
  statuses?: string[];
  roleNames?: string[];
  tenantIds?: string[];
  tenantRoleNames?: Record<string, RoleList>;
  tenantRoleIds?: Record<string, RoleList>;
  includeSubTenants?: boolean;
  customAttributes?: Record<string, unknown>;
  ssoAppIds?: string[];
  text?: string;
  fromCreatedTime?: number | string;
  toCreatedTime?: number | string;
  fromModifiedTime?: number | string;
  toModifiedTime?: number | string;
  withTestUser?: boolean;
  testUsersOnly?: boolean;
  verifiedEmail?: boolean;
  verifiedPhone?: boolean;
  ssoOnly?: boolean;
  scimOnly?: boolean;
  scim?: boolean;
  password?: boolean;
  totp?: boolean;
  webauthn?: boolean;
  recoveryEmails?: string[];
  recoveryPhones?: string[];
  verifiedRecoveryEmail?: boolean;
  verifiedRecoveryPhone?: boolean;
  page?: number;
  limit?: number;
  offset?: number;
  sort?: SortInput[];
  selectedColumns?: string[];
}

/** Descope's `StringArray`: per tenant, any of the roles, or all of them with `and: true`. */
export interface RoleList {
  values?: string[] | null;
  and?: boolean | null;
}

/** Sort fields Descope accepts (SortField in its spec). */
const SORT_FIELDS = [
  'id',
  'modifiedTime',
  'createdTime',
  'externalId',
  'displayName',
  'tenant',
  'phoneNumber',
  'email',
  'status',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

/** Roles a user must hold in one of `tenantIds`: any of them, or all with `all`; none listed = membership. */
export interface TenantRoleCondition {
  tenantIds: string[];
  /** Role names, or role IDs when `byId` (the store resolves them). */
  roles: string[];
  byId: boolean;
  all: boolean;
}

/** A custom attribute the user must hold with one of the values. */
export interface AttributeCondition {
  name: string;
  values: (string | number | boolean)[];
}

export interface TimeRange {
  from?: number;
  to?: number;
}

export interface UserSearchFilter {
  loginIds: string[];
  userIds: string[];
  emails: string[];
  phones: string[];
  statuses: UserStatus[];
  roleNames: string[];
  tenantIds: string[];
  /** Any one of these must hold (OR across the tenants of tenantRoleNames and tenantRoleIds). */
  tenantRoles: TenantRoleCondition[];
  /** Tenant filters also cover the descendants of the tenants they name. */
  includeSubTenants: boolean;
  /** Every one of these must hold. */
  customAttributes: AttributeCondition[];
  ssoAppIds: string[];
  /** Lower-cased; '' = no text filter. */
  text: string;
  /** Epoch seconds, inclusive (createdTime is kept in seconds). */
  createdTime: TimeRange;
  /** Epoch milliseconds, inclusive. */
  modifiedTime: TimeRange;
  testUsers: 'exclude' | 'include' | 'only';
  /** Columns that must hold this value (absent = no filter). */
  flags: Partial<Record<SearchFlag, boolean>>;
  recoveryEmails: string[];
  recoveryPhones: string[];
  sort: { field: SortField; desc: boolean }[];
  limit: number;
  offset: number;
}

export type SearchFlag =
  | 'verifiedEmail'
  | 'verifiedPhone'
  | 'verifiedRecoveryEmail'
  | 'verifiedRecoveryPhone'
  | 'sso'
  | 'scim'
  | 'password'
  | 'totp'
  | 'webauthn';

/** Page size when `limit` is 0 or absent (Descope's spec: "Default is 100"). */
export const DEFAULT_SEARCH_LIMIT = 100;

/** `page`, `limit` and `offset` are int32 in Descope's spec: a larger number is not a value they can hold. */
const INT32_MAX = 2 ** 31 - 1;

/**
 * Vendor behaviour (inferred): Descope publishes no bound on how many custom attributes or tenants one search
 * names. The mock's bounds sit far above what a caller needs and below where the query would outgrow SQLite's
 * limits (the depth of one expression, the tables of one join): beyond them the search is refused, not failed.
 */
export const MAX_ATTRIBUTE_FILTERS = 100;
export const MAX_TENANT_ROLE_FILTERS = 100;

/**
 * Checks a search body and builds the filter. `testOnly` is `/search/test`: test users only, whatever the
 * body says. Throws E011004 on a value the service refuses (unknown status or sort field, paging that is negative,
 * fractional or past int32, more attribute or tenant-role filters than the bounds above).
 */
export function parseSearchFilter(request: SearchUsersRequest, testOnly = false): UserSearchFilter {
  const limit = nonNegative('limit', request.limit) || DEFAULT_SEARCH_LIMIT;
  const page = nonNegative('page', request.page);
  const offset = nonNegative('offset', request.offset);
  for (const field of ['tenantRoleNames', 'tenantRoleIds'] as const) {
    atMost(MAX_TENANT_ROLE_FILTERS, field, Object.keys(request[field] ?? {}).length, 'tenants');
  }
  return {
    loginIds: distinct(
      [...(request.loginId ? [request.loginId] : []), ...(request.loginIds ?? [])].map(normaliseLoginId),
    ),
    userIds: distinct(request.userIds),
    emails: distinct(request.emails),
    phones: distinct((request.phones ?? []).map(phoneForSearch)),
    statuses: distinct(request.statuses).map(checkStatus),
    roleNames: distinct(request.roleNames),
    tenantIds: distinct(request.tenantIds),
    tenantRoles: [
      ...tenantRoleConditions(request.tenantRoleNames, false),
      ...tenantRoleConditions(request.tenantRoleIds, true),
    ],
    includeSubTenants: request.includeSubTenants === true,
    customAttributes: attributeConditions(request.customAttributes ?? {}),
    ssoAppIds: distinct(request.ssoAppIds),
    text: (request.text ?? '').toLowerCase(),
    createdTime: timeRange('CreatedTime', request.fromCreatedTime, request.toCreatedTime, 1000),
    modifiedTime: timeRange('ModifiedTime', request.fromModifiedTime, request.toModifiedTime, 1),
    testUsers: testOnly || request.testUsersOnly ? 'only' : request.withTestUser ? 'include' : 'exclude',
    flags: flagsOf(request),
    recoveryEmails: distinct(request.recoveryEmails),
    recoveryPhones: distinct((request.recoveryPhones ?? []).map(phoneForSearch)),
    sort: sortOf(request.sort ?? []),
    limit,
    // Descope's spec: a positive offset takes precedence over page * limit.
    // Vendor behaviour (inferred): page * limit past the largest int32 offset reads as that offset, a page past
    // every match (no project holds 2^31 users), rather than a failure.
    offset: offset > 0 ? offset : Math.min(page * limit, INT32_MAX),
  };
}

function flagsOf(request: SearchUsersRequest): Partial<Record<SearchFlag, boolean>> {
  const flags: Partial<Record<SearchFlag, boolean>> = {};
  // These four are optional in Descope's spec ("if provided"): false filters for unverified users.
  if (request.verifiedEmail !== undefined) flags.verifiedEmail = request.verifiedEmail;
  if (request.verifiedPhone !== undefined) flags.verifiedPhone = request.verifiedPhone;
  if (request.verifiedRecoveryEmail !== undefined)
    flags.verifiedRecoveryEmail = request.verifiedRecoveryEmail;
  if (request.verifiedRecoveryPhone !== undefined)
    flags.verifiedRecoveryPhone = request.verifiedRecoveryPhone;
  // The auth-method flags are plain proto3 booleans: false is indistinguishable from absent.
  // Vendor behaviour (inferred): ssoOnly means a SAML or OIDC user; scim and scimOnly both mean SCIM-provisioned.
  if (request.ssoOnly) flags.sso = true;
  if (request.scimOnly || request.scim) flags.scim = true;
  if (request.password) flags.password = true;
  if (request.totp) flags.totp = true;
  if (request.webauthn) flags.webauthn = true;
  return flags;
}

function tenantRoleConditions(
  map: Record<string, RoleList> | undefined,
  byId: boolean,
): TenantRoleCondition[] {
  return Object.entries(map ?? {}).map(([tenantId, list]) => ({
    tenantIds: [tenantId],
    roles: distinct(list.values ?? []),
    byId,
    all: list.and === true,
  }));
}

/**
 * Vendor behaviour (inferred): a value matches the stored one of the same JSON type, or its string spelling
 * (Descope's spec types these values as strings): `"5"` finds `5`, `"true"` finds `true`, and back.
 */
function attributeConditions(map: Record<string, unknown>): AttributeCondition[] {
  const conditions: AttributeCondition[] = [];
  for (const [name, given] of Object.entries(map)) {
    if (given === null || given === undefined) continue;
    const list = Array.isArray(given) ? given : [given];
    const values: (string | number | boolean)[] = [];
    for (const item of list) {
      if (typeof item === 'string') {
        values.push(item);
        if (item.trim() !== '' && Number.isFinite(Number(item))) values.push(Number(item));
        if (item === 'true' || item === 'false') values.push(item === 'true');
      } else if (typeof item === 'number' || typeof item === 'boolean') {
        values.push(item, String(item));
      } else {
        throw invalid(
          `The customAttributes.${name} filter must be a string, number, boolean or a list of them`,
        );
      }
    }
    if (values.length > 0) conditions.push({ name, values: distinct(values) });
  }
  atMost(MAX_ATTRIBUTE_FILTERS, 'customAttributes', conditions.length, 'attributes');
  return conditions;
}

function timeRange(
  name: string,
  from: number | string | undefined,
  to: number | string | undefined,
  unitMs: number,
): TimeRange {
  const range: TimeRange = {};
  const fromMs = epochMs(`from${name}`, from);
  const toMs = epochMs(`to${name}`, to);
  // Vendor behaviour (inferred): with createdTime kept in seconds, the bounds count whole seconds, inclusive,
  // so a user created in the millisecond a test noted is found by `fromCreatedTime: noted`.
  if (fromMs > 0) range.from = Math.floor(fromMs / unitMs);
  if (toMs > 0) range.to = Math.floor(toMs / unitMs);
  return range;
}

/** An int64 of proto3 JSON: a number or a numeric string; 0 means absent. */
function epochMs(field: string, value: number | string | undefined): number {
  if (value === undefined || value === '') return 0;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw invalid(`The ${field} field must be a non-negative epoch time in milliseconds`);
  }
  return number;
}

function nonNegative(field: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0 || value > INT32_MAX)
    throw invalid(`The ${field} field must be a non-negative integer of at most ${INT32_MAX}`);
  return value;
}

function atMost(max: number, field: string, count: number, what: string): void {
  if (count > max) throw invalid(`The ${field} field names ${count} ${what}; a search takes at most ${max}`);
}

/** The sort terms in turn; a field already sorted by decides nothing more, so a repeat is dropped. */
function sortOf(terms: NonNullable<SearchUsersRequest['sort']>): UserSearchFilter['sort'] {
  const sort: UserSearchFilter['sort'] = [];
  for (const { field, desc } of terms) {
    const checked = checkSortField(field);
    if (!sort.some((term) => term.field === checked)) sort.push({ field: checked, desc: desc === true });
  }
  return sort;
}

function checkStatus(status: string): UserStatus {
  if ((USER_STATUSES as readonly string[]).includes(status)) return status as UserStatus;
  throw invalid(`Unknown status "${status}" in statuses: expected one of ${USER_STATUSES.join(', ')}`);
}

function checkSortField(field: string): SortField {
  if ((SORT_FIELDS as readonly string[]).includes(field)) return field as SortField;
  throw invalid(`Unknown sort field "${field}": expected one of ${SORT_FIELDS.join(', ')}`);
}

/** Phones are kept without separators; a filter value that is not phone-shaped is kept as typed (it finds nobody). */
function phoneForSearch(phone: string): string {
  try {
    return normalisePhone(phone);
  } catch {
    return phone;
  }
}

function distinct<T>(values: readonly T[] | undefined): T[] {
  return [...new Set(values ?? [])];
}
