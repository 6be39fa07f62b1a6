import { toWireUser } from '../../domain/wire.js';
import { missing } from '../../errors.js';
import type { UserResponse } from '../../schemas/user.js';
import type { CreateUserBody, DeleteUserBody, LoadUserQuery } from '../../schemas/userLifecycle.js';
import type { VoidResponse } from '../../schemas/void.js';
import type { Services } from '../operation.js';
import { attributesOf } from './attributes.js';
import { inviteUser } from './invite.js';
import { selectedUser, selectorOf } from './lookup.js';
import { insertNewUser } from './mutate.js';

/** Create, load and delete one user (descope-api.md 4.1, 4.7, 4.8). */

/** create and create/test (`test`: the user is a test user whatever the body says). */
export function createUser(
  services: Services,
  projectId: string,
  body: CreateUserBody,
  test: boolean,
): UserResponse {
  const catalog = services.store.catalog.forProject(projectId);
  const loginId = selectorOf(body);
  if (!loginId) throw missing('loginId');
  const input = { ...attributesOf(body), loginId, test: test || body.test === true };
  if (body.invite) {
    // Inviting an existing login ID or user ID re-sends the invitation instead of failing (Go SDK doc).
    return inviteUser(services, projectId, input, body);
  }
  // A password (cleartext or hashed) is checked and kept as create/batch does (CreateUser in the spec).
  const user = insertNewUser(
    services,
    projectId,
    {
      ...input,
      // SDKs that always send the key send "" for no password: proto3's unset string.
      password: body.password || undefined,
      hashedPassword: body.hashedPassword,
    },
    catalog,
  );
  return { user: toWireUser(user, catalog), created: true };
}

export function loadUser(services: Services, projectId: string, query: LoadUserQuery): UserResponse {
  const { user } = selectedUser(services, projectId, query.loginId || query.identifier, query.userId);
  return { user: toWireUser(user, services.store.catalog.forProject(projectId)), created: false };
}

export function deleteUser(services: Services, projectId: string, body: DeleteUserBody): VoidResponse {
  // The Go SDK sends both keys, one of them empty.
  const { user } = selectedUser(services, projectId, selectorOf(body), body.userId);
  services.store.users.delete(projectId, user.userId);
  return {};
}
