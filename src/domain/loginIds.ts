import { invalid } from '../errors.js';
import { normaliseLoginId } from './contacts.js';
import type { UserRecord } from './user.js';

/**
 * How a user's login IDs follow its email and phone. One rule for every call that changes them:
 * update/email, update/phone, the full update and patch (single and batch).
 */

/** Who owns a login ID in the project (the user ID), if anyone. */
export interface LoginIdOwners {
  loginIdOwner(loginId: string): string | undefined;
}

/** Login IDs compare without case (an email login ID typed in another case finds the same user). */
export const sameLoginId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The login IDs with the one at `index` replaced by `next`, dropping another copy of `next` the user held. */
export function replaceLoginId(loginIds: readonly string[], index: number, next: string): string[] {
  return loginIds.flatMap((id, i) => {
    if (i === index) return [next];
    return sameLoginId(id, next) ? [] : [id];
  });
}

/**
 * The login IDs after an email or phone changes from `previous` to `next` (both already normalised).
 * Vendor behaviour (inferred): when the old value was one of the user's login IDs, that login ID follows
 * the new value (Descope's docs say so for updates of an email/phone that is also a login ID); removing the
 * value keeps the login ID. `failOnConflict` (update/email, update/phone) refuses a value that is another
 * user's login ID even when no login ID moves; without it the value may be shared as a plain attribute.
 */
export function followContact(
  user: Pick<UserRecord, 'userId' | 'loginIds'>,
  previous: string,
  next: string,
  failOnConflict: boolean,
  owners: LoginIdOwners,
): string[] {
  const owner = next === '' ? undefined : owners.loginIdOwner(next);
  const takenByOther = owner !== undefined && owner !== user.userId;
  // Vendor behaviour (inferred): the conflict's error code is not published; a taken value is a bad argument.
  if (takenByOther && failOnConflict) {
    throw invalid(`"${next}" is already a login ID of another user`);
  }
  const index = previous === '' ? -1 : user.loginIds.findIndex((id) => sameLoginId(id, previous));
  if (index === -1 || next === '' || sameLoginId(previous, next)) return [...user.loginIds];
  // Without failOnConflict the value may be shared as an attribute, but a login ID can never be.
  if (takenByOther) throw invalid(`"${next}" is already a login ID of another user`);
  return replaceLoginId(user.loginIds, index, next);
}

/**
 * The login IDs of `before` once its email and phone became those of `after` (full update and patch,
 * which have no failOnConflict key): each contact login ID follows its value, as in update/email and
 * update/phone.
 */
export function followContacts(before: UserRecord, after: UserRecord, owners: LoginIdOwners): string[] {
  const loginIds = followContact(before, before.email, after.email, false, owners);
  return followContact({ ...before, loginIds }, before.phone, after.phone, false, owners);
}

/**
 * The login IDs with the additional ones appended (normalised, each once, compared without case): create,
 * batch create, update and patch alike. Uniqueness across users is the store's index.
 */
export function withLoginIds(
  loginIds: readonly string[],
  additional: readonly string[] | undefined,
): string[] {
  const out = [...loginIds];
  for (const extra of additional ?? []) {
    const id = normaliseLoginId(extra);
    if (id !== '' && !out.some((known) => sameLoginId(known, id))) out.push(id);
  }
  return out;
}
