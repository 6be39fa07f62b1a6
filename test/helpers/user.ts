import { expect } from 'vitest';
import { expectDescopeError, type Sdk } from './mock.js';

/** Every field of Descope's user object (descope-api.md 3.1): the real service always sends all of them. */
export const USER_FIELDS = [
  'loginIds',
  'userId',
  'name',
  'givenName',
  'middleName',
  'familyName',
  'email',
  'verifiedEmail',
  'phone',
  'verifiedPhone',
  'roleNames',
  'userTenants',
  'status',
  'externalIds',
  'picture',
  'test',
  'customAttributes',
  'createdTime',
  'TOTP',
  'SAML',
  'OAuth',
  'webauthn',
  'password',
  'ssoAppIds',
  'editable',
  'SCIM',
  'push',
  'permissions',
  'OIDC',
  'consentExpiration',
  'recoveryEmail',
  'verifiedRecoveryEmail',
  'recoveryPhone',
  'verifiedRecoveryPhone',
] as const;

/** The user a management create makes when given only login IDs, with `overrides` on top. */
export function expectedUser(loginIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    loginIds,
    userId: expect.stringMatching(/^U2[A-Za-z0-9]{26}$/),
    name: '',
    givenName: '',
    middleName: '',
    familyName: '',
    email: '',
    verifiedEmail: false,
    phone: '',
    verifiedPhone: false,
    roleNames: [],
    userTenants: [],
    status: 'invited',
    externalIds: loginIds,
    picture: '',
    test: false,
    customAttributes: {},
    createdTime: expect.any(Number),
    TOTP: false,
    SAML: false,
    OAuth: {},
    webauthn: false,
    password: false,
    ssoAppIds: [],
    editable: true,
    SCIM: false,
    push: false,
    permissions: [],
    OIDC: false,
    consentExpiration: 0,
    recoveryEmail: '',
    verifiedRecoveryEmail: false,
    recoveryPhone: '',
    verifiedRecoveryPhone: false,
    ...overrides,
  };
}

/** Asserts the user carries exactly the fields of 3.1 (no more, none missing) and equals `expected`. */
export function expectUser(actual: unknown, expected: object): void {
  expect(Object.keys(actual as object).sort()).toEqual([...USER_FIELDS].sort());
  expect(actual).toEqual(expected);
}

/** Runs `fn` and checks `createdTime` of the user it returns is epoch seconds taken during the call. */
export async function withinCall<T extends { createdTime: number }>(fn: () => Promise<T>): Promise<T> {
  const before = Math.floor(Date.now() / 1000);
  const user = await fn();
  const after = Math.ceil(Date.now() / 1000);
  expect(Number.isInteger(user.createdTime)).toBe(true);
  expect(user.createdTime).toBeGreaterThanOrEqual(before);
  expect(user.createdTime).toBeLessThanOrEqual(after);
  return user;
}

/** The user as the mock now holds it (loaded through the SDK), or the failed response's error. */
export async function loaded(sdk: Sdk, loginIdOrUserId: string) {
  const result = await sdk.management.user.load(loginIdOrUserId);
  return result.ok ? result.data : result.error;
}

/** Asserts no user answers to any of `loginIdsOrUserIds`: a load of each is refused with E112102. */
export async function expectNoUser(sdk: Sdk, ...loginIdsOrUserIds: string[]): Promise<void> {
  for (const id of loginIdsOrUserIds) expectDescopeError(await loaded(sdk, id), 'E112102');
}

/** What an SDK management call resolves to, as far as these tests read it. */
export interface Outcome {
  ok: boolean;
  code?: number;
  data?: unknown;
  error?: unknown;
}

/** A user as the SDK answers it, for tests that read a field or two. */
export type WireUser = Record<string, unknown> & { userId: string };

/**
 * Checks for calls that change one user, bound to `sdk`: `freshUser` creates a user under a new login ID
 * (`prefix-1`, `prefix-2`…); `changed` asserts a 200 answering `expected` and a load showing the same;
 * `refused` asserts a 400 with `code` and a load showing the user still as `before`.
 */
export function userChecks(sdk: Sdk, prefix: string) {
  let counter = 0;
  return {
    async freshUser(options: Record<string, unknown> = {}) {
      counter += 1;
      const loginId = `${prefix}-${counter}`;
      const result = await sdk.management.user.create(loginId, options);
      expect(result.ok).toBe(true);
      return { loginId, user: result.data as unknown as WireUser };
    },
    async changed(call: Promise<Outcome>, loginId: string, expected: object) {
      const result = await call;
      expect(result.code).toBe(200);
      expectUser(result.data, expected);
      expectUser(await loaded(sdk, loginId), expected);
    },
    async refused(call: Promise<Outcome>, loginId: string, before: object, code = 'E011004') {
      const result = await call;
      expect(result.code).toBe(400);
      expectDescopeError(result.error, code);
      expectUser(await loaded(sdk, loginId), before);
    },
  };
}
