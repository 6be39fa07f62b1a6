import type { Catalog } from './domain/catalog.js';
import { normaliseLoginId, normalisePhone } from './domain/contacts.js';
import { checkCustomAttribute } from './domain/customAttributes.js';
import { randomId } from './domain/ids.js';
import { BUILT_IN_PERMISSIONS, DEFAULT_SSO_APP, TENANT_ADMIN_ROLE } from './domain/role.js';
import { blankTenant } from './domain/tenant.js';
import type { UserRecord } from './domain/user.js';
import { buildUser } from './domain/userCreate.js';
import { DescopeError } from './errors.js';
import { FixtureError, type ProjectFixture, type UserFixture } from './fixtures.js';
import { seedUserCredentials } from './seedCredentials.js';
import type { Store } from './store/index.js';

/**
 * Creates a project from its fixture, in one transaction: the built-ins every Descope project starts with,
 * then the fixture's permissions, tenants, roles, attribute definitions and users. References are checked
 * with the API's own rules; an error names the path inside the fixture (`users[3].userTenants[0].tenantId`),
 * prefixed with `where` (`projects[0]`).
 */
export function seedProject(store: Store, project: ProjectFixture, where: string, nowMs = Date.now()): void {
  store.transaction(() => {
    const { projectId } = project;
    const at = (path: string) => (where ? `${where}.${path}` : path);
    guard(at('projectId'), () =>
      store.projects.create(projectId, project.name, project.managementKeys, nowMs),
    );
    seedBuiltIns(store, projectId, nowMs);

    const permissionNames = new Set(BUILT_IN_PERMISSIONS.map((permission) => permission.name));
    project.permissions.forEach((permission, i) => {
      if (permissionNames.has(permission.name)) return;
      permissionNames.add(permission.name);
      guard(at(`permissions[${i}]`), () =>
        store.roles.insertPermissionRecord(projectId, {
          id: randomId('PE'),
          ...permission,
          systemDefault: false,
        }),
      );
    });

    const tenantIds = new Set<string>();
    project.tenants.forEach((tenant, i) => {
      if (tenant.parent && !tenantIds.has(tenant.parent)) {
        throw new FixtureError(
          `${at(`tenants[${i}].parent`)}: unknown tenant "${tenant.parent}" (list parents first)`,
        );
      }
      tenantIds.add(tenant.id);
      const record = { ...blankTenant(tenant.id, tenant.name, nowMs), ...tenant };
      guard(at(`tenants[${i}]`), () => store.tenants.insert(projectId, record));
    });

    project.roles.forEach((role, i) => {
      if (role.tenantId && !tenantIds.has(role.tenantId)) {
        throw new FixtureError(`${at(`roles[${i}].tenantId`)}: unknown tenant "${role.tenantId}"`);
      }
      role.permissionNames.forEach((name, j) => {
        if (!permissionNames.has(name)) {
          throw new FixtureError(`${at(`roles[${i}].permissionNames[${j}]`)}: unknown permission "${name}"`);
        }
      });
      if (!role.tenantId && role.name === TENANT_ADMIN_ROLE.name) return;
      const record = { id: randomId('RO'), createdTime: Math.floor(nowMs / 1000), private: false, ...role };
      guard(at(`roles[${i}]`), () => store.roles.insertRoleRecord(projectId, record));
    });

    project.customAttributes.forEach((definition, i) => {
      guard(at(`customAttributes[${i}]`), () => store.customAttributes.insert(projectId, definition));
    });

    const catalog = store.catalog.forProject(projectId);
    const loginIds = new Map<string, string>();
    project.users.forEach((user, i) => {
      const path = at(`users[${i}]`);
      checkUserReferences(user, catalog, path);
      claimLoginIds(user, loginIds, path);
      guard(path, () => {
        // A fixture may hold an `expired` user, which no API call can produce.
        const record = buildUser({ ...user, status: undefined }, catalog, nowMs);
        store.users.insert(projectId, {
          ...record,
          status: user.status ?? record.status,
          ...snapshotState(user),
        });
        seedUserCredentials(store, projectId, record.userId, user, nowMs);
      });
    });
  });
}

/**
 * The references of one fixture user, checked with the API's rules but reported with the exact path inside
 * the file (`users[3].userTenants[0].roleNames[1]`), which the API's own messages cannot name.
 */
function checkUserReferences(user: UserFixture, catalog: Catalog, path: string): void {
  user.roleNames.forEach((name, j) => {
    if (!catalog.role(name)) fail(`${path}.roleNames[${j}]`, `unknown role "${name}"`);
  });
  user.userTenants.forEach(({ tenantId, roleNames }, j) => {
    if (!catalog.tenant(tenantId)) fail(`${path}.userTenants[${j}].tenantId`, `unknown tenant "${tenantId}"`);
    roleNames.forEach((name, k) => {
      if (!catalog.role(name, tenantId)) {
        fail(`${path}.userTenants[${j}].roleNames[${k}]`, `unknown role "${name}" for tenant "${tenantId}"`);
      }
    });
  });
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

function fail(path: string, message: string): never {
  throw new FixtureError(`${path}: ${message}`);
}

function seedBuiltIns(store: Store, projectId: string, nowMs: number): void {
  for (const permission of BUILT_IN_PERMISSIONS) {
    store.roles.insertPermissionRecord(projectId, { id: randomId('PE'), ...permission, systemDefault: true });
  }
  store.roles.insertRoleRecord(projectId, {
    id: randomId('RO'),
    ...TENANT_ADMIN_ROLE,
    createdTime: Math.floor(nowMs / 1000),
    tenantId: '',
    default: false,
    private: false,
  });
  store.customAttributes.insertSsoApplication(projectId, DEFAULT_SSO_APP.id, DEFAULT_SSO_APP.name);
}

/**
 * The state a snapshot carries that no create request can set (credential flags, consent, last change),
 * only the keys the fixture gives: absent ones keep a new user's defaults.
 */
function snapshotState(user: UserFixture): Partial<UserRecord> {
  const {
    modifiedTime,
    consentExpiration,
    editable,
    TOTP,
    SAML,
    SCIM,
    OIDC,
    OAuth,
    webauthn,
    password,
    push,
  } = user;
  const state = {
    modifiedTime,
    consentExpiration,
    editable,
    TOTP,
    SAML,
    SCIM,
    OIDC,
    OAuth,
    webauthn,
    password,
    push,
  };
  return Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined));
}

/** Rewrites a domain error raised while seeding one item as a fixture error naming that item. */
function guard(path: string, fn: () => void): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof DescopeError) throw new FixtureError(`${path}: ${error.message}`);
    throw error;
  }
}

/** A bare project with only the built-ins, for a default project the fixture file does not describe. */
export function bareProject(projectId: string, managementKey: string): ProjectFixture {
  return {
    projectId,
    name: '',
    managementKeys: [managementKey],
    permissions: [],
    roles: [],
    tenants: [],
    customAttributes: [],
    users: [],
  };
}
