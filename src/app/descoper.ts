import { buildDescoper, type DescoperRecord, updateDescoper as updatedDescoper } from '../domain/descoper.js';
import { invalid, missing } from '../errors.js';
import type {
  CreateDescopersBody,
  DescoperQuery,
  DescoperResponse,
  DescopersResponse,
  UpdateDescoperBody,
} from '../schemas/descoper.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Services } from './operation.js';

/**
 * Descopers (descope-mgmt-more.md §14). Descope keeps them at the company level; the mock keeps them per
 * project (Vendor behaviour (inferred)), as every other table: two projects of one mock, often two test
 * suites, never see each other's, and a project's delete, reset and snapshot take them along.
 */

function requireDescoper(services: Services, projectId: string, id: string | undefined): DescoperRecord {
  if (!id) throw missing('id');
  const descoper = services.store.descopers.find(projectId, id);
  if (!descoper) throw invalid(`Descoper "${id}" does not exist`);
  return descoper;
}

/** All or none: a bad or duplicate entry fails the whole call (the operation's transaction rolls back). */
export function createDescopers(
  services: Services,
  projectId: string,
  body: CreateDescopersBody,
): DescopersResponse {
  const entries = body.descopers ?? [];
  if (entries.length === 0) throw missing('descopers');
  const created = entries.map((entry, i) => buildDescoper(entry, `descopers[${i}]`));
  for (const descoper of created) services.store.descopers.insert(projectId, descoper);
  return { descopers: created, total: created.length };
}

export function updateDescoper(
  services: Services,
  projectId: string,
  body: UpdateDescoperBody,
): DescoperResponse {
  const next = updatedDescoper(requireDescoper(services, projectId, body.id), body.attributes, body.rbac);
  services.store.descopers.update(projectId, next);
  return { descoper: next };
}

export function loadDescoper(services: Services, projectId: string, query: DescoperQuery): DescoperResponse {
  return { descoper: requireDescoper(services, projectId, query.id) };
}

export function deleteDescoper(services: Services, projectId: string, query: DescoperQuery): VoidResponse {
  const descoper = requireDescoper(services, projectId, query.id);
  services.store.descopers.delete(projectId, descoper.id);
  return {};
}

export function listDescopers(services: Services, projectId: string): DescopersResponse {
  const descopers = services.store.descopers.list(projectId);
  return { descopers, total: descopers.length };
}
