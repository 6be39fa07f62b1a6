import {
  buildManagementKey,
  type ManagementKeyRecord,
  projectIdsOf,
  updateManagementKey as updatedManagementKey,
} from '../domain/managementKey.js';
import { invalid, missing } from '../errors.js';
import type {
  CreatedManagementKeyResponse,
  CreateManagementKeyBody,
  ManagementKeyIdsBody,
  ManagementKeyQuery,
  ManagementKeyResponse,
  ManagementKeysResponse,
  UpdateManagementKeyBody,
} from '../schemas/managementKey.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Services } from './operation.js';

/**
 * Management keys (descope-mgmt-more.md §14). A key lives in the project whose key made it and opens the
 * projects its reBac names (src/domain/managementKey.ts); the cleartext is answered once, only its hash kept.
 * Vendor behaviour (inferred): Descope's keys are the company's; load, update, delete and search here see
 * the keys of the calling project (those it made and those its fixture names).
 */

export function createManagementKey(
  services: Services,
  projectId: string,
  body: CreateManagementKeyBody,
): CreatedManagementKeyResponse {
  const { key, cleartext, hash } = buildManagementKey(body, services.now());
  services.store.managementKeys.save(projectId, key, hash, projectIdsOf(key.reBac));
  return { cleartext, key };
}

function requireKey(services: Services, projectId: string, id: string | undefined): ManagementKeyRecord {
  if (!id) throw missing('id');
  const key = services.store.managementKeys.find(projectId, id);
  if (!key) throw invalid(`Management key "${id}" does not exist`);
  return key;
}

export function loadManagementKey(
  services: Services,
  projectId: string,
  query: ManagementKeyQuery,
): ManagementKeyResponse {
  return { key: requireKey(services, projectId, query.id) };
}

export function searchManagementKeys(services: Services, projectId: string): ManagementKeysResponse {
  return { keys: services.store.managementKeys.list(projectId) };
}

export function updateManagementKey(
  services: Services,
  projectId: string,
  body: UpdateManagementKeyBody,
): ManagementKeyResponse {
  const next = updatedManagementKey(requireKey(services, projectId, body.id), body);
  services.store.managementKeys.update(projectId, next);
  return { key: next };
}

/**
 * managementKey/delete: every ID must name a key of the project, or nothing is deleted (400). The keys stop
 * opening anything at once: the bearer check reads the table on every call.
 */
export function deleteManagementKeys(
  services: Services,
  projectId: string,
  body: ManagementKeyIdsBody,
): VoidResponse {
  const ids = body.ids ?? [];
  if (ids.length === 0) throw missing('ids');
  for (const id of ids) requireKey(services, projectId, id);
  for (const id of ids) services.store.managementKeys.delete(projectId, id);
  return {};
}
