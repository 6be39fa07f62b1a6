import { createHash } from 'node:crypto';
import { invalid, missing } from '../errors.js';
import type { AccessKeySortField } from '../schemas/accessKey.js';
import type { Catalog } from './catalog.js';
import { randomId } from './ids.js';
import { inIpRanges } from './ipRanges.js';
import { checkCustomClaims } from './session.js';
import { type SortInput, type SortKeys, sortedBy } from './sorting.js';
import { checkRoles, checkUserTenants } from './userRoles.js';

/** An access key as the mock keeps it (Descope's AccessKey object, without the derived `tenantName`s). */
export interface AccessKeyRecord {
  id: string;
  name: string;
  description: string;
  roleNames: string[];
  keyTenants: { tenantId: string; roleNames: string[] }[];
  /** `active` or `inactive` (.NET live suite). */
  status: 'active' | 'inactive';
  /** Epoch seconds. */
  createdTime: number;
  /** Epoch seconds; 0 = never. */
  expireTime: number;
  createdBy: string;
  clientId: string;
  boundUserId: string;
  customClaims: Record<string, unknown>;
  permittedIps: string[];
  customAttributes: Record<string, unknown>;
  editable: boolean;
}

/** What create and update carry (the SDK sends roles as `roleNames`, tenants as `keyTenants`). */
export interface AccessKeyInput {
  name?: string;
  description?: string;
  roleNames?: string[];
  keyTenants?: { tenantId: string; roleNames: string[] }[];
  customClaims?: Record<string, unknown>;
  permittedIps?: string[];
  customAttributes?: Record<string, unknown>;
}

export interface AccessKeyContext {
  catalog: Catalog;
  nowMs: number;
  userExists(userId: string): boolean;
}

/**
 * A fresh secret: what the caller gets once, and the hash the store keeps.
 * Vendor behaviour (inferred): the cleartext's format is not published; this one is long and random.
 */
export function newSecret(): { cleartext: string; hash: string } {
  const cleartext = randomId('K2', 64);
  return { cleartext, hash: hashSecret(cleartext) };
}

export const hashSecret = (cleartext: string): string => createHash('sha256').update(cleartext).digest('hex');

/** accesskey/create: a new active key; name required, roles and tenants must exist, a bound user too. */
export function buildAccessKey(
  input: AccessKeyInput & { expireTime?: number; userId?: string },
  ctx: AccessKeyContext,
): AccessKeyRecord {
  if (!input.name) throw missing('name');
  const expireTime = input.expireTime ?? 0;
  if (expireTime < 0) throw invalid('The expireTime field cannot be negative');
  // Vendor behaviour (inferred): an expiry in the past is refused rather than creating a dead key.
  if (expireTime !== 0 && expireTime * 1000 <= ctx.nowMs)
    throw invalid('The expireTime field is in the past');
  const boundUserId = input.userId ?? '';
  if (boundUserId !== '' && !ctx.userExists(boundUserId)) {
    throw invalid(`User "${boundUserId}" does not exist`);
  }
  return {
    // Vendor behaviour (inferred): key IDs shaped like Descope's other IDs; the clientId format is a guess.
    id: randomId('K2'),
    ...attributes(input, undefined, ctx.catalog),
    name: input.name,
    status: 'active',
    createdTime: Math.floor(ctx.nowMs / 1000),
    expireTime,
    // Vendor behaviour (inferred): a key made with a management key has no creating user.
    createdBy: '',
    clientId: randomId('C2'),
    boundUserId,
    editable: true,
  };
}

/**
 * accesskey/update: the name is required; omitted description, roles, tenants, claims, IPs and attributes
 * keep their values (Go SDK doc; the Python live suite sees `description: null` keep "hello there").
 */
export function updateAccessKey(
  key: AccessKeyRecord,
  input: AccessKeyInput,
  catalog: Catalog,
): AccessKeyRecord {
  if (!input.name) throw missing('name');
  return { ...key, ...attributes(input, key, catalog), name: input.name };
}

function attributes(input: AccessKeyInput, current: AccessKeyRecord | undefined, catalog: Catalog) {
  const roleNames = input.roleNames ? [...new Set(input.roleNames.filter((name) => name !== ''))] : undefined;
  if (roleNames) checkRoles(roleNames, catalog);
  // Vendor behaviour (inferred): a claim the exchanged token sets itself (`sub`, `tenants`, …) is refused
  // when the key is written, with the exchange's own E011004, rather than on every exchange after.
  if (input.customClaims) checkCustomClaims(input.customClaims);
  return {
    description: input.description ?? current?.description ?? '',
    roleNames: roleNames ?? current?.roleNames ?? [],
    keyTenants: input.keyTenants ? checkUserTenants(input.keyTenants, catalog) : (current?.keyTenants ?? []),
    customClaims: input.customClaims ?? current?.customClaims ?? {},
    permittedIps: input.permittedIps ?? current?.permittedIps ?? [],
    customAttributes: input.customAttributes ?? current?.customAttributes ?? {},
  };
}

