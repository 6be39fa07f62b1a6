import type { TenantRecord } from '../domain/tenant.js';
import type { Db } from './db.js';
import { mapConstraint } from './errors.js';

/** Tenants: the record as a JSON document; name and parent as indexed columns. */
export class TenantStore {
  private readonly insertRow;
  private readonly byId;

  constructor(db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO tenants (project_id, tenant_id, name, parent, created_time, doc)
       VALUES (:projectId, :tenantId, :name, :parent, :createdTime, :doc)`,
    );
    this.byId = db
      .prepare<{ projectId: string; tenantId: string }, string>(
        'SELECT doc FROM tenants WHERE project_id = :projectId AND tenant_id = :tenantId',
      )
      .pluck();
  }

  insert(projectId: string, tenant: TenantRecord): void {
    mapConstraint(
      (message) =>
        message.includes('tenants.name')
          ? `A tenant named "${tenant.name}" already exists`
          : `Tenant "${tenant.id}" already exists`,
      () =>
        this.insertRow.run({
          projectId,
          tenantId: tenant.id,
          name: tenant.name,
          parent: tenant.parent,
          createdTime: tenant.createdTime,
          doc: JSON.stringify(tenant),
        }),
    );
  }

  find(projectId: string, tenantId: string): TenantRecord | undefined {
    const doc = this.byId.get({ projectId, tenantId });
    return doc === undefined ? undefined : (JSON.parse(doc) as TenantRecord);
  }
}
