import type { Catalog } from '../domain/catalog.js';
import { DescopeError } from '../errors.js';
import { FixtureError } from '../fixtures.js';

/**
 * Errors of the seeding code name the path inside the fixture (`projects[0].users[3].roleNames[1]`), which the
 * API's own messages cannot.
 */
export function fail(path: string, message: string): never {
  throw new FixtureError(`${path}: ${message}`);
}

/** Rewrites a domain error raised while seeding one item as a fixture error naming that item. */
export function guard<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof DescopeError) throw new FixtureError(`${path}: ${error.message}`);
    throw error;
  }
}

/** The references of a membership list (`userTenants`, `keyTenants`): each tenant, and each role in its scope. */
export function checkMemberships(
  memberships: readonly { tenantId: string; roleNames: readonly string[] }[],
  catalog: Catalog,
  path: string,
): void {
  memberships.forEach(({ tenantId, roleNames }, j) => {
    if (!catalog.tenant(tenantId)) fail(`${path}[${j}].tenantId`, `unknown tenant "${tenantId}"`);
    roleNames.forEach((name, k) => {
      if (!catalog.role(name, tenantId)) {
        fail(`${path}[${j}].roleNames[${k}]`, `unknown role "${name}" for tenant "${tenantId}"`);
      }
    });
  });
}

/** Project roles named by `roleNames`. */
export function checkProjectRoles(roleNames: readonly string[], catalog: Catalog, path: string): void {
  roleNames.forEach((name, j) => {
    if (!catalog.role(name)) fail(`${path}[${j}]`, `unknown role "${name}"`);
  });
}
