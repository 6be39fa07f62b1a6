import { AccessKeyStore } from './accessKeys.js';
import { AuditStore } from './audit.js';
import { AuthorizationStore } from './authorizations.js';
import { CatalogGeneration, CatalogStore } from './catalog.js';
import { ControlStore } from './control.js';
import { CredentialStore } from './credentials.js';
import { CustomAttributeStore } from './customAttributes.js';
import { type Db, openDb } from './db.js';
import { DescoperStore } from './descopers.js';
import { EngineStore } from './engines.js';
import { GroupStore } from './groups.js';
import { InboundAppStore } from './inboundApps.js';
import { JwtTemplateStore } from './jwtTemplates.js';
import { ListStore } from './lists.js';
import { ManagementKeyStore } from './managementKeys.js';
import { OutboundAppStore } from './outboundApps.js';
import { OutboxStore } from './outbox.js';
import { PasswordSettingsStore } from './passwordSettings.js';
import { ProjectConfigStore } from './projectConfig.js';
import { ProjectStore } from './projects.js';
import { RelationStore } from './relations.js';
import { RoleStore } from './roles.js';
import { ScopeClaimMappingStore } from './scopeClaimMappings.js';
import { SessionStore } from './sessions.js';
import { SigningKeyStore } from './signingKeys.js';
import { SsoApplicationStore } from './ssoApplications.js';
import { SsoSettingsStore } from './ssoSettings.js';
import { TenantStore } from './tenants.js';
import { UserSearchStore } from './userSearch.js';
import { UserStore } from './users.js';

/**
 * Every table of the mock behind one object. Statements are prepared once, here; a request runs its reads
 * and writes inside one `transaction()`, synchronously, so a failure leaves nothing half-written.
 */
export class Store {
  readonly projects: ProjectStore;
  readonly users: UserStore;
  readonly userSearch: UserSearchStore;
  readonly catalog: CatalogStore;
  readonly tenants: TenantStore;
  readonly roles: RoleStore;
  readonly accessKeys: AccessKeyStore;
  readonly customAttributes: CustomAttributeStore;
  readonly outbox: OutboxStore;
  readonly control: ControlStore;
  readonly credentials: CredentialStore;
  readonly sessions: SessionStore;
  readonly signingKeys: SigningKeyStore;
  readonly authorizations: AuthorizationStore;
  readonly passwordSettings: PasswordSettingsStore;
  readonly lists: ListStore;
  readonly jwtTemplates: JwtTemplateStore;
  readonly scopeClaimMappings: ScopeClaimMappingStore;
  readonly outboundApps: OutboundAppStore;
  readonly inboundApps: InboundAppStore;
  readonly ssoApplications: SsoApplicationStore;
  readonly ssoSettings: SsoSettingsStore;
  readonly audit: AuditStore;
  readonly relations: RelationStore;
  readonly managementKeys: ManagementKeyStore;
  readonly descopers: DescoperStore;
  readonly engines: EngineStore;
  readonly groups: GroupStore;
  readonly projectConfig: ProjectConfigStore;

  /** One transaction wrapper for every request: building one per call costs more than a small write. */
  private readonly runInTransaction: (fn: () => unknown) => unknown;
  /** Bumped by every write a catalog reads from (src/store/catalog.ts). */
  private readonly catalogGeneration = new CatalogGeneration();

  constructor(readonly db: Db) {
    this.runInTransaction = db.transaction((fn: () => unknown) => fn()).immediate;
    const generation = this.catalogGeneration;
    this.projects = new ProjectStore(db, generation);
    this.users = new UserStore(db);
    this.userSearch = new UserSearchStore(db);
    this.catalog = new CatalogStore(db, generation);
    this.tenants = new TenantStore(db, generation);
    this.roles = new RoleStore(db, generation);
    this.accessKeys = new AccessKeyStore(db);
    this.customAttributes = new CustomAttributeStore(db, generation);
    this.outbox = new OutboxStore(db);
    this.control = new ControlStore(db);
    this.credentials = new CredentialStore(db);
    this.sessions = new SessionStore(db);
    this.signingKeys = new SigningKeyStore(db);
    this.authorizations = new AuthorizationStore(db);
    this.passwordSettings = new PasswordSettingsStore(db);
    this.lists = new ListStore(db);
    this.jwtTemplates = new JwtTemplateStore(db);
    this.scopeClaimMappings = new ScopeClaimMappingStore(db);
    this.outboundApps = new OutboundAppStore(db);
    this.inboundApps = new InboundAppStore(db);
    this.ssoApplications = new SsoApplicationStore(db, generation);
    this.ssoSettings = new SsoSettingsStore(db);
    this.audit = new AuditStore(db);
    this.relations = new RelationStore(db);
    this.managementKeys = new ManagementKeyStore(db);
    this.descopers = new DescoperStore(db);
    this.engines = new EngineStore(db);
    this.groups = new GroupStore(db);
    this.projectConfig = new ProjectConfigStore(db);
  }

  /** Runs `fn` in one SQLite transaction (IMMEDIATE, so two writers never deadlock on a file database). */
  transaction<T>(fn: () => T): T {
    const generation = this.catalogGeneration.value;
    try {
      // Nested calls become savepoints, as with a wrapper per call.
      return this.runInTransaction(fn) as T;
    } catch (error) {
      // Rolled back after a catalog write: what a catalog memoised since then came from rows that are gone.
      if (this.catalogGeneration.value !== generation) this.catalogGeneration.bump();
      throw error;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function openStore(path: string): Store {
  return new Store(openDb(path));
}
