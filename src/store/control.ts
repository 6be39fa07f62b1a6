import type { AccessKeyRecord } from '../domain/accessKey.js';
import type { AttributeDefinitionRecord } from '../domain/attributeDefinitions.js';
import type { ProviderTokenRecord } from '../domain/credentials.js';
import type { TenantRecord } from '../domain/tenant.js';
import type { UserRecord } from '../domain/user.js';
import type { Db } from './db.js';

/** What `GET /_mock/projects` shows of a project. */
export interface ProjectCounts {
  projectId: string;
  name: string;
  createdTime: number;
  users: number;
  tenants: number;
  roles: number;
  permissions: number;
  customAttributes: number;
  accessKeys: number;
  outbox: number;
}

type ProjectParam = { projectId: string };

/**
 * The control plane's reads of whole projects (snapshots, counts) and the seed each project goes back to on
 * reset. Everything is read in the stable order a snapshot needs (creation order, then ID).
 */
export class ControlStore {
  private readonly projectRow;
  private readonly counts;
  private readonly keys;
  private readonly userDocs;
  private readonly tenantDocs;
  private readonly attributeDocs;
  private readonly accessKeyRows;
  private readonly providerTokenRows;
  private readonly seedOf;
  private readonly seedKeysOf;
  private readonly saveSeed;

  constructor(db: Db) {
    this.projectRow = db.prepare<ProjectParam, { name: string; created_time: number }>(
      'SELECT name, created_time FROM projects WHERE project_id = :projectId',
    );
    const count = (table: string) => `(SELECT COUNT(*) FROM ${table} t WHERE t.project_id = p.project_id)`;
    this.counts = db.prepare<[], ProjectCounts>(
      `SELECT p.project_id AS projectId, p.name, p.created_time AS createdTime,
         ${count('users')} AS users, ${count('tenants')} AS tenants, ${count('roles')} AS roles,
         ${count('permissions')} AS permissions, ${count('custom_attributes')} AS customAttributes,
         ${count('access_keys')} AS accessKeys, ${count('outbox')} AS outbox
       FROM projects p ORDER BY p.created_time, p.project_id`,
    );
    this.keys = db
      .prepare<ProjectParam, string>(
        'SELECT key FROM management_keys WHERE project_id = :projectId AND key IS NOT NULL ORDER BY key',
      )
      .pluck();
    this.userDocs = db
      .prepare<ProjectParam, string>(
        'SELECT doc FROM users WHERE project_id = :projectId ORDER BY created_time, rowid',
      )
      .pluck();
    this.tenantDocs = db
      .prepare<ProjectParam, string>(
        'SELECT doc FROM tenants WHERE project_id = :projectId ORDER BY created_time, rowid',
      )
      .pluck();
    this.attributeDocs = db
      .prepare<ProjectParam, string>(
        'SELECT doc FROM custom_attributes WHERE project_id = :projectId ORDER BY rowid',
      )
      .pluck();
    this.accessKeyRows = db.prepare<ProjectParam, { doc: string; secretHash: string }>(
      `SELECT doc, secret_hash AS secretHash FROM access_keys WHERE project_id = :projectId
       ORDER BY created_time, rowid`,
    );
    this.providerTokenRows = db.prepare<
      ProjectParam & { userId: string },
      Omit<ProviderTokenRecord, 'scopes'> & { scopes: string }
    >(
      `SELECT provider, provider_user_id AS providerUserId, access_token AS accessToken,
         refresh_token AS refreshToken, expiration, scopes
       FROM user_provider_tokens WHERE project_id = :projectId AND user_id = :userId ORDER BY provider`,
    );
    this.seedOf = db
      .prepare<ProjectParam, string>('SELECT fixture FROM project_seeds WHERE project_id = :projectId')
      .pluck();
    this.seedKeysOf = db
      .prepare<ProjectParam, string>(
        "SELECT json_extract(fixture, '$.managementKeys') FROM project_seeds WHERE project_id = :projectId",
      )
      .pluck();
    this.saveSeed = db.prepare(
      `INSERT INTO project_seeds (project_id, fixture) VALUES (:projectId, :fixture)
       ON CONFLICT (project_id) DO UPDATE SET fixture = excluded.fixture`,
    );
  }

  project(projectId: string): { name: string; createdTime: number } | undefined {
    const row = this.projectRow.get({ projectId });
    return row && { name: row.name, createdTime: row.created_time };
  }

  listWithCounts(): ProjectCounts[] {
    return this.counts.all();
  }

  managementKeys(projectId: string): string[] {
    return this.keys.all({ projectId });
  }

  users(projectId: string): UserRecord[] {
    return this.userDocs.all({ projectId }).map((doc) => JSON.parse(doc) as UserRecord);
  }

  tenants(projectId: string): TenantRecord[] {
    return this.tenantDocs.all({ projectId }).map((doc) => JSON.parse(doc) as TenantRecord);
  }

  customAttributes(projectId: string): AttributeDefinitionRecord[] {
    return this.attributeDocs.all({ projectId }).map((doc) => JSON.parse(doc) as AttributeDefinitionRecord);
  }

  /** Every access key with the hash of its secret (a snapshot carries the hash, never a cleartext). */
  accessKeys(projectId: string): { key: AccessKeyRecord; secretHash: string }[] {
    return this.accessKeyRows
      .all({ projectId })
      .map((row) => ({ key: JSON.parse(row.doc) as AccessKeyRecord, secretHash: row.secretHash }));
  }

  /** The user's tokens of every social provider, by provider name. */
  providerTokens(projectId: string, userId: string): ProviderTokenRecord[] {
    return this.providerTokenRows
      .all({ projectId, userId })
      .map((row) => ({ ...row, scopes: JSON.parse(row.scopes) as string[] }));
  }

  /** The fixture the project was seeded from, as JSON text; undefined for a project seeded before seeds were kept. */
  seed(projectId: string): string | undefined {
    return this.seedOf.get({ projectId });
  }

  /** The management keys the project's seed lists, read without parsing the whole (possibly large) seed. */
  seedKeys(projectId: string): string[] | undefined {
    const keys = this.seedKeysOf.get({ projectId });
    return keys === undefined ? undefined : (JSON.parse(keys) as string[]);
  }

  rememberSeed(projectId: string, fixture: unknown): void {
    this.saveSeed.run({ projectId, fixture: JSON.stringify(fixture) });
  }
}
