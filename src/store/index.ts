import { CatalogStore } from './catalog.js';
import { CustomAttributeStore } from './customAttributes.js';
import { type Db, openDb } from './db.js';
import { OutboxStore } from './outbox.js';
import { ProjectStore } from './projects.js';
import { RoleStore } from './roles.js';
import { TenantStore } from './tenants.js';
import { UserStore } from './users.js';

/**
 * Every table of the mock behind one object. Statements are prepared once, here; a request runs its reads
 * and writes inside one `transaction()`, synchronously, so a failure leaves nothing half-written.
 */
export class Store {
  readonly projects: ProjectStore;
  readonly users: UserStore;
  readonly catalog: CatalogStore;
  readonly tenants: TenantStore;
  readonly roles: RoleStore;
  readonly customAttributes: CustomAttributeStore;
  readonly outbox: OutboxStore;

  constructor(readonly db: Db) {
    this.projects = new ProjectStore(db);
    this.users = new UserStore(db);
    this.catalog = new CatalogStore(db);
    this.tenants = new TenantStore(db);
    this.roles = new RoleStore(db);
    this.customAttributes = new CustomAttributeStore(db);
    this.outbox = new OutboxStore(db);
  }

  /** Runs `fn` in one SQLite transaction (IMMEDIATE, so two writers never deadlock on a file database). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

export function openStore(path: string): Store {
  return new Store(openDb(path));
}
