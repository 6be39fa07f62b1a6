import type { Catalog, CatalogRole, CatalogTenant, CustomAttributeDefinition } from '../domain/catalog.js';
import type { Db } from './db.js';

interface TenantRow {
  id: string;
  name: string;
  /** JSON arrays: the tenant's `defaultRoles`, and the names of its own roles marked default. */
  defaultRoles: string | null;
  defaultTenantRoles: string;
}

const tenantOf = (row: TenantRow | undefined): CatalogTenant | undefined =>
  row && {
    id: row.id,
    name: row.name,
    defaultRoles: [
      ...new Set([
        ...(JSON.parse(row.defaultRoles ?? '[]') as string[]),
        ...(JSON.parse(row.defaultTenantRoles) as string[]),
      ]),
    ],
  };

interface RoleRow {
  name: string;
  tenant_id: string;
  permission_names: string;
}

/** Read access to a project's roles, tenants, attribute definitions and SSO apps, for the domain rules. */
export class CatalogStore {
  private readonly tenantById;
  private readonly roleByName;
  private readonly attributeByName;
  private readonly ssoAppById;

  constructor(db: Db) {
    this.tenantById = db.prepare<{ projectId: string; tenantId: string }, TenantRow>(
      `SELECT t.tenant_id AS id, t.name, json_extract(t.doc, '$.defaultRoles') AS defaultRoles,
         (SELECT json_group_array(r.name) FROM roles r
          WHERE r.project_id = t.project_id AND r.tenant_id = t.tenant_id AND r.is_default = 1) AS defaultTenantRoles
       FROM tenants t WHERE t.project_id = :projectId AND t.tenant_id = :tenantId`,
    );
    this.roleByName = db.prepare<{ projectId: string; tenantId: string; name: string }, RoleRow>(
      'SELECT name, tenant_id, permission_names FROM roles WHERE project_id = :projectId AND tenant_id = :tenantId AND name = :name',
    );
    this.attributeByName = db
      .prepare<{ projectId: string; name: string }, string>(
        'SELECT doc FROM custom_attributes WHERE project_id = :projectId AND name = :name',
      )
      .pluck();
    this.ssoAppById = db
      .prepare<{ projectId: string; appId: string }, number>(
        'SELECT 1 FROM sso_apps WHERE project_id = :projectId AND app_id = :appId',
      )
      .pluck();
  }

  /**
   * The catalog of one project. Answers are memoised for the catalog's life, which is one request: a user
   * list of 100 members of one tenant reads the tenant once.
   */
  forProject(projectId: string): Catalog {
    const tenants = new Map<string, CatalogTenant | undefined>();
    const roles = new Map<string, CatalogRole | undefined>();
    const memo = <K, V>(cache: Map<K, V>, key: K, load: () => V): V => {
      if (!cache.has(key)) cache.set(key, load());
      return cache.get(key) as V;
    };
    const loadRole = (name: string, tenantId: string): CatalogRole | undefined => {
      const row = this.roleByName.get({ projectId, tenantId, name });
      return (
        row && { name: row.name, tenantId: row.tenant_id, permissionNames: JSON.parse(row.permission_names) }
      );
    };
    return {
      tenant: (tenantId) =>
        memo(tenants, tenantId, () => tenantOf(this.tenantById.get({ projectId, tenantId }))),
      role: (name, tenantId = '') =>
        memo(roles, `${tenantId}\u0000${name}`, () =>
          tenantId ? (loadRole(name, tenantId) ?? loadRole(name, '')) : loadRole(name, ''),
        ),
      attribute: (name) => {
        const doc = this.attributeByName.get({ projectId, name });
        return doc === undefined ? undefined : (JSON.parse(doc) as CustomAttributeDefinition);
      },
      ssoApp: (appId) => this.ssoAppById.get({ projectId, appId }) !== undefined,
    };
  }
}
