import { parseSearchFilter } from '../../domain/userSearch.js';
import { toWireUser } from '../../domain/wire.js';
import type { SearchUsersBody, SearchUsersResponse } from '../../schemas/userSearch.js';
import type { Services } from '../operation.js';

/**
 * User search (descope-api.md 4.6, 4.15). A read: it runs in no transaction (the operation is read-only),
 * and the page and its total still agree, since nothing can write between the two synchronous reads.
 */
export function searchUsers(
  services: Services,
  projectId: string,
  body: SearchUsersBody | undefined,
  testOnly: boolean,
): SearchUsersResponse {
  const filter = parseSearchFilter(body ?? {}, testOnly);
  const { store } = services;
  const { users, total } = store.userSearch.search(projectId, filter);
  const catalog = store.catalog.forProject(projectId);
  return { users: users.map((user) => toWireUser(user, catalog)), total };
}
