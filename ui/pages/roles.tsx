import { useState } from 'preact/hooks';
import { mgmt } from '../api';
import { Check, Dialog, ErrorNote, Field, Form, Section, Select, Table, When } from '../components';
import { countText, DeleteButton, NewButton, useListData } from '../lists';
import type { PageProps } from '../page';
import {
  loadPermissions,
  loadRoles,
  loadTenants,
  NamePicker,
  Tags,
  useAction,
  type WireRole,
  type WireTenant,
} from '../pickers';
import { go, href } from '../route';

/** The scope filter's values besides a tenant's ID. */
const ALL = '*';
const PROJECT = '';

/**
 * The project's roles, project-wide and tenant-scoped (`/v1/mgmt/role/…`): every role from role/all, one
 * tenant's from role/search; create, edit (a rename follows through to the holders) and delete.
 */
export function RolesPage(props: PageProps) {
  const { project, route } = props;
  const scope = route.params.get('tenant') ?? ALL;
  const { data, changed } = useListData(props, async () => {
    const [roles, tenants, permissions] = await Promise.all([
      scope === ALL || scope === PROJECT
        ? loadRoles(project)
        : mgmt<{ roles: WireRole[] }>(project, '/v1/mgmt/role/search', { tenantIds: [scope] }).then(
            (answer) => answer.roles,
          ),
      loadTenants(project),
      loadPermissions(project),
    ]);
    return {
      roles: scope === PROJECT ? roles.filter((role) => role.tenantId === '') : roles,
      tenants,
      permissions: permissions.map((permission) => permission.name),
    };
  }, [scope]);
  const [editing, setEditing] = useState<WireRole | 'new'>();
  const action = useAction(changed);
  const tenants = data.value?.tenants ?? [];
  const tenantName = (id: string) => tenants.find((tenant) => tenant.id === id)?.name ?? id;
  const roles = data.value?.roles ?? [];

  return (
    <Section title="Roles" actions={<NewButton label="New role" onClick={() => setEditing('new')} />}>
      <div class="toolbar">
        <Select
          label="Scope"
          value={scope}
          options={[
            [ALL, 'Every role'],
            [PROJECT, 'Project roles'],
            ...tenants.map((tenant) => [tenant.id, `Tenant ${tenant.name}`] as const),
          ]}
          onValue={(value) =>
            go(href(project.projectId, 'roles', value === ALL ? {} : { tenant: value }), true)
          }
        />
        <span class="muted">{countText(!!data.value, 'role', roles.length)}</span>
      </div>
      <ErrorNote error={data.error} />
      {action.note}
      {data.value && (
        <Table<WireRole>
          label="Roles"
          rows={roles}
          rowKey={(role) => role.id}
          onOpen={setEditing}
          empty="No roles in this scope yet."
          columns={[
            {
              title: 'Name',
              cell: (role) => (
                <>
                  {role.name} {role.default && <span class="badge ok">default</span>}{' '}
                  {role.private && <span class="badge">private</span>}
                </>
              ),
            },
            {
              title: 'Scope',
              cell: (role) =>
                role.tenantId === '' ? (
                  <span class="muted">project</span>
                ) : (
                  `Tenant ${tenantName(role.tenantId)}`
                ),
            },
            { title: 'Description', cell: (role) => role.description || <span class="muted">—</span> },
            { title: 'Permissions', cell: (role) => <Tags names={role.permissionNames} /> },
            { title: 'Created', class: 'nowrap', cell: (role) => <When value={role.createdTime} /> },
            {
              title: 'Actions',
              cell: (role) => (
                <div class="row-actions">
                  <DeleteButton
                    name={role.name}
                    question={`Delete the role ${role.name}? Its users and access keys lose it.`}
                    run={action.run}
                    remove={() => mgmt(project, '/v1/mgmt/role/delete', { id: role.id })}
                  />
                </div>
              ),
            },
          ]}
        />
      )}
      {editing && data.value && (
        <RoleDialog
          role={editing === 'new' ? undefined : editing}
          tenants={tenants}
          permissions={data.value.permissions}
          initialTenant={scope === ALL ? PROJECT : scope}
          save={(body) =>
            editing === 'new'
              ? mgmt(project, '/v1/mgmt/role/create', body)
              : mgmt(project, '/v1/mgmt/role/update', {
                  ...body,
                  id: editing.id,
                  name: editing.name,
                  tenantId: editing.tenantId,
                  newName: body.name,
                })
          }
          onClose={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            changed();
          }}
        />
      )}
    </Section>
  );
}

interface RoleBody {
  name: string;
  description: string;
  permissionNames: string[];
  tenantId: string;
  default: boolean;
  private: boolean;
}

function RoleDialog(props: {
  role: WireRole | undefined;
  tenants: WireTenant[];
  permissions: string[];
  initialTenant: string;
  save: (body: RoleBody) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { role } = props;
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [permissionNames, setPermissionNames] = useState<string[]>(role?.permissionNames ?? []);
  const [tenantId, setTenantId] = useState(role?.tenantId ?? props.initialTenant);
  const [isDefault, setDefault] = useState(role?.default ?? false);
  const [isPrivate, setPrivate] = useState(role?.private ?? false);
  return (
    <Dialog title={role ? `Edit role ${role.name}` : 'New role'} onClose={props.onClose} wide>
      <Form
        label={role ? 'Save' : 'Create'}
        submit={() =>
          props.save({ name, description, permissionNames, tenantId, default: isDefault, private: isPrivate })
        }
        onDone={props.onDone}
      >
        <div class="row">
          <Field label="Name" value={name} onValue={setName} required autoFocus />
          {role ? (
            <Field
              label="Tenant"
              value={role.tenantId === '' ? '(project role)' : role.tenantId}
              onValue={() => undefined}
              readOnly
              hint="A role's scope is fixed when it is created"
            />
          ) : (
            <Select
              label="Tenant"
              value={tenantId}
              options={[
                [PROJECT, '(project role)'],
                ...props.tenants.map((tenant) => [tenant.id, tenant.name] as const),
              ]}
              onValue={setTenantId}
            />
          )}
        </div>
        <Field label="Description" value={description} onValue={setDescription} />
        <NamePicker
          label="Permissions"
          options={props.permissions}
          value={permissionNames}
          onValue={setPermissionNames}
          empty="No permissions yet: create some on the Permissions page."
        />
        <div class="row">
          <Check label="Default (given to new users)" checked={isDefault} onValue={setDefault} />
          <Check label="Private" checked={isPrivate} onValue={setPrivate} />
        </div>
        {role && (
          <small class="muted">
            ID {role.id}. A new name follows through to every user and key holding it.
          </small>
        )}
      </Form>
    </Dialog>
  );
}
