import { normaliseLoginId } from '../../domain/contacts.js';
import { missing, userNotFound } from '../../errors.js';
import type { StoredUser } from '../../store/users.js';
import type { Services } from '../operation.js';

/** The user selector of a body: `loginId` (Node, Go, Python, Java) or `identifier` (.NET); a login ID or a user ID. */
export const selectorOf = (body: { loginId?: string; identifier?: string }): string | undefined =>
  body.loginId || body.identifier || undefined;

/** The user a login ID or user ID names, if any (a phone login ID in any spelling finds its user). */
export function existingUser(
  services: Services,
  projectId: string,
  selector: string,
): StoredUser | undefined {
  const users = services.store.users;
  const normalised = normaliseLoginId(selector);
  return (
    users.find(projectId, normalised) ??
    (normalised === selector ? undefined : users.find(projectId, selector))
  );
}

/**
 * Resolves Descope's user selector: 400 E011002 without one, 404 E112102 when it names no user.
 * Vendor behaviour (inferred): updates answer an unknown user as load does (only load's 404 is proven).
 */
export function requireUser(services: Services, projectId: string, selector: string | undefined): StoredUser {
  if (!selector) throw missing('loginId');
  const stored = existingUser(services, projectId, selector);
  if (!stored) throw userNotFound();
  return stored;
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
): StoredUser {
  if (selector) return requireUser(services, projectId, selector);
  if (!userId) throw missing('loginId');
  const stored = services.store.users.findByUserId(projectId, userId);
  if (!stored) throw userNotFound();
  return stored;
}
