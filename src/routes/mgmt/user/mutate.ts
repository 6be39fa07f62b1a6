import type { Services } from '../../../app/operation.js';
import type { Catalog } from '../../../domain/catalog.js';
import { normaliseLoginId } from '../../../domain/contacts.js';
import type { UserRecord } from '../../../domain/user.js';
import { type BatchUserInput, prepareBatchUser } from '../../../domain/userBatch.js';
import type { MutationContext } from '../../../domain/userUpdates.js';
import { toWireUser } from '../../../domain/wire.js';
import { missing, userNotFound } from '../../../errors.js';
import type { UserResponse } from '../../../schemas/user.js';

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
  const { store } = services;
  return store.transaction(() => {
    const user = requireUser(services, projectId, selector);
    const ctx = mutationContext(services, projectId);
    const next = { ...change(user, ctx), modifiedTime: ctx.nowMs };
    store.users.update(projectId, next);
    // Vendor behaviour (inferred): `created` (UserResponse's second key) is false for anything but a new user.
    return { user: toWireUser(next, ctx.catalog), created: false };
  });
}

/** The user a login ID or user ID names, if any (a phone login ID in any spelling finds its user). */
export function existingUser(
  services: Services,
  projectId: string,
  selector: string,
): UserRecord | undefined {
  const users = services.store.users;
  return users.find(projectId, normaliseLoginId(selector)) ?? users.find(projectId, selector);
}

/**
 * Resolves Descope's user selector: 400 E011002 without one, 404 E112102 when it names no user.
 * Vendor behaviour (inferred): updates answer an unknown user as load does (only load's 404 is proven).
 */
export function requireUser(services: Services, projectId: string, selector: string | undefined): UserRecord {
  if (!selector) throw missing('loginId');
  const user = existingUser(services, projectId, selector);
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
  if (selector) return requireUser(services, projectId, selector);
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

/**
 * Checks a new user (credentials included) and writes it with its password hash, if any: create,
 * create/batch and import. Vendor behaviour (inferred): a login ID already in use is 400 E011004 (the
 * store's unique index).
 */
export function insertNewUser(
  services: Services,
  projectId: string,
  input: BatchUserInput,
  catalog: Catalog,
): UserRecord {
  const { store } = services;
  const { user, passwordHash } = prepareBatchUser(input, catalog, services.now());
  store.users.insert(projectId, user);
  if (passwordHash !== undefined) {
    store.credentials.setPassword(projectId, user.userId, {
      hash: passwordHash,
      state: 'active',
      setMs: user.modifiedTime,
    });
  }
  return user;
}
