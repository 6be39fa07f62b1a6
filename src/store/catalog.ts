import type { Catalog, CatalogRole, CatalogTenant, CustomAttributeDefinition } from '../domain/catalog.js';
import type { Db } from './db.js';

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
    this.tenantById = db.prepare<{ projectId: string; tenantId: string }, { id: string; name: string }>(
      'SELECT tenant_id AS id, name FROM tenants WHERE project_id = :projectId AND tenant_id = :tenantId',
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
      tenant: (tenantId) => memo(tenants, tenantId, () => this.tenantById.get({ projectId, tenantId })),
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
