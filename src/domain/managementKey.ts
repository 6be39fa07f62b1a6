import { invalid, missing } from '../errors.js';
import { hashSecret, newSecret, permitsIp } from './accessKey.js';

/**
 * Management keys (descope-mgmt-more.md §14). Descope keeps them at the company level; the mock keeps each
 * in the project whose key made it (or whose fixture named it), so it goes with that project, and its
 * `reBac` says which projects it opens.
 */

export interface ManagementKeyReBac {
  companyRoles: string[];
  projectRoles: { projectIds: string[]; roles: string[] }[];
  tagRoles: { tags: string[]; roles: string[] }[];
}

/** A key as Descope answers it (`ManagementKey` of the spec). */
export interface ManagementKeyRecord {
  id: string;
  name: string;
  description: string;
  status: 'active' | 'inactive';
  /** Epoch seconds. */
  createdTime: number;
  /** Epoch seconds; 0 = never. */
  expireTime: number;
  permittedIps: string[];
  reBac: ManagementKeyReBac;
  version: number;
  authzVersion: number;
}

/** What the bearer check reads of a key: one row per project that holds a key with that hash. */
export interface ManagementKeyGrant {
  /** The key's ID (`managementKeyIdOf` its hash): what `managementKey.load` answers and the audit's actor. */
  keyId: string;
  /** The project that holds the key. */
  projectId: string;
  status: string;
  expireTime: number;
  permittedIps: string[];
  /** The projects the key opens; undefined for every project. */
  projectIds: string[] | undefined;
}

/**
 * A key's ID: 'K2' and the first 26 hex digits of the SHA-256 of its cleartext. Stable across restarts and
 * snapshots, it reveals nothing of the key, and it is the `actorId` the audit trail names the key by
 * (src/store/projects.ts derives the same for a key a fixture names). Vendor behaviour (inferred): Descope's
 * key IDs are its own; nothing reads them but these calls.
 */
export const managementKeyIdOf = (hash: string): string => `K2${hash.slice(0, 26)}`;

export { hashSecret as managementKeyHash };

/**
 * The projects a key's reBac opens: those its project roles name; every project when they name none.
 * Vendor behaviour (inferred): Descope scopes a key by company roles, project roles and project tags; the
 * mock has no company and no tags, so a key that names no project (company roles, tag roles, or nothing)
 * opens every project of the mock.
 */
export function projectIdsOf(reBac: ManagementKeyReBac): string[] | undefined {
  const named = [...new Set(reBac.projectRoles.flatMap((role) => role.projectIds))];
  return named.length > 0 ? named : undefined;
}

/**
 * Whether a key lets a call into `projectId` now, from `ip`. Vendor behaviour (inferred): an inactive or
 * expired key, or one used from an address its `permittedIps` does not list, is refused (401) as a wrong key.
 */
export function grantAdmits(
  grant: ManagementKeyGrant,
  projectId: string,
  ip: string,
  nowMs: number,
): boolean {
  if (grant.status !== 'active') return false;
  if (grant.expireTime !== 0 && grant.expireTime * 1000 <= nowMs) return false;
  if (grant.projectIds !== undefined && !grant.projectIds.includes(projectId)) return false;
  return grant.permittedIps.length === 0 || permitsIp(grant.permittedIps, ip);
}

export interface CreateManagementKeyInput {
  name?: string;
  description?: string;
  /** Seconds from now; 0 or absent, never. */
  expiresIn?: number;
  permittedIps?: string[];
  reBac?: ReBacInput;
}

/** A reBac as sent: every list and field may be missing. */
export interface ReBacInput {
  companyRoles?: string[];
  projectRoles?: { projectIds?: string[]; roles?: string[] }[];
  tagRoles?: { tags?: string[]; roles?: string[] }[];
}

export const cleanReBac = (reBac: ReBacInput | undefined): ManagementKeyReBac => ({
  companyRoles: reBac?.companyRoles ?? [],
  projectRoles: (reBac?.projectRoles ?? []).map((role) => ({
    projectIds: role.projectIds ?? [],
    roles: role.roles ?? [],
  })),
  tagRoles: (reBac?.tagRoles ?? []).map((role) => ({ tags: role.tags ?? [], roles: role.roles ?? [] })),
});

/** managementKey.create: the record, its cleartext (answered once) and the hash the store keeps. */
export function buildManagementKey(
  input: CreateManagementKeyInput,
  nowMs: number,
): { key: ManagementKeyRecord; cleartext: string; hash: string } {
  if (!input.name) throw missing('name');
  const expiresIn = input.expiresIn ?? 0;
  if (expiresIn < 0) throw invalid('expiresIn must not be negative');
  const nowS = Math.floor(nowMs / 1000);
  const secret = newSecret();
  return {
    key: {
      id: managementKeyIdOf(secret.hash),
      name: input.name,
      description: input.description ?? '',
      status: 'active',
      createdTime: nowS,
      expireTime: expiresIn > 0 ? nowS + expiresIn : 0,
      permittedIps: input.permittedIps ?? [],
      reBac: cleanReBac(input.reBac),
      version: 1,
      authzVersion: 1,
    },
    cleartext: secret.cleartext,
    hash: secret.hash,
  };
}

export interface UpdateManagementKeyInput {
  name?: string;
  description?: string;
  status?: string;
  permittedIps?: string[];
}

/**
 * managementKey.update. The Node SDK sends every field, so each replaces the stored one; an omitted one
 * (another SDK) is kept. Vendor behaviour (inferred): the name may not be emptied; `version` counts changes.
 */
export function updateManagementKey(
  current: ManagementKeyRecord,
  input: UpdateManagementKeyInput,
): ManagementKeyRecord {
  if (input.name === '') throw missing('name');
  if (input.status !== undefined && input.status !== 'active' && input.status !== 'inactive') {
    throw invalid(`status must be "active" or "inactive", not "${input.status}"`);
  }
  return {
    ...current,
    name: input.name ?? current.name,
    description: input.description ?? current.description,
    status: (input.status as ManagementKeyRecord['status'] | undefined) ?? current.status,
    permittedIps: input.permittedIps ?? current.permittedIps,
    version: current.version + 1,
  };
}
