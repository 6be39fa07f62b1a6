import { useEffect, useState } from 'preact/hooks';
import { mgmt } from '../api';
import { ErrorNote, Pager, Section, Select, Table, When } from '../components';
import { useAsync, useProjectChanges } from '../hooks';
import type { PageProps } from '../page';
import { go, href } from '../route';
import { CreateUserDialog, UserDialog } from './userDialog';
import { loadCatalog, projectRoles, statusTone, type User } from './userWire';

/** Rows a page: a screenful that the server pages, whatever the project's size. */
export const PAGE_SIZE = 50;
/** How long typing pauses before the search runs (one request per pause, not per key). */
const DEBOUNCE_MS = 300;

const STATUS_OPTIONS = [
  ['', 'Any status'],
  ['enabled', 'Enabled'],
  ['disabled', 'Disabled'],
  ['invited', 'Invited'],
] as const;
const TEST_OPTIONS = [
  ['', 'Without test users'],
  ['with', 'With test users'],
  ['only', 'Test users only'],
] as const;

/** The page's state, all in the route's params so a reload or a shared link lands on the same rows. */
interface Filters {
  q: string;
  status: string;
  tenant: string;
  role: string;
  test: string;
  page: number;
}

const filtersOf = (params: URLSearchParams): Filters => ({
  q: params.get('q') ?? '',
  status: params.get('status') ?? '',
  tenant: params.get('tenant') ?? '',
  role: params.get('role') ?? '',
  test: params.get('test') ?? '',
  page: Math.max(0, Number(params.get('page') ?? 0) || 0),
});

/** The `user/search` body of a page of the table (the bench measures these very bodies). */
export function searchBody(filters: Filters) {
  return {
    ...(filters.q ? { text: filters.q } : {}),
    ...(filters.status ? { statuses: [filters.status] } : {}),
    ...(filters.tenant ? { tenantIds: [filters.tenant] } : {}),
    ...(filters.role ? { roleNames: [filters.role] } : {}),
    ...(filters.test === 'with' ? { withTestUser: true } : {}),
    ...(filters.test === 'only' ? { withTestUser: true, testUsersOnly: true } : {}),
    page: filters.page,
    limit: PAGE_SIZE,
  };
}

interface Login {
  userId: string;
  loginTime: number;
}

/**
 * The project's users, paged by the server (`/v2/mgmt/user/search`), with its filters; a row opens the
 * user to edit, a button creates one. Live: a change made by an SDK shows within a second.
 */
