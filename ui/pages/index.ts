import type { PageDef } from '../page';
import { AccessKeysPage } from './accessKeys';
import { AttributesPage } from './attributes';
import { AuditPage } from './audit';
import { FaultsPage } from './faults';
import { FgaPage } from './fga';
import { OutboxPage } from './outbox';
import { PermissionsPage } from './permissions';
import { ProjectsPage } from './projects';
import { RequestsPage } from './requests';
import { RolesPage } from './roles';
import { TenantsPage } from './tenants';
import { UsersPage } from './users';

/** The pages in the navigation's order: the projects, then one project's state, then what happens to it. */
export const PAGES: readonly PageDef[] = [
  { id: 'projects', title: 'Projects', component: ProjectsPage },
  { id: 'users', title: 'Users', component: UsersPage },
  { id: 'tenants', title: 'Tenants', component: TenantsPage },
  { id: 'roles', title: 'Roles', component: RolesPage },
  { id: 'permissions', title: 'Permissions', component: PermissionsPage },
  { id: 'access-keys', title: 'Access keys', component: AccessKeysPage },
  { id: 'attributes', title: 'Custom attributes', component: AttributesPage },
  { id: 'requests', title: 'Requests', component: RequestsPage },
  { id: 'outbox', title: 'Outbox', component: OutboxPage },
  { id: 'faults', title: 'Faults', component: FaultsPage },
  { id: 'audit', title: 'Audit', component: AuditPage },
  { id: 'fga', title: 'FGA relations', component: FgaPage },
];
