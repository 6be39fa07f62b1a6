import { invalid, missing } from '../errors.js';
import type { Catalog } from './catalog.js';
import { checkEmail, isEmail, normaliseLoginId, normalisePhone } from './contacts.js';
import { checkCustomAttributes } from './customAttributes.js';
import { withLoginIds } from './loginIds.js';
import {
  blankUser,
  SETTABLE_STATUSES,
  type UserRecord,
  type UserStatus,
  type UserTenantRecord,
} from './user.js';
import { checkRoles, checkSsoApps, checkUserTenants } from './userRoles.js';

/** The attributes a create (and a full update) may carry, aliases already resolved by the route. */
export interface UserAttributes {
  email?: string;
  phone?: string;
  name?: string;
  givenName?: string;
  middleName?: string;
  familyName?: string;
  picture?: string;
  roleNames?: string[];
  userTenants?: UserTenantRecord[];
  customAttributes?: Record<string, unknown>;
  verifiedEmail?: boolean;
  verifiedPhone?: boolean;
  ssoAppIds?: string[];
  recoveryEmail?: string;
  recoveryPhone?: string;
  verifiedRecoveryEmail?: boolean;
  verifiedRecoveryPhone?: boolean;
}

export interface CreateUserInput extends UserAttributes {
  loginId?: string;
  additionalLoginIds?: string[];
  status?: string;
  test?: boolean;
  /** Fixtures and snapshots only: keep a given user ID and creation time. */
  userId?: string;
  createdTime?: number;
}

/** A new user from a create request: defaults of 3.1, the given attributes checked against the project. */
export function buildUser(input: CreateUserInput, catalog: Catalog, nowMs: number): UserRecord {
  const loginId = normaliseLoginId(input.loginId ?? '');
  if (loginId === '') throw missing('loginId');
  // Vendor behaviour (inferred): a repeated login ID (in any case) is kept once rather than refused.
  const loginIds = withLoginIds([loginId], input.additionalLoginIds);
  const base = blankUser(loginId, nowMs);
  // An email-shaped login ID with no email fills the email, verified (python-sdk live tests).
  const email = input.email ?? (isEmail(loginId) ? loginId : undefined);
  const user: UserRecord = {
    ...withAttributes(base, attributesOf(input, email), catalog),
    userId: input.userId ?? base.userId,
    loginIds,
    status: checkStatus(input.status) ?? 'invited',
    test: input.test ?? false,
    createdTime: input.createdTime ?? base.createdTime,
  };
  return user;
}

/**
 * Only the attributes of a create input, with the email to use: one small object of one shape, where copying
 * the whole input (a fixture user has some fifty keys) cost a large seed more than the rules themselves.
 */
function attributesOf(input: UserAttributes, email: string | undefined): UserAttributes {
  return {
    email,
    phone: input.phone,
    name: input.name,
    givenName: input.givenName,
    middleName: input.middleName,
    familyName: input.familyName,
    picture: input.picture,
    roleNames: input.roleNames,
    userTenants: input.userTenants,
    customAttributes: input.customAttributes,
    verifiedEmail: input.verifiedEmail,
    verifiedPhone: input.verifiedPhone,
    ssoAppIds: input.ssoAppIds,
    recoveryEmail: input.recoveryEmail,
    recoveryPhone: input.recoveryPhone,
    verifiedRecoveryEmail: input.verifiedRecoveryEmail,
    verifiedRecoveryPhone: input.verifiedRecoveryPhone,
  };
}

/**
 * The user with the given attributes applied: absent ones are left as in `user` (create starts from a blank
 * user, so there absent means empty). Verified flags follow descope-api.md 3.2: an explicit flag is kept,
 * otherwise a value given counts as verified and no value as not.
 */
export function withAttributes(user: UserRecord, input: UserAttributes, catalog: Catalog): UserRecord {
  const email = input.email === undefined ? user.email : checkEmail(input.email);
  const phone = input.phone === undefined ? user.phone : normalisePhone(input.phone);
  const recoveryEmail =
    input.recoveryEmail === undefined ? user.recoveryEmail : checkEmail(input.recoveryEmail, 'recoveryEmail');
  const recoveryPhone =
    input.recoveryPhone === undefined
      ? user.recoveryPhone
      : normalisePhone(input.recoveryPhone, 'recoveryPhone');
  if (input.roleNames) checkRoles(input.roleNames, catalog);
  return {
    ...user,
    email,
    phone,
    name: input.name ?? user.name,
    givenName: input.givenName ?? user.givenName,
    middleName: input.middleName ?? user.middleName,
    familyName: input.familyName ?? user.familyName,
    picture: input.picture ?? user.picture,
    roleNames: input.roleNames ? [...new Set(input.roleNames)] : user.roleNames,
    userTenants: input.userTenants ? checkUserTenants(input.userTenants, catalog) : user.userTenants,
    customAttributes: input.customAttributes
      ? checkCustomAttributes(input.customAttributes, catalog)
      : user.customAttributes,
    ssoAppIds: input.ssoAppIds ? checkSsoApps(input.ssoAppIds, catalog) : user.ssoAppIds,
    // Vendor behaviour (inferred): a value given without its flag counts as verified (descope-api.md 3.2).
    verifiedEmail: verified(
      input.verifiedEmail,
      input.email === undefined ? undefined : email,
      user.verifiedEmail,
    ),
    verifiedPhone: verified(
      input.verifiedPhone,
      input.phone === undefined ? undefined : phone,
      user.verifiedPhone,
    ),
    recoveryEmail,
    recoveryPhone,
    verifiedRecoveryEmail: verified(
      input.verifiedRecoveryEmail,
      input.recoveryEmail === undefined ? undefined : recoveryEmail,
      user.verifiedRecoveryEmail,
    ),
    verifiedRecoveryPhone: verified(
      input.verifiedRecoveryPhone,
      input.recoveryPhone === undefined ? undefined : recoveryPhone,
      user.verifiedRecoveryPhone,
    ),
  };
}

function verified(flag: boolean | undefined, value: string | undefined, current: boolean): boolean {
  if (value === '') return false;
  if (flag !== undefined) return flag;
  return value === undefined ? current : true;
}

/**
 * A status create or update/status may set; undefined when none is given.
 * Vendor behaviour (inferred): `expired` is in every SDK's enum but no management call sets it (E011004).
 */
export function checkStatus(status: string | undefined): UserStatus | undefined {
  if (status === undefined || status === '') return undefined;
  if (!(SETTABLE_STATUSES as readonly string[]).includes(status)) {
    throw invalid(`The status field must be one of: ${SETTABLE_STATUSES.join(', ')}`);
  }
  return status as UserStatus;
}
