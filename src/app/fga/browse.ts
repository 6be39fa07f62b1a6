import type { FgaTuple } from '../../domain/fga/model.js';
import type { TupleFilter } from '../../store/relations.js';
import type { Services } from '../operation.js';
import { projectNotFound } from '../projects.js';

/**
 * The control plane's page of a project's relations (the inspector's FGA page): no Descope call lists a
 * project's tuples page by page (authz re/resource and re/targets need the IDs already known).
 */
export function browseRelations(
  services: Services,
  projectId: string,
  filter: TupleFilter & { limit: number; offset: number },
): { relations: FgaTuple[]; total: number } {
  const { limit, offset, ...exact } = filter;
  const { store } = services;
  return store.transaction(() => {
    if (!store.control.project(projectId)) throw projectNotFound(projectId);
    const { tuples, total } = store.relations.page(projectId, exact, limit, offset);
    return { relations: tuples, total };
  });
}
