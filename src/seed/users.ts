import type { Catalog } from '../domain/catalog.js';
import { normaliseLoginId, normalisePhone } from '../domain/contacts.js';
import { checkCustomAttribute } from '../domain/customAttributes.js';
import type { UserRecord } from '../domain/user.js';
import { buildUser } from '../domain/userCreate.js';
import type { UserFixture } from '../fixtures.js';
import type { Store } from '../store/index.js';
import { passwordOf, seedUserCredentials } from './credentials.js';
import { checkMemberships, checkProjectRoles, fail, guard } from './paths.js';

/**
 * The fixture's users, in order, with the API's rules for references and login IDs but errors naming the
 * exact path inside the file. `path(i)` is the path of the i-th user (`projects[0].users[3]`).
 */
export function seedUsers(
  store: Store,
  catalog: Catalog,
  projectId: string,
  users: readonly UserFixture[],
  path: (i: number) => string,
  nowMs: number,
): void {
  const loginIds = new Map<string, string>();
  users.forEach((user, i) => {
    const where = path(i);
    checkUserReferences(user, catalog, where);
    claimLoginIds(user, loginIds, where);
    const password = passwordOf(user, where, nowMs);
    guard(where, () => {
      // A fixture may hold an `expired` user, which no API call can produce.
      const record = buildUser({ ...user, status: undefined }, catalog, nowMs);
      const webauthn = (user.passkeys ?? []).length > 0 ? { webauthn: true } : {};
      store.users.insert(projectId, {
        ...record,
        status: user.status ?? record.status,
        ...snapshotState(user),
        ...webauthn,
        password: password !== undefined,
      });
      seedUserCredentials(store, projectId, record.userId, user, password, nowMs);
    });
  });
}

function checkUserReferences(user: UserFixture, catalog: Catalog, path: string): void {
  checkProjectRoles(user.roleNames, catalog, `${path}.roleNames`);
  checkMemberships(user.userTenants, catalog, `${path}.userTenants`);
  for (const [key, value] of Object.entries(user.customAttributes)) {
    if (value === null) continue;
    if (!catalog.attribute(key)) fail(`${path}.customAttributes.${key}`, `unknown custom attribute "${key}"`);
    guard(`${path}.customAttributes.${key}`, () => checkCustomAttribute(key, value, catalog));
  }
  user.ssoAppIds.forEach((appId, j) => {
    if (!catalog.ssoApp(appId)) fail(`${path}.ssoAppIds[${j}]`, `unknown SSO application "${appId}"`);
  });
  if (user.phone !== undefined) guard(`${path}.phone`, () => normalisePhone(user.phone ?? ''));
}

/** Login IDs are unique in a project (case-insensitively for emails); a clash names both users. */
function claimLoginIds(user: UserFixture, taken: Map<string, string>, path: string): void {
  const ids: [string, string][] = [
    [`${path}.loginId`, user.loginId],
    ...user.additionalLoginIds.map((id, j): [string, string] => [`${path}.additionalLoginIds[${j}]`, id]),
  ];
  const own = new Set<string>();
  for (const [where, id] of ids) {
    const key = normaliseLoginId(id).toLowerCase();
    if (key === '' || own.has(key)) continue;
    own.add(key);
    const holder = taken.get(key);
    if (holder) fail(where, `duplicate login ID "${id}" (already used by ${holder})`);
    taken.set(key, path.replace(/^.*?(?=users\[)/, ''));
  }
}

/**
 * The state a snapshot carries that no create request can set (credential flags, consent, last change),
 * only the keys the fixture gives: absent ones keep a new user's defaults. The `password` flag is not
 * among them: it follows the password the fixture holds (src/seed/credentials.ts).
 */
function snapshotState(user: UserFixture): Partial<UserRecord> {
  const { modifiedTime, consentExpiration, editable, TOTP, SAML, SCIM, OIDC, OAuth, webauthn, push } = user;
  const state = { modifiedTime, consentExpiration, editable, TOTP, SAML, SCIM, OIDC, OAuth, webauthn, push };
  return Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined));
}
