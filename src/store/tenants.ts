import type { TenantRecord } from '../domain/tenant.js';
import type { CatalogGeneration } from './catalog.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';

type Key = { projectId: string };

/** Tenants: the record as a JSON document; name and parent as indexed columns. Every write bumps the catalog's generation. */
export class TenantStore {
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteRow;
  private readonly byId;
  private readonly all;
  private readonly withDefaultRoleNamed;
  private readonly childrenOf;
  private readonly subtreeOf;

  constructor(
    db: Db,
    private readonly generation: CatalogGeneration,
  ) {
    this.insertRow = db.prepare(
      `INSERT INTO tenants (project_id, tenant_id, name, parent, created_time, doc)
       VALUES (:projectId, :tenantId, :name, :parent, :createdTime, :doc)`,
    );
    this.updateRow = db.prepare(
      `UPDATE tenants SET name = :name, parent = :parent, doc = :doc
       WHERE project_id = :projectId AND tenant_id = :tenantId`,
    );
    this.deleteRow = db.prepare(
      'DELETE FROM tenants WHERE project_id = :projectId AND tenant_id = :tenantId',
    );
    this.byId = db
      .prepare<Key & { tenantId: string }, string>(
        'SELECT doc FROM tenants WHERE project_id = :projectId AND tenant_id = :tenantId',
      )
      .pluck();
    this.all = db
      .prepare<Key, string>(
        'SELECT doc FROM tenants WHERE project_id = :projectId ORDER BY created_time, rowid',
      )
      .pluck();
    // instr() on the document's text first: a cheap test that passes over most tenants without parsing
    // them (a JSON string value appears in the text exactly as JSON.stringify writes it), json_each to be exact.
    this.withDefaultRoleNamed = db
      .prepare<Key & { roleName: string; quoted: string }, string>(
        `SELECT doc FROM tenants WHERE project_id = :projectId AND instr(doc, :quoted) > 0
           AND EXISTS (SELECT 1 FROM json_each(doc, '$.defaultRoles') WHERE value = :roleName)
         ORDER BY created_time, rowid`,
      )
      .pluck();
    this.childrenOf = db
      .prepare<Key & { parent: string }, string>(
        'SELECT tenant_id FROM tenants WHERE project_id = :projectId AND parent = :parent ORDER BY created_time, rowid',
      )
      .pluck();
    // Level by level through tenants_parent, iteratively (a recursive CTE is a queue, not a call stack), so a
    // chain of any depth is walked in linear time; UNION drops a tenant already reached, so a cycle ends.
    // CROSS JOIN keeps the step's one row outermost: left to itself, SQLite scanned every tenant of the
    // project and probed the step for each.
    this.subtreeOf = db
      .prepare<Key & { tenantId: string }, string>(
        `WITH RECURSIVE tree(id) AS (
           SELECT :tenantId
           UNION SELECT t.tenant_id FROM tree CROSS JOIN tenants t ON t.project_id = :projectId AND t.parent = tree.id)
         SELECT id FROM tree`,
      )
      .pluck();
  }

  insert(projectId: string, tenant: TenantRecord): void {
    this.generation.bump();
    mapConstraint(
      (message) => uniqueness(message, tenant),
      () => this.insertRow.run(this.rowOf(projectId, tenant)),
    );
  }

  update(projectId: string, tenant: TenantRecord): void {
    this.generation.bump();
    mapConstraint(
      (message) => uniqueness(message, tenant),
      () => this.updateRow.run(this.rowOf(projectId, tenant)),
    );
  }

  delete(projectId: string, tenantId: string): boolean {
    this.generation.bump();
    return this.deleteRow.run({ projectId, tenantId }).changes > 0;
  }

  find(projectId: string, tenantId: string): TenantRecord | undefined {
    const doc = this.byId.get({ projectId, tenantId });
    return doc === undefined ? undefined : (JSON.parse(doc) as TenantRecord);
  }

  /** Every tenant of the project, oldest first. */
  list(projectId: string): TenantRecord[] {
    return this.all.all({ projectId }).map((doc) => JSON.parse(doc) as TenantRecord);
  }

  /** The tenants whose `defaultRoles` name the role, oldest first (a role rename or delete follows through). */
  withDefaultRole(projectId: string, roleName: string): TenantRecord[] {
    return this.withDefaultRoleNamed
      .all({ projectId, roleName, quoted: JSON.stringify(roleName) })
      .map((doc) => JSON.parse(doc) as TenantRecord);
  }

  /** The IDs of the tenant's direct children (its `successors`). */
  children(projectId: string, tenantId: string): string[] {
    return this.childrenOf.all({ projectId, parent: tenantId });
  }

  /** The tenant's ID and those of all its descendants, every parent before its children. */
  subtree(projectId: string, tenantId: string): string[] {
    return this.subtreeOf.all({ projectId, tenantId });
  }

  private rowOf(projectId: string, tenant: TenantRecord) {
    return {
      projectId,
      tenantId: tenant.id,
      name: tenant.name,
      parent: tenant.parent,
      createdTime: tenant.createdTime,
      doc: JSON.stringify(tenant),
    };
  }
}

const uniqueness = (message: string, tenant: TenantRecord): string =>
  message.includes('tenants.name')
    ? `A tenant named "${tenant.name}" already exists`
    : `Tenant "${tenant.id}" already exists`;
