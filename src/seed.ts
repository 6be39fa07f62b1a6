import type { Catalog } from './domain/catalog.js';
import { randomId } from './domain/ids.js';
import { BUILT_IN_PERMISSIONS, DEFAULT_SSO_APP, TENANT_ADMIN_ROLE } from './domain/role.js';
import { parseSigningKey } from './domain/signingKey.js';
import { blankTenant } from './domain/tenant.js';
import { configureSettings } from './domain/tenantSettings.js';
import { FixtureError, type ProjectFixture } from './fixtures.js';
import { seedAccessKeys } from './seed/accessKeys.js';
import { fail, guard } from './seed/paths.js';
import { seedUsers } from './seed/users.js';
import { withIndexesRebuilt } from './store/bulk.js';
import type { Store } from './store/index.js';

/**
 * Creates a project from its fixture, in one transaction: the built-ins every Descope project starts with,
 * then the fixture's permissions, tenants, roles, attribute definitions, users and access keys. References are checked
 * with the API's own rules; an error names the path inside the fixture (`users[3].userTenants[0].tenantId`),
 * prefixed with `where` (`projects[0]`).
 */
export function seedProject(store: Store, project: ProjectFixture, where: string, nowMs = Date.now()): void {
  store.transaction(() => {
    const { projectId } = project;
    const at = (path: string) => (where ? `${where}.${path}` : path);
    guard(at('projectId'), () =>
      store.projects.create(
        projectId,
        project.name,
        project.managementKeys,
        project.createdTime === undefined ? nowMs : project.createdTime * 1000,
      ),
    );
    seedBuiltIns(store, projectId, nowMs);
    seedSessionSettings(store, project, nowMs);

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
      const { settings, ...fields } = tenant;
      const record = { ...blankTenant(tenant.id, tenant.name, nowMs), ...fields };
      guard(at(`tenants[${i}]`), () =>
        store.tenants.insert(projectId, settings ? configureSettings(record, settings) : record),
      );
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
      const record = { viewPermissions: [], editPermissions: [], ...definition };
      guard(at(`customAttributes[${i}]`), () => store.customAttributes.insert(projectId, record));
    });

    // One catalog for the rest: roles, tenants and attribute definitions are all written by now.
    const catalog = store.catalog.forProject(projectId);
    checkDefaultRoles(project, catalog, at);
    withIndexesRebuilt(store.db, project.users.length, () =>
      seedUsers(store, catalog, projectId, project.users, (i) => at(`users[${i}]`), nowMs),
    );
    seedAccessKeys(store, catalog, projectId, project.accessKeys, (i) => at(`accessKeys[${i}]`), nowMs);
  });
}

/**
 * A tenant's `defaultRoles` name roles of its scope, which are seeded after the tenants (a tenant role needs
 * its tenant): checked once every role exists.
 */
function checkDefaultRoles(project: ProjectFixture, catalog: Catalog, at: (path: string) => string): void {
  project.tenants.forEach((tenant, i) => {
    tenant.defaultRoles?.forEach((name, j) => {
      if (!catalog.role(name, tenant.id)) {
        fail(at(`tenants[${i}].defaultRoles[${j}]`), `unknown role "${name}" for tenant "${tenant.id}"`);
      }
    });
  });
}

/** The pinned signing key (checked by the fixture schema) and the token lifetimes, when the fixture sets them. */
function seedSessionSettings(store: Store, project: ProjectFixture, nowMs: number): void {
  const { projectId, signingKey, sessionTokenTtl, refreshTokenTtl } = project;
  if (signingKey !== undefined) store.signingKeys.save(projectId, parseSigningKey(signingKey), nowMs);
  if (sessionTokenTtl !== undefined || refreshTokenTtl !== undefined) {
    store.projects.setTokenLifetimes(projectId, {
      sessionTokenTtl: sessionTokenTtl ?? null,
      refreshTokenTtl: refreshTokenTtl ?? null,
    });
  }
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
    accessKeys: [],
  };
}
