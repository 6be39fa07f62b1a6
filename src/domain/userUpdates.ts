import { invalid, missing } from '../errors.js';
import type { Catalog } from './catalog.js';
import { checkEmail, normaliseLoginId, normalisePhone } from './contacts.js';
import { mergeCustomAttributes } from './customAttributes.js';
import { followContact, type LoginIdOwners, replaceLoginId, sameLoginId } from './loginIds.js';
import { refuseReservedKey } from './reservedKeys.js';
import type { UserRecord } from './user.js';
import { checkStatus } from './userCreate.js';

/** What a user mutation may consult besides the user itself. */
export interface MutationContext extends LoginIdOwners {
  catalog: Catalog;
  nowMs: number;
}

export interface NameChange {
  name?: string;
  givenName?: string;
  middleName?: string;
  familyName?: string;
}

/** update/name: a key present sets the field (`''` clears it), an absent key keeps it; `name` is never rebuilt. */
export function updateName(user: UserRecord, change: NameChange): UserRecord {
  return {
    ...user,
    name: change.name ?? user.name,
    givenName: change.givenName ?? user.givenName,
    middleName: change.middleName ?? user.middleName,
    familyName: change.familyName ?? user.familyName,
  };
}

export function updatePicture(user: UserRecord, picture: string): UserRecord {
  return { ...user, picture };
}

export interface ContactChange {
  value: string;
  verified: boolean;
  failOnConflict: boolean;
}

/** update/email: sets the email and its verified flag; `''` removes it; an email login ID follows (loginIds.ts). */
export function updateEmail(user: UserRecord, change: ContactChange, ctx: MutationContext): UserRecord {
  const email = checkEmail(change.value);
  const loginIds = followContact(user, user.email, email, change.failOnConflict, ctx);
  return { ...user, loginIds, email, verifiedEmail: email === '' ? false : change.verified };
}

/** update/phone: as update/email, with the phone normalised. */
export function updatePhone(user: UserRecord, change: ContactChange, ctx: MutationContext): UserRecord {
  const phone = normalisePhone(change.value);
  const loginIds = followContact(user, user.phone, phone, change.failOnConflict, ctx);
  return { ...user, loginIds, phone, verifiedPhone: phone === '' ? false : change.verified };
}

/**
 * update/loginid: replaces the login ID named by the selector (the first one when the selector was the user
 * ID) with `newLoginId`; an empty one removes it, except the user's last.
 */
export function updateLoginId(
  user: UserRecord,
  selector: string,
  newLoginId: string,
  ctx: MutationContext,
): UserRecord {
  const found = user.loginIds.findIndex((id) => sameLoginId(id, normaliseLoginId(selector)));
  // Vendor behaviour (inferred): selecting the user by user ID replaces the primary (first) login ID.
  const index = found === -1 ? 0 : found;
  const next = normaliseLoginId(newLoginId);
  if (next === '') {
    if (user.loginIds.length <= 1) throw invalid('Cannot remove the last login ID of a user');
    return { ...user, loginIds: user.loginIds.filter((_, i) => i !== index) };
  }
  const owner = ctx.loginIdOwner(next);
  // Vendor behaviour (inferred): login IDs are unique project-wide, so a taken one is a bad argument (E011004).
  if (owner !== undefined && owner !== user.userId) throw invalid(`Login ID "${next}" is already in use`);
  return { ...user, loginIds: replaceLoginId(user.loginIds, index, next) };
}

/** update/status: `enabled`, `disabled` or `invited` (the values create accepts too); absent is E011002. */
export function updateStatus(user: UserRecord, status: string | undefined): UserRecord {
  const next = checkStatus(status);
  if (next === undefined) throw missing('status');
  return { ...user, status: next };
}

/**
 * update/customAttribute: sets one declared attribute (others kept).
 * Vendor behaviour (inferred): a null or absent value (proto's google.protobuf.Value unset) removes it.
 */
export function updateCustomAttribute(
  user: UserRecord,
  key: string | undefined,
  value: unknown,
  ctx: MutationContext,
): UserRecord {
  if (!key) throw missing('attributeKey');
  refuseReservedKey(key, 'attributeKey');
  return {
    ...user,
    customAttributes: mergeCustomAttributes(user.customAttributes, { [key]: value }, ctx.catalog),
  };
}

/** update/recovery/email: `''` removes the recovery email and its flag. */
export function updateRecoveryEmail(user: UserRecord, email: string, verified: boolean): UserRecord {
  const recoveryEmail = checkEmail(email, 'recoveryEmail');
  return { ...user, recoveryEmail, verifiedRecoveryEmail: recoveryEmail === '' ? false : verified };
}

/** update/recovery/phone: as update/recovery/email, with the phone normalised. */
export function updateRecoveryPhone(user: UserRecord, phone: string, verified: boolean): UserRecord {
  const recoveryPhone = normalisePhone(phone, 'recoveryPhone');
  return { ...user, recoveryPhone, verifiedRecoveryPhone: recoveryPhone === '' ? false : verified };
}

/**
 * update/impersonationConsent: grants consent for `seconds` from now; 0 withdraws it.
 * Vendor behaviour (inferred): the int32 `impersonationConsent` is a duration in seconds and
 * `consentExpiration` the epoch second it ends.
 */
export function updateImpersonationConsent(user: UserRecord, seconds: number, nowMs: number): UserRecord {
  if (seconds < 0) throw invalid('The impersonationConsent field cannot be negative');
  const consentExpiration = seconds === 0 ? 0 : Math.floor(nowMs / 1000) + seconds;
  return { ...user, consentExpiration };
}
