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
  row &&
  Object.freeze({
    id: row.id,
    name: row.name,
    defaultRoles: Object.freeze([
      ...new Set([
        ...(JSON.parse(row.defaultRoles ?? '[]') as string[]),
        ...(JSON.parse(row.defaultTenantRoles) as string[]),
      ]),
    ]) as string[],
  });

interface RoleRow {
  name: string;
  tenant_id: string;
  permission_names: string;
}

/**
 * Counts the writes of everything a catalog answers from: roles, permissions, tenants, custom attribute
 * definitions, SSO applications and projects (whose delete takes the rest with it). Every store that writes
 * one of those calls `bump()`, and so does a transaction that rolls back after one (src/store/index.ts):
 * whatever a catalog memoised under an older value is stale, and finding that out is one integer compare.
 */
export class CatalogGeneration {
  value = 0;

  bump(): void {
    this.value += 1;
  }
}

/** One project's memoised answers, and the catalog that reads them; shared while the generation holds. */
interface Memo {
  catalog: Catalog;
  tenants: Map<string, CatalogTenant | undefined>;
  roles: Map<string, CatalogRole | undefined>;
  attributes: Map<string, CustomAttributeDefinition | undefined>;
  ssoApps: Map<string, boolean>;
}

/**
 * Past this many answers, a project's memo of that kind starts again: requests naming ever new roles or
 * tenants (each unknown name is remembered as absent) cannot grow the heap without bound.
 */
const MEMO_LIMIT = 100_000;

/**
 * Read access to a project's roles, tenants, attribute definitions and SSO apps, for the domain rules.
 * Answers are memoised across requests, per project, until the next catalog write anywhere (any project:
 * such writes are rare next to the reads of every user answer, which derive `permissions` and `tenantName`
 * from here). A write inside a transaction bumps the generation before any read can see it, and a rollback
 * after one bumps it again, so nothing read from rolled-back rows outlives them. Memoised answers are frozen:
 * the domain reads them and builds new arrays.
 */
export class CatalogStore {
  private readonly tenantById;
  private readonly roleByName;
  private readonly attributeByName;
  private readonly ssoAppById;
  private readonly memos = new Map<string, Memo>();
  /** The generation the memos were filled under. */
  private memosGeneration: number;

  constructor(
    db: Db,
    private readonly generation: CatalogGeneration,
  ) {
    this.memosGeneration = generation.value;
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
   * The catalog of one project. Each answer is checked against the generation when asked, not when the
   * catalog was handed out, so a handler that writes a role and then reads it through the same catalog
   * sees the write.
   */
  forProject(projectId: string): Catalog {
    return this.memoOf(projectId).catalog;
  }

  private catalogOf(projectId: string): Catalog {
    const loadRole = (name: string, tenantId: string): CatalogRole | undefined => {
      const row = this.roleByName.get({ projectId, tenantId, name });
      return (
        row &&
        Object.freeze({
          name: row.name,
          tenantId: row.tenant_id,
          permissionNames: Object.freeze(JSON.parse(row.permission_names)) as string[],
        })
      );
    };
    return {
      tenant: (tenantId) =>
        remember(this.memoOf(projectId).tenants, tenantId, () =>
          tenantOf(this.tenantById.get({ projectId, tenantId })),
        ),
      role: (name, tenantId = '') =>
        remember(this.memoOf(projectId).roles, `${tenantId}\u0000${name}`, () =>
          tenantId ? (loadRole(name, tenantId) ?? loadRole(name, '')) : loadRole(name, ''),
        ),
      attribute: (name) =>
        remember(this.memoOf(projectId).attributes, name, () => {
          const doc = this.attributeByName.get({ projectId, name });
          return doc === undefined ? undefined : deepFreeze(JSON.parse(doc) as CustomAttributeDefinition);
        }),
      ssoApp: (appId) =>
        remember(
          this.memoOf(projectId).ssoApps,
          appId,
          () => this.ssoAppById.get({ projectId, appId }) !== undefined,
        ),
    };
  }

  private memoOf(projectId: string): Memo {
    if (this.memosGeneration !== this.generation.value) {
      // Every project's memo at once: a deleted project's goes too.
      this.memos.clear();
      this.memosGeneration = this.generation.value;
    }
    let memo = this.memos.get(projectId);
    if (memo === undefined) {
      memo = {
        catalog: this.catalogOf(projectId),
        tenants: new Map(),
        roles: new Map(),
        attributes: new Map(),
        ssoApps: new Map(),
      };
      this.memos.set(projectId, memo);
    }
    return memo;
  }
}

function remember<V>(memo: Map<string, V>, key: string, load: () => V): V {
  const known = memo.get(key);
  if (known !== undefined || memo.has(key)) return known as V;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const value = load();
  memo.set(key, value);
  return value;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
