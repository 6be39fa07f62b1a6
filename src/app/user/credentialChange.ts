import type { UserRecord } from '../../domain/user.js';
import type { Services } from '../operation.js';
import { requireUser } from './lookup.js';

/** The user flags that follow the credential tables. */
export type CredentialFlags = Partial<Pick<UserRecord, 'password' | 'webauthn' | 'TOTP'>>;

/**
 * One credential change: find the user by login ID or user ID (404 E112102 when none), let `change` write
 * its rows and name the user's flags afterwards, and write the user document when a flag moved (load →
 * change → write, as mutate.ts does for attributes). Nothing is written when `change` throws: the
 * operation's transaction rolls back.
 */
export function changeCredentials(
  services: Services,
  projectId: string,
  selector: string | undefined,
  change: (user: UserRecord) => CredentialFlags,
): UserRecord {
  const stored = requireUser(services, projectId, selector);
  const { user } = stored;
  const flags = change(user);
  const moved = (Object.keys(flags) as (keyof CredentialFlags)[]).some((key) => flags[key] !== user[key]);
  if (!moved) return user;
  const next = { ...user, ...flags, modifiedTime: services.now() };
  services.store.users.update(projectId, stored, next);
  return next;
}