export function UsersPage(props: PageProps) {
  const { project, route, reloadProjects } = props;
  const filters = filtersOf(route.params);
  const [text, setText] = useState(filters.q);
  const [openId, setOpenId] = useState<string>();
  const [creating, setCreating] = useState(false);

  const setFilters = (change: Partial<Filters>) => {
    const next = { ...filters, page: 0, ...change };
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(next)) if (value && value !== 0) params[key] = String(value);
    go(href(project.projectId, 'users', params), true);
  };

  // The route changed by other means (back, a link): the search box shows its text.
  useEffect(() => setText(filters.q), [filters.q]);
  // The search box writes the route only when typing pauses.
  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => setFilters({ q: text }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const body = searchBody(filters);
  const result = useAsync(async () => {
    const found = await mgmt<{ users: User[]; total: number }>(project, '/v2/mgmt/user/search', body);
    // The last sign-in of the page's users, in one call (Descope keeps it in the login history).
    const userIds = found.users.map((user) => user.userId);
    const history =
      userIds.length === 0
        ? { usersAuthHistory: [] }
        : await mgmt<{ usersAuthHistory: Login[] }>(project, '/v2/mgmt/user/history', { userIds });
    const lastLogin = new Map<string, number>();
    for (const login of history.usersAuthHistory)
      lastLogin.set(login.userId, Math.max(lastLogin.get(login.userId) ?? 0, login.loginTime));
    return { ...found, lastLogin };
  }, [project.projectId, JSON.stringify(body)]);
  const catalog = useAsync(() => loadCatalog(project), [project.projectId]);
  const reload = () => {
    result.reload();
    catalog.reload();
  };
  useProjectChanges(project.projectId, reload);

  const users = result.value?.users ?? [];
  const total = result.value?.total ?? 0;
  const open = users.find((user) => user.userId === openId);
  // The open user left this page (deleted elsewhere, or out of the filters now): its dialog closes.
  useEffect(() => {
    if (openId !== undefined && result.value && !open) setOpenId(undefined);
  }, [openId, result.value, open]);
  const roles = catalog.value?.roles ?? [];
  const tenants = catalog.value?.tenants ?? [];
  const afterChange = () => {
    reload();
    reloadProjects();
  };

  return (
    <Section
      title="Users"
      actions={
        <button type="button" class="primary" onClick={() => setCreating(true)}>
          Create user
        </button>
      }
    >
      <search class="toolbar users-filters">
        <label class="field users-search">
          <span>Search</span>
          <input
            type="search"
            value={text}
            placeholder="name, email, phone, login ID…"
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </label>
        <Select
          label="Status"
          value={filters.status}
          options={STATUS_OPTIONS}
          onValue={(status) => setFilters({ status })}
        />
        <Select
          label="Tenant"
          value={filters.tenant}
          options={[
            ['', 'Any tenant'],
            ...tenants.map((tenant) => [tenant.id, tenant.name || tenant.id] as const),
          ]}
          onValue={(tenant) => setFilters({ tenant })}
        />
        <Select
          label="Role"
          value={filters.role}
          options={[['', 'Any role'], ...projectRoles(roles).map((role) => [role.name, role.name] as const)]}
          onValue={(role) => setFilters({ role })}
        />
        <Select
          label="Test users"
          value={filters.test}
          options={TEST_OPTIONS}
          onValue={(test) => setFilters({ test })}
        />
      </search>
      <ErrorNote error={result.error} />
      <ErrorNote error={catalog.error} />
      <p class="muted" aria-live="polite">
        {result.value === undefined
          ? 'Loading…'
          : `${total.toLocaleString()} ${total === 1 ? 'user' : 'users'}`}
      </p>
      {result.value !== undefined && (
        <Table<User>
          label="Users"
          rows={users}
          rowKey={(user) => user.userId}
          onOpen={(user) => setOpenId(user.userId)}
          empty={
            Object.keys(body).length > 2 ? 'No user matches these filters.' : 'No users yet: create one.'
          }
          columns={[
            {
              title: 'User',
              cell: (user) => (
                <>
                  {user.name || <span class="muted">(no name)</span>}
                  {user.test && <span class="badge"> test</span>}
                  <br />
                  <span class="muted mono">{user.loginIds.join(', ')}</span>
                </>
              ),
            },
            { title: 'Email', cell: (user) => user.email },
            { title: 'Phone', class: 'nowrap', cell: (user) => user.phone },
            {
              title: 'Status',
              cell: (user) => <span class={`badge ${statusTone(user.status)}`}>{user.status}</span>,
            },
            {
              title: 'Roles',
              cell: (user) => (
                <span class="tags">
                  {user.roleNames.map((role) => (
                    <span class="badge">{role}</span>
                  ))}
                </span>
              ),
            },
            {
              title: 'Tenants',
              cell: (user) => (
                <span class="tags">
                  {user.userTenants.map((tenant) => (
                    <span class="badge" title={tenant.roleNames.join(', ')}>
                      {tenant.tenantName || tenant.tenantId}
                      {tenant.roleNames.length > 0 && `: ${tenant.roleNames.join(', ')}`}
                    </span>
                  ))}
                </span>
              ),
            },
            { title: 'Created', class: 'nowrap', cell: (user) => <When value={user.createdTime} /> },
            {
              title: 'Last login',
              class: 'nowrap',
              cell: (user) => <When value={result.value?.lastLogin.get(user.userId)} />,
            },
          ]}
        />
      )}
      {total > PAGE_SIZE && (
        <Pager page={filters.page} size={PAGE_SIZE} total={total} onPage={(page) => setFilters({ page })} />
      )}
      {open && catalog.value && (
        <UserDialog
          project={project}
          user={open}
          catalog={catalog.value}
          onChanged={afterChange}
          onClose={() => setOpenId(undefined)}
        />
      )}
      {creating && catalog.value && (
        <CreateUserDialog
          project={project}
          catalog={catalog.value}
          onClose={() => setCreating(false)}
          onDone={(user) => {
            setCreating(false);
            afterChange();
            // Show the new user whatever the filters: search for its login ID.
            setText(user.loginIds[0] ?? '');
            setFilters({
              q: user.loginIds[0] ?? '',
              status: '',
              tenant: '',
              role: '',
              test: user.test ? 'only' : '',
            });
            setOpenId(undefined);
          }}
        />
      )}
    </Section>
  );
}
