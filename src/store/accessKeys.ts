import type { AccessKeyRecord } from '../domain/accessKey.js';
import type { Db } from './db.js';

type Key = { projectId: string };

/** Access keys: the record as a JSON document, the secret only as its hash. */
export class AccessKeyStore {
  private readonly insertRow;
  private readonly updateRow;
  private readonly updateSecret;
  private readonly deleteRow;
  private readonly byId;
  private readonly all;
  private readonly bySecret;
  private readonly holdingRoleNamed;
  private readonly inAnyTenant;

  constructor(db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO access_keys (project_id, key_id, name, status, bound_user_id, secret_hash, created_time, doc)
       VALUES (:projectId, :keyId, :name, :status, :boundUserId, :secretHash, :createdTime, :doc)`,
    );
    this.updateRow = db.prepare(
      `UPDATE access_keys SET name = :name, status = :status, doc = :doc
       WHERE project_id = :projectId AND key_id = :keyId`,
    );
    this.updateSecret = db.prepare(
      'UPDATE access_keys SET secret_hash = :secretHash WHERE project_id = :projectId AND key_id = :keyId',
    );
    this.deleteRow = db.prepare('DELETE FROM access_keys WHERE project_id = :projectId AND key_id = :keyId');
    this.byId = db
      .prepare<Key & { keyId: string }, string>(
        'SELECT doc FROM access_keys WHERE project_id = :projectId AND key_id = :keyId',
      )
      .pluck();
    this.all = db
      .prepare<Key, string>(
        'SELECT doc FROM access_keys WHERE project_id = :projectId ORDER BY created_time, rowid',
      )
      .pluck();
    this.bySecret = db
      .prepare<Key & { secretHash: string }, string>(
        'SELECT doc FROM access_keys WHERE project_id = :projectId AND secret_hash = :secretHash',
      )
      .pluck();
    // instr() on the document's text first: a cheap test that passes over most keys without parsing them (a
    // JSON string value appears in the text exactly as JSON.stringify writes it), json_each to be exact.
    this.holdingRoleNamed = db
      .prepare<Key & { roleName: string; quoted: string }, string>(
        `SELECT doc FROM access_keys WHERE project_id = :projectId AND instr(doc, :quoted) > 0
           AND (EXISTS (SELECT 1 FROM json_each(doc, '$.roleNames') WHERE value = :roleName)
             OR EXISTS (SELECT 1 FROM json_each(doc, '$.keyTenants') AS membership,
                          json_each(membership.value, '$.roleNames') AS role WHERE role.value = :roleName))
         ORDER BY created_time, rowid`,
      )
      .pluck();
    this.inAnyTenant = db
      .prepare<Key & { tenantIds: string }, string>(
        `SELECT doc FROM access_keys WHERE project_id = :projectId
           AND EXISTS (SELECT 1 FROM json_each(doc, '$.keyTenants') AS membership
                       WHERE json_extract(membership.value, '$.tenantId') IN (SELECT value FROM json_each(:tenantIds)))
         ORDER BY created_time, rowid`,
      )
      .pluck();
  }

  insert(projectId: string, key: AccessKeyRecord, secretHash: string): void {
    this.insertRow.run({
      projectId,
      keyId: key.id,
      name: key.name,
      status: key.status,
      // NULL, not '', for an unbound key: the foreign key to users ignores NULL.
      boundUserId: key.boundUserId === '' ? null : key.boundUserId,
      secretHash,
      createdTime: key.createdTime,
      doc: JSON.stringify(key),
    });
  }

  update(projectId: string, key: AccessKeyRecord): void {
    this.updateRow.run({
      projectId,
      keyId: key.id,
      name: key.name,
      status: key.status,
      doc: JSON.stringify(key),
    });
  }

  /** Replaces the secret (rotate): the old cleartext stops matching. */
  replaceSecret(projectId: string, keyId: string, secretHash: string): void {
    this.updateSecret.run({ projectId, keyId, secretHash });
  }

  delete(projectId: string, keyId: string): boolean {
    return this.deleteRow.run({ projectId, keyId }).changes > 0;
  }

  find(projectId: string, keyId: string): AccessKeyRecord | undefined {
    const doc = this.byId.get({ projectId, keyId });
    return doc === undefined ? undefined : (JSON.parse(doc) as AccessKeyRecord);
  }

  /** The key whose cleartext hashes to `secretHash` (for an exchange, or a test checking a rotation). */
  findBySecretHash(projectId: string, secretHash: string): AccessKeyRecord | undefined {
    const doc = this.bySecret.get({ projectId, secretHash });
    return doc === undefined ? undefined : (JSON.parse(doc) as AccessKeyRecord);
  }

  /** The keys granted the role, project-wide or in a tenant, oldest first (a role rename or delete follows). */
  holdingRole(projectId: string, roleName: string): AccessKeyRecord[] {
    return this.holdingRoleNamed
      .all({ projectId, roleName, quoted: JSON.stringify(roleName) })
      .map((doc) => JSON.parse(doc) as AccessKeyRecord);
  }

  /** The keys that are members of any of the tenants, oldest first (a tenant delete follows through). */
  memberOfAny(projectId: string, tenantIds: Iterable<string>): AccessKeyRecord[] {
    return this.inAnyTenant
      .all({ projectId, tenantIds: JSON.stringify([...tenantIds]) })
      .map((doc) => JSON.parse(doc) as AccessKeyRecord);
  }

  /** Every key of the project, oldest first. */
  list(projectId: string): AccessKeyRecord[] {
    return this.all.all({ projectId }).map((doc) => JSON.parse(doc) as AccessKeyRecord);
  }
}
