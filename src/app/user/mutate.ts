import type { Catalog } from '../../domain/catalog.js';
import { normaliseLoginId } from '../../domain/contacts.js';
import type { UserRecord } from '../../domain/user.js';
import { type BatchUserInput, prepareBatchUser } from '../../domain/userBatch.js';
import type { MutationContext } from '../../domain/userUpdates.js';
import { toWireUser } from '../../domain/wire.js';
import type { UserResponse } from '../../schemas/user.js';
import type { Services } from '../operation.js';
import { requireUser } from './lookup.js';

/**
 * One user mutation: find the user by login ID or user ID, apply the domain change, write the result,
 * answer the whole user. Runs in the operation's transaction (a batch item in its own savepoint), so
 * nothing is written when the change or the write throws.
 */
export function mutateUser(
  services: Services,
  projectId: string,
  selector: string | undefined,
  change: (user: UserRecord, ctx: MutationContext) => UserRecord,
): UserResponse {
  const stored = requireUser(services, projectId, selector);
  const ctx = mutationContext(services, projectId);
  const next = { ...change(stored.user, ctx), modifiedTime: ctx.nowMs };
  services.store.users.update(projectId, stored, next);
  // Vendor behaviour (inferred): `created` (UserResponse's second key) is false for anything but a new user.
  return { user: toWireUser(next, ctx.catalog), created: false };
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
  // A batch or import seed (checked base32 by prepareBatchUser) signs in at totp/verify.
  if (input.seed !== undefined)
    store.credentials.setTotpSeed(projectId, user.userId, input.seed.toUpperCase().replace(/=+$/, ''));
  return user;
}
