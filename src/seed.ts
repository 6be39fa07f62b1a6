import { randomId } from './domain/ids.js';
import { BUILT_IN_PERMISSIONS, DEFAULT_SSO_APP, TENANT_ADMIN_ROLE } from './domain/role.js';
import { blankTenant } from './domain/tenant.js';
import { buildUser } from './domain/userCreate.js';
import { DescopeError } from './errors.js';
import { FixtureError, type ProjectFixture } from './fixtures.js';
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
    project.users.forEach((user, i) => {
      user.userTenants.forEach((membership, j) => {
        if (!tenantIds.has(membership.tenantId)) {
          throw new FixtureError(
            `${at(`users[${i}].userTenants[${j}].tenantId`)}: unknown tenant "${membership.tenantId}"`,
          );
        }
      });
      guard(at(`users[${i}]`), () => {
        // A fixture may hold an `expired` user, which no API call can produce.
        const record = buildUser({ ...user, status: undefined }, catalog, nowMs);
        store.users.insert(projectId, { ...record, status: user.status ?? record.status });
      });
    });
  });
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
