import { randomId } from './ids.js';

/**
 * A user as the mock keeps it: every field of Descope's user object that is state, none that is derived.
 * `externalIds`, `permissions`, `userTenants[].tenantName` and `userTenants[].permissions` are derived at
 * read time (toWireUser), so a role or tenant rename can never leave them stale.
 */
export interface UserRecord {
  userId: string;
  loginIds: string[];
  name: string;
  givenName: string;
  middleName: string;
  familyName: string;
  email: string;
  verifiedEmail: boolean;
  phone: string;
  verifiedPhone: boolean;
  picture: string;
  roleNames: string[];
  userTenants: UserTenantRecord[];
  status: UserStatus;
  test: boolean;
  customAttributes: Record<string, CustomAttributeValue>;
  /** Epoch seconds, as on the wire. */
  createdTime: number;
  /** Epoch milliseconds: not on Descope's wire, kept for the search time filters (which take milliseconds). */
  modifiedTime: number;
  TOTP: boolean;
  SAML: boolean;
  SCIM: boolean;
  OIDC: boolean;
  OAuth: Record<string, boolean>;
  webauthn: boolean;
  password: boolean;
  push: boolean;
  ssoAppIds: string[];
  editable: boolean;
  consentExpiration: number;
  recoveryEmail: string;
  verifiedRecoveryEmail: boolean;
  recoveryPhone: string;
  verifiedRecoveryPhone: boolean;
}

export interface UserTenantRecord {
  tenantId: string;
  roleNames: string[];
}

export const USER_STATUSES = ['enabled', 'disabled', 'invited', 'expired'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
/** `expired` is in every SDK's enum but cannot be set through the management API. */
export const SETTABLE_STATUSES = ['enabled', 'disabled', 'invited'] as const;

export type CustomAttributeValue = string | number | boolean | string[] | number[];

/** User IDs look like Descope's: `U2` and 26 crypto-random alphanumerics, 28 characters in all. */
export const newUserId = (): string => randomId('U2');

/** A user with every field at the default of a user freshly created through the management API. */
export function blankUser(loginId: string, nowMs: number): UserRecord {
  return {
    userId: newUserId(),
    loginIds: [loginId],
    name: '',
    givenName: '',
    middleName: '',
    familyName: '',
    email: '',
    verifiedEmail: false,
    phone: '',
    verifiedPhone: false,
    picture: '',
    roleNames: [],
    userTenants: [],
    status: 'invited',
    test: false,
    customAttributes: {},
    createdTime: Math.floor(nowMs / 1000),
    modifiedTime: nowMs,
    TOTP: false,
    SAML: false,
    SCIM: false,
    OIDC: false,
    OAuth: {},
    webauthn: false,
    password: false,
    push: false,
    ssoAppIds: [],
    // Vendor behaviour (inferred): the management key may edit every user.
    editable: true,
    consentExpiration: 0,
    recoveryEmail: '',
    verifiedRecoveryEmail: false,
    recoveryPhone: '',
    verifiedRecoveryPhone: false,
  };
}

/** Adds the values of `extra` that `list` does not hold yet, keeping order. */
export function union(list: readonly string[], extra: readonly string[]): string[] {
  const out = [...list];
  for (const item of extra) if (!out.includes(item)) out.push(item);
  return out;
}
