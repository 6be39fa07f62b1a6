import { normaliseLoginId } from '../../../domain/contacts.js';
import type { UserRecord } from '../../../domain/user.js';
import type { PreparedUser } from '../../../domain/userBatch.js';
import type { MutationContext } from '../../../domain/userUpdates.js';
import { toWireUser } from '../../../domain/wire.js';
import { missing, userNotFound } from '../../../errors.js';
import type { UserResponse } from '../../../schemas/user.js';
import type { Services } from '../../operation.js';

/** The user selector of a body: `loginId` (Node, Go, Python, Java) or `identifier` (.NET); a login ID or a user ID. */
export const selectorOf = (body: { loginId?: string; identifier?: string }): string | undefined =>
  body.loginId || body.identifier || undefined;

/**
 * One user mutation as one transaction: find the user by login ID or user ID, apply the domain change,
 * write the result, answer the whole user. Nothing is written when the change throws.
 */
export function mutateUser(
  services: Services,
  projectId: string,
  selector: string | undefined,
  change: (user: UserRecord, ctx: MutationContext) => UserRecord,
): UserResponse {
  if (!selector) throw missing('loginId');
  const { store } = services;
  return store.transaction(() => {
    const user = findUser(services, projectId, selector);
    const ctx = mutationContext(services, projectId);
    const next = { ...change(user, ctx), modifiedTime: ctx.nowMs };
    store.users.update(projectId, next);
    // Vendor behaviour (inferred): `created` (UserResponse's second key) is false for anything but a new user.
    return { user: toWireUser(next, ctx.catalog), created: false };
  });
}

/**
 * Resolves Descope's user selector; 404 E112102 when it names no user.
 * Vendor behaviour (inferred): updates answer an unknown user as load does (only load's 404 is proven).
 */
export function findUser(services: Services, projectId: string, selector: string): UserRecord {
  const users = services.store.users;
  const user = users.find(projectId, normaliseLoginId(selector)) ?? users.find(projectId, selector);
  if (!user) throw userNotFound();
  return user;
}

/**
 * The user a load, delete or logout names: by `loginId`/`identifier` (a login ID or user ID), else by
 * `userId`. Vendor behaviour (inferred): an unknown user is 404 E112102 for delete and logout too, as for load.
 */
export function selectedUser(
  services: Services,
  projectId: string,
  selector: string | undefined,
  userId: string | undefined,
): UserRecord {
  if (selector) return findUser(services, projectId, selector);
  if (!userId) throw missing('loginId');
  const user = services.store.users.findByUserId(projectId, userId);
  if (!user) throw userNotFound();
  return user;
}

function mutationContext(services: Services, projectId: string): MutationContext {
  const { store } = services;
  return {
    catalog: store.catalog.forProject(projectId),
    nowMs: services.now(),
    loginIdOwner: (loginId) => store.users.loginIdOwner(projectId, normaliseLoginId(loginId)),
  };
}

/** Writes a new user and, when it came with one, its password hash (create, create/batch, import). */
export function insertPreparedUser(services: Services, projectId: string, prepared: PreparedUser): void {
  const { store } = services;
  store.users.insert(projectId, prepared.user);
  if (prepared.passwordHash !== undefined) {
    store.credentials.setPassword(projectId, prepared.user.userId, {
      hash: prepared.passwordHash,
      state: 'active',
      setMs: prepared.user.modifiedTime,
    });
  }
}
