import { useState } from 'preact/hooks';
import { mgmt } from '../api';
import { Dialog, ErrorNote, Field, Form, Section, Table } from '../components';
import { countText, DeleteButton, FilterBar, NewButton, useFilter, useListData } from '../lists';
import type { PageProps } from '../page';
import { loadPermissions, loadRoles, plural, Tags, useAction, type WirePermission } from '../pickers';

/** What the question before a delete adds: the roles that stop granting the permission. */
const alsoLost = (roles: readonly string[]) =>
  roles.length > 0 ? ` ${plural(roles.length, 'role')} will stop granting it.` : '';

/**
 * The project's permissions (`/v1/mgmt/permission/…`) with the roles granting each; create, rename, describe,
 * delete. A rename or delete follows through to the roles (the mock does it, as Descope does).
 */
export function PermissionsPage(props: PageProps) {
  const { project } = props;
  const { data, changed } = useListData(props, async () => {
    const [permissions, roles] = await Promise.all([loadPermissions(project), loadRoles(project)]);
    return { permissions, roles };
  });
  const [editing, setEditing] = useState<WirePermission | 'new'>();
  const action = useAction(changed);
  const permissions = data.value?.permissions ?? [];
  const grantedBy = (name: string) =>
    (data.value?.roles ?? []).filter((role) => role.permissionNames.includes(name)).map((role) => role.name);
  const { filter, setFilter, shown } = useFilter(permissions, (permission) => [
    permission.name,
    permission.description,
  ]);

  return (
    <Section
      title="Permissions"
      actions={<NewButton label="New permission" onClick={() => setEditing('new')} />}
    >
      <FilterBar
        filter={filter}
        onFilter={setFilter}
        placeholder="name or description"
        count={countText(!!data.value, 'permission', shown.length, permissions.length)}
      />
      <ErrorNote error={data.error} />
      {action.note}
      {data.value && (
        <Table<WirePermission>
          label="Permissions"
          rows={shown}
          rowKey={(permission) => permission.id}
          onOpen={setEditing}
          empty={permissions.length === 0 ? 'No permissions yet.' : 'No permission matches the filter.'}
          columns={[
            {
              title: 'Name',
              cell: (permission) => (
                <>
                  {permission.name} {permission.systemDefault && <span class="badge">system default</span>}
                </>
              ),
            },
            {
              title: 'Description',
              cell: (permission) => permission.description || <span class="muted">—</span>,
            },
            { title: 'Granted by roles', cell: (permission) => <Tags names={grantedBy(permission.name)} /> },
            {
              title: 'Actions',
              cell: (permission) => (
                <div class="row-actions">
                  <DeleteButton
                    name={permission.name}
                    question={`Delete the permission ${permission.name}?${alsoLost(grantedBy(permission.name))}`}
                    run={action.run}
                    remove={() => mgmt(project, '/v1/mgmt/permission/delete', { id: permission.id })}
                  />
                </div>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <PermissionDialog
          permission={editing === 'new' ? undefined : editing}
          save={(body) =>
            editing === 'new'
              ? mgmt(project, '/v1/mgmt/permission/create', body)
              : mgmt(project, '/v1/mgmt/permission/update', {
                  id: editing.id,
                  name: editing.name,
                  newName: body.name,
                  description: body.description,
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

function PermissionDialog(props: {
  permission: WirePermission | undefined;
  save: (body: { name: string; description: string }) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { permission } = props;
  const [name, setName] = useState(permission?.name ?? '');
  const [description, setDescription] = useState(permission?.description ?? '');
  return (
    <Dialog
      title={permission ? `Edit permission ${permission.name}` : 'New permission'}
      onClose={props.onClose}
    >
      <Form
        label={permission ? 'Save' : 'Create'}
        submit={() => props.save({ name, description })}
        onDone={props.onDone}
      >
        <Field label="Name" value={name} onValue={setName} required autoFocus />
        <Field label="Description" value={description} onValue={setDescription} />
        {permission && (
          <small class="muted">ID {permission.id}. A new name follows through to every role.</small>
        )}
      </Form>
    </Dialog>
  );
}
