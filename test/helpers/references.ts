import type { TestMock } from './mock.js';

/**
 * Every reference held in a project, read straight from the database, and the list of those that point at
 * something gone: a user's or key's role or tenant, a role's permission or tenant, a tenant's parent or
 * default role. Empty when the project is consistent.
 */
export function danglingReferences(mock: TestMock, projectId: string): string[] {
  const db = mock.app.services.store.db;
  const docs = (table: string) =>
    (db.prepare(`SELECT doc FROM ${table} WHERE project_id = ?`).pluck().all(projectId) as string[]).map(
      (doc) => JSON.parse(doc),
    );
  const tenants = new Set(docs('tenants').map((tenant) => tenant.id as string));
  const roles = db
    .prepare('SELECT name, tenant_id, permission_names FROM roles WHERE project_id = ?')
    .all(projectId) as {
    name: string;
    tenant_id: string;
    permission_names: string;
  }[];
  const permissions = new Set(
    db.prepare('SELECT name FROM permissions WHERE project_id = ?').pluck().all(projectId) as string[],
  );
  const roleExists = (name: string, tenantId: string) =>
    roles.some((role) => role.name === name && (role.tenant_id === tenantId || role.tenant_id === ''));

  const problems: string[] = [];
  const checkHolder = (
    what: string,
    roleNames: string[],
    memberships: { tenantId: string; roleNames: string[] }[],
  ) => {
    for (const name of roleNames) if (!roleExists(name, '')) problems.push(`${what}: role "${name}"`);
    for (const membership of memberships) {
      if (!tenants.has(membership.tenantId)) problems.push(`${what}: tenant "${membership.tenantId}"`);
      for (const name of membership.roleNames) {
        if (!roleExists(name, membership.tenantId))
          problems.push(`${what}: role "${name}" in ${membership.tenantId}`);
      }
    }
  };
  for (const user of docs('users')) checkHolder(`user ${user.userId}`, user.roleNames, user.userTenants);
  for (const key of docs('access_keys')) checkHolder(`key ${key.id}`, key.roleNames, key.keyTenants);
  for (const tenant of docs('tenants')) {
    if (tenant.parent && !tenants.has(tenant.parent))
      problems.push(`tenant ${tenant.id}: parent "${tenant.parent}"`);
    checkHolder(
      `tenant ${tenant.id} defaults`,
      [],
      [{ tenantId: tenant.id, roleNames: tenant.defaultRoles }],
    );
  }
  for (const role of roles) {
    if (role.tenant_id && !tenants.has(role.tenant_id))
      problems.push(`role ${role.name}: tenant "${role.tenant_id}"`);
    for (const name of JSON.parse(role.permission_names) as string[]) {
      if (!permissions.has(name)) problems.push(`role ${role.name}: permission "${name}"`);
    }
  }
  // The side tables that index users must agree with the documents.
  const indexedRoles = db
    .prepare(
      `SELECT ur.role_name AS name, ur.tenant_id AS tenantId FROM user_roles ur WHERE ur.project_id = ?
       EXCEPT SELECT r.name, ur2.tenant_id FROM user_roles ur2 JOIN roles r ON r.project_id = ur2.project_id
         AND r.name = ur2.role_name AND (r.tenant_id = ur2.tenant_id OR r.tenant_id = '')
       WHERE ur2.project_id = ?`,
    )
    .all(projectId, projectId) as { name: string; tenantId: string }[];
  for (const row of indexedRoles) problems.push(`user_roles index: role "${row.name}" in "${row.tenantId}"`);
  const indexedTenants = db
    .prepare(
      `SELECT tenant_id FROM user_tenants WHERE project_id = ?
       EXCEPT SELECT tenant_id FROM tenants WHERE project_id = ?`,
    )
    .pluck()
    .all(projectId, projectId) as string[];
  for (const id of indexedTenants) problems.push(`user_tenants index: tenant "${id}"`);
  return problems;
}
