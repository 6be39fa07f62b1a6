import { useState } from 'preact/hooks';
import { type ApiError, mgmt } from '../api';
import { Check, Dialog, ErrorNote, Field, Form, JsonView, Section, Select, Table, When } from '../components';
import { useAsync } from '../hooks';
import { countText, FilterBar, NewButton, useFilter, useListData } from '../lists';
import type { PageProps } from '../page';
import {
  Details,
  type Keyed,
  loadRoles,
  loadTenants,
  NamePicker,
  objectText,
  parseObject,
  splitList,
  Tags,
  TextArea,
  type WireTenant,
} from '../pickers';

/** Above this many tenants the page does not ask one user count per tenant. */
const COUNTED_TENANTS = 100;

/**
 * The project's tenants (`/v1/mgmt/tenant/…`): browse with their users' counts, create (ID, parent, domains,
 * custom attributes), edit with the session settings shown, delete with or without cascade.
 */
export function TenantsPage(props: PageProps) {
  const { project } = props;
  const { data, changed } = useListData(props, () => loadTenants(project));
  const [editing, setEditing] = useState<WireTenant | 'new'>();
  const [deleting, setDeleting] = useState<WireTenant>();
  const tenants = data.value ?? [];
  const nameOf = (id: string) => tenants.find((tenant) => tenant.id === id)?.name ?? id;
  const { filter, setFilter, shown } = useFilter(tenants, (tenant) => [
    tenant.name,
    tenant.id,
    ...tenant.selfProvisioningDomains,
  ]);
  const counted = tenants.length <= COUNTED_TENANTS;

  return (
    <Section title="Tenants" actions={<NewButton label="New tenant" onClick={() => setEditing('new')} />}>
      <FilterBar
        filter={filter}
        onFilter={setFilter}
        placeholder="name, ID or domain"
        count={countText(!!data.value, 'tenant', shown.length, tenants.length)}
      />
      <ErrorNote error={data.error} />
      {data.value && (
        <Table<WireTenant>
          label="Tenants"
          rows={shown}
          rowKey={(tenant) => tenant.id}
          onOpen={setEditing}
          empty={tenants.length === 0 ? 'No tenants yet.' : 'No tenant matches the filter.'}
          columns={[
            {
              title: 'Tenant',
              cell: (tenant) => (
                <>
                  {tenant.name} {tenant.disabled && <span class="badge bad">disabled</span>}
                  <br />
                  <code class="muted">{tenant.id}</code>
                </>
              ),
            },
            ...(counted
              ? [
                  {
                    title: 'Users',
                    class: 'num',
                    cell: (tenant: WireTenant) => (
                      <UserCount project={project} tenantId={tenant.id} loaded={data.value} />
                    ),
                  },
                ]
              : []),
            {
              title: 'Parent',
              cell: (tenant) => (tenant.parent ? nameOf(tenant.parent) : <span class="muted">—</span>),
            },
            {
              title: 'Self-provisioning domains',
              cell: (tenant) => <Tags names={tenant.selfProvisioningDomains} />,
            },
            { title: 'Auth', cell: (tenant) => tenant.authType },
            {
              title: 'Custom attributes',
              cell: (tenant) => <Tags names={Object.keys(tenant.customAttributes)} />,
            },
            { title: 'Created', class: 'nowrap', cell: (tenant) => <When value={tenant.createdTime} /> },
            {
              title: 'Actions',
              cell: (tenant) => (
                <div class="row-actions">
                  <button
                    type="button"
                    class="small danger"
                    aria-label={`Delete ${tenant.name}`}
                    onClick={() => setDeleting(tenant)}
                  >
                    Delete
                  </button>
                </div>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <TenantDialog
          project={project}
          tenant={editing === 'new' ? undefined : editing}
          tenants={tenants}
          onClose={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            changed();
          }}
        />
      )}
      {deleting && (
        <Dialog title={`Delete tenant ${deleting.name}`} onClose={() => setDeleting(undefined)}>
          <DeleteTenant
            project={project}
            tenant={deleting}
            onDone={() => {
              setDeleting(undefined);
              changed();
            }}
          />
        </Dialog>
      )}
    </Section>
  );
}

/**
 * The tenant's users, from a user search of one row (its `total` counts every match), asked again each time
 * the list is (`loaded` is the list's answer), so a live change to the users shows too.
 */
function UserCount(props: { project: Keyed; tenantId: string; loaded: unknown }) {
  const { project, tenantId } = props;
  const count = useAsync(
    () =>
      mgmt<{ total: number }>(project, '/v2/mgmt/user/search', { tenantIds: [tenantId], limit: 1 }).then(
        (answer) => answer.total,
      ),
    [project.projectId, tenantId, props.loaded],
  );
  if (count.error) return <span title={(count.error as ApiError).message}>?</span>;
  return <>{count.value === undefined ? '…' : count.value.toLocaleString()}</>;
}

function DeleteTenant(props: { project: Keyed; tenant: WireTenant; onDone: () => void }) {
  const [cascade, setCascade] = useState(false);
  return (
    <Form
      label="Delete"
      danger
      submit={() => mgmt(props.project, '/v1/mgmt/tenant/delete', { id: props.tenant.id, cascade })}
      onDone={props.onDone}
    >
      <p>
        The tenant <strong>{props.tenant.name}</strong> (<code>{props.tenant.id}</code>), its roles and its
        users' memberships are deleted.
      </p>
      <Check
        label="Cascade: also delete the users who belong to this tenant only, its access keys and its child tenants"
        checked={cascade}
        onValue={setCascade}
      />
    </Form>
  );
}

function TenantDialog(props: {
  project: Keyed;
  tenant: WireTenant | undefined;
  tenants: WireTenant[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { project, tenant } = props;
  const [name, setName] = useState(tenant?.name ?? '');
  const [id, setId] = useState('');
  const [parent, setParent] = useState('');
  const [domains, setDomains] = useState(tenant?.selfProvisioningDomains.join(', ') ?? '');
  const [attributes, setAttributes] = useState(objectText(tenant?.customAttributes));
  const [disabled, setDisabled] = useState(tenant?.disabled ?? false);
  const [enforceSSO, setEnforceSSO] = useState(tenant?.enforceSSO ?? false);
  const [defaultRoles, setDefaultRoles] = useState<string[]>(tenant?.defaultRoles ?? []);
  // The roles a tenant's users can be given by default: the project's and the tenant's own.
  const roles = useAsync(
    () => (tenant ? loadRoles(project) : Promise.resolve([])),
    [project.projectId, tenant?.id],
  );
  const offered = (roles.value ?? [])
    .filter((role) => role.tenantId === '' || role.tenantId === tenant?.id)
    .map((role) => role.name);

  const submit = async () => {
    const fields = {
      name,
      selfProvisioningDomains: splitList(domains),
      customAttributes: parseObject('Custom attributes', attributes),
    };
    if (!tenant) {
      return mgmt(project, '/v1/mgmt/tenant/create', {
        ...fields,
        ...(id.trim() ? { id: id.trim() } : {}),
        ...(parent ? { parent } : {}),
      });
    }
    // tenant/update overrides every field it carries: what the dialog does not edit is sent back as loaded.
    await mgmt(project, '/v1/mgmt/tenant/update', {
      id: tenant.id,
      ...fields,
      disabled,
      enforceSSO,
      enforceSSOExclusions: tenant.enforceSSOExclusions,
      federatedAppIds: tenant.federatedAppIds,
      roleInheritance: tenant.roleInheritance,
    });
    // Default roles have their own call, made only when they changed.
    if (defaultRoles.join('\n') !== tenant.defaultRoles.join('\n')) {
      await mgmt(project, '/v1/mgmt/tenant/updateDefaultRoles', { id: tenant.id, defaultRoles });
    }
  };

  return (
    <Dialog title={tenant ? `Tenant ${tenant.name}` : 'New tenant'} onClose={props.onClose} wide>
      <Form label={tenant ? 'Save' : 'Create'} submit={submit} onDone={props.onDone}>
        <div class="row">
          <Field label="Name" value={name} onValue={setName} required autoFocus />
          {!tenant && (
            <Field label="Tenant ID" value={id} onValue={setId} placeholder="made up when empty (T2…)" />
          )}
          {!tenant && (
            <Select
              label="Parent tenant"
              value={parent}
              options={[['', '(none)'], ...props.tenants.map((other) => [other.id, other.name] as const)]}
              onValue={setParent}
            />
          )}
        </div>
        <Field
          label="Self-provisioning domains"
          value={domains}
          onValue={setDomains}
          placeholder="example.com, example.org"
          hint="Comma-separated"
        />
        <TextArea
          label="Custom attributes (JSON object)"
          value={attributes}
          onValue={setAttributes}
          placeholder={'{"plan": "pro"}'}
          hint="Kept as given: the mock keeps no tenant attribute definitions."
        />
        {tenant && (
          <NamePicker
            label="Default roles (given to users who join)"
            options={offered}
            value={defaultRoles}
            onValue={setDefaultRoles}
            empty={roles.loading ? 'Loading…' : 'No roles yet.'}
          />
        )}
        <ErrorNote error={roles.error} />
        {tenant && (
          <div class="row">
            <Check label="Disabled" checked={disabled} onValue={setDisabled} />
            <Check label="Enforce SSO" checked={enforceSSO} onValue={setEnforceSSO} />
          </div>
        )}
      </Form>
      {tenant && <TenantFacts project={project} tenant={tenant} tenants={props.tenants} />}
    </Dialog>
  );
}

/** What the dialog does not edit: the hierarchy, default roles, SSO domains and the session settings. */
function TenantFacts(props: { project: Keyed; tenant: WireTenant; tenants: WireTenant[] }) {
  const { project, tenant } = props;
  const settings = useAsync(
    () => mgmt(project, `/v1/mgmt/tenant/settings?id=${encodeURIComponent(tenant.id)}`),
    [project.projectId, tenant.id],
  );
  const nameOf = (id: string) => props.tenants.find((other) => other.id === id)?.name ?? id;
  return (
    <section class="tenant-facts" aria-label="Tenant details">
      <h3>Details</h3>
      <Details
        rows={[
          ['ID', <code>{tenant.id}</code>],
          ['Parent', tenant.parent ? nameOf(tenant.parent) : '—'],
          ['Child tenants', <Tags names={tenant.successors.map(nameOf)} />],
          ['Default roles', <Tags names={tenant.defaultRoles} />],
          ['Auth type', tenant.authType],
          ['SSO domains', <Tags names={tenant.domains} />],
          ['Role inheritance', tenant.roleInheritance || '—'],
          ['Created', <When value={tenant.createdTime} />],
        ]}
      />
      <h3>Session settings</h3>
      <ErrorNote error={settings.error} />
      {settings.value ? (
        <JsonView value={settings.value} label="Tenant settings" />
      ) : (
        <p class="muted">Loading…</p>
      )}
    </section>
  );
}