export const setStatus = (key: AccessKeyRecord, status: AccessKeyRecord['status']): AccessKeyRecord => ({
  ...key,
  status,
});

/**
 * Why the key cannot be exchanged for a session now (descope-auth-api.md §6.10), or undefined when it can:
 * it must be active, not past its expiry by the server's clock (`nowMs`), and used from a permitted address.
 */
export function exchangeRefusal(key: AccessKeyRecord, nowMs: number, ip: string): string | undefined {
  if (key.status !== 'active') return 'the access key is inactive';
  if (key.expireTime !== 0 && key.expireTime * 1000 <= nowMs) return 'the access key has expired';
  if (!permitsIp(key.permittedIps, ip)) return `the access key is not permitted from ${ip || 'this address'}`;
  return undefined;
}

/**
 * Whether `permittedIps` lets `ip` use a key: any address when the list is empty; else an address listed,
 * or inside a listed CIDR, IPv4 or IPv6 (./ipRanges.ts).
 * Vendor behaviour (inferred): Descope's check is not published (§6.10); an entry that is neither an
 * address nor a CIDR permits nothing.
 */
export function permitsIp(permittedIps: readonly string[], ip: string): boolean {
  return permittedIps.length === 0 || inIpRanges(permittedIps, ip);
}

/** accesskey/search filters; each given filter must match. */
export interface AccessKeySearch {
  tenantIds?: string[];
  boundUserId?: string;
  creatingUser?: string;
  customAttributes?: Record<string, unknown>;
  text?: string;
  sort?: SortInput[];
}

/**
 * Vendor behaviour (inferred): accesskey/search's `sort` orders by the key's own fields (the spec's SortField
 * lists the user fields only).
 */
export const ACCESS_KEY_SORT_KEYS: SortKeys<AccessKeyRecord, AccessKeySortField> = {
  name: (key) => key.name,
  id: (key) => key.id,
  description: (key) => key.description,
  createdTime: (key) => key.createdTime,
  expireTime: (key) => key.expireTime,
  status: (key) => key.status,
  createdBy: (key) => key.createdBy,
  boundUserId: (key) => key.boundUserId,
  clientId: (key) => key.clientId,
};

/** accesskey/search: the matching keys, in `sort`'s order (else the order they were created in). */
export const searchAccessKeys = (
  keys: readonly AccessKeyRecord[],
  search: AccessKeySearch,
): AccessKeyRecord[] =>
  sortedBy(
    keys.filter((key) => matchesAccessKeySearch(key, search)),
    search.sort,
    ACCESS_KEY_SORT_KEYS,
  );

/** Vendor behaviour (inferred): tenantIds matches a key in any of them; text is a case-insensitive substring of the name. */
export function matchesAccessKeySearch(key: AccessKeyRecord, search: AccessKeySearch): boolean {
  const tenantIds = search.tenantIds ?? [];
  return (
    (tenantIds.length === 0 ||
      key.keyTenants.some((membership) => tenantIds.includes(membership.tenantId))) &&
    (!search.boundUserId || key.boundUserId === search.boundUserId) &&
    (!search.creatingUser || key.createdBy === search.creatingUser) &&
    (!search.text || key.name.toLowerCase().includes(search.text.toLowerCase())) &&
    Object.entries(search.customAttributes ?? {}).every(
      ([name, value]) => JSON.stringify(key.customAttributes[name]) === JSON.stringify(value),
    )
  );
}

/** The key on the wire: every field present, each tenant with its current name. */
export function toWireAccessKey(key: AccessKeyRecord, catalog: Catalog) {
  return {
    id: key.id,
    name: key.name,
    roleNames: key.roleNames,
    keyTenants: key.keyTenants.map((membership) => ({
      tenantId: membership.tenantId,
      roleNames: membership.roleNames,
      tenantName: catalog.tenant(membership.tenantId)?.name ?? '',
    })),
    status: key.status,
    createdTime: key.createdTime,
    expireTime: key.expireTime,
    createdBy: key.createdBy,
    clientId: key.clientId,
    boundUserId: key.boundUserId,
    customClaims: key.customClaims,
    editable: key.editable,
    description: key.description,
    permittedIps: key.permittedIps,
    customAttributes: key.customAttributes,
  };
}
