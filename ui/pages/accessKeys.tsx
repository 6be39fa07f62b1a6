import { useState } from 'preact/hooks';
import { mgmt } from '../api';
import { CopyButton, Dialog, ErrorNote, Field, Form, Section, Select, Table, When } from '../components';
import { countText, DeleteButton, NewButton, useListData } from '../lists';
import type { PageProps } from '../page';
import {
  loadRoles,
  loadTenants,
  NamePicker,
  objectText,
  parseObject,
  splitList,
  Tags,
  TextArea,
  useAction,
  type WireRole,
  type WireTenant,
} from '../pickers';

interface KeyTenant {
  tenantId: string;
  roleNames: string[];
  tenantName?: string;
}

interface WireAccessKey {
  id: string;
  name: string;
  roleNames: string[];
  keyTenants: KeyTenant[];
  status: 'active' | 'inactive';
  createdTime: number;
  expireTime: number;
  createdBy: string;
  clientId: string;
  boundUserId: string;
  customClaims: Record<string, unknown>;
  description: string;
  permittedIps: string[];
}

/**
 * The project's access keys (`/v1/mgmt/accesskey/…`): browse, create (the cleartext shown once, to copy),
 * edit, activate or deactivate, delete.
 */
export function AccessKeysPage(props: PageProps) {
  const { project } = props;
  const { data, changed } = useListData(props, async () => {
    const [keys, roles, tenants] = await Promise.all([
      mgmt<{ keys: WireAccessKey[] }>(project, '/v1/mgmt/accesskey/search', {}).then((answer) => answer.keys),
      loadRoles(project),
      loadTenants(project),
    ]);
    return { keys, roles, tenants };
  });
  const [editing, setEditing] = useState<WireAccessKey | 'new'>();
  const [created, setCreated] = useState<{ name: string; cleartext: string }>();
  const action = useAction(changed);
  const keys = data.value?.keys ?? [];

  return (
    <Section
      title="Access keys"
      actions={<NewButton label="New access key" onClick={() => setEditing('new')} />}
    >
      <p class="muted">{countText(!!data.value, 'access key', keys.length)}</p>
      <ErrorNote error={data.error} />
      {action.note}
      {data.value && (
        <Table<WireAccessKey>
          label="Access keys"
          rows={keys}
          rowKey={(key) => key.id}
          onOpen={setEditing}
          empty="No access keys yet."
          columns={[
            {
              title: 'Name',
              cell: (key) => (
                <>
                  {key.name}
                  <br />
                  <code class="muted">{key.id}</code>
                </>
              ),
            },
            {
              title: 'Status',
              cell: (key) => <span class={`badge ${statusClass(key)}`}>{statusText(key)}</span>,
            },
            { title: 'Roles', cell: (key) => <Tags names={key.roleNames} /> },
            {
              title: 'Tenant roles',
              cell: (key) => (
                <Tags
                  names={key.keyTenants.map(
                    (tenant) =>
                      `${tenant.tenantName || tenant.tenantId}${tenant.roleNames.length ? `: ${tenant.roleNames.join(', ')}` : ''}`,
                  )}
                />
              ),
            },
            { title: 'Expires', class: 'nowrap', cell: (key) => <When value={key.expireTime} /> },
            { title: 'Created', class: 'nowrap', cell: (key) => <When value={key.createdTime} /> },
            {
              title: 'Actions',
              cell: (key) => (
                <div class="row-actions">
                  <button
                    type="button"
                    class="small"
                    aria-label={`${key.status === 'active' ? 'Deactivate' : 'Activate'} ${key.name}`}
                    onClick={action.run(() =>
                      mgmt(
                        project,
                        `/v1/mgmt/accesskey/${key.status === 'active' ? 'deactivate' : 'activate'}`,
                        { id: key.id },
                      ),
                    )}
                  >
                    {key.status === 'active' ? 'Deactivate' : 'Activate'}
                  </button>
                  <DeleteButton
                    name={key.name}
                    question={`Delete the access key ${key.name} (${key.id})? It stops working at once.`}
                    run={action.run}
                    remove={() => mgmt(project, '/v1/mgmt/accesskey/delete', { id: key.id })}
                  />
                </div>
              ),
            },
          ]}
        />
      )}
      {editing && data.value && (
        <AccessKeyDialog
          accessKey={editing === 'new' ? undefined : editing}
          roles={data.value.roles}
          tenants={data.value.tenants}
          save={async (body) => {
            if (editing !== 'new') {
              await mgmt(project, '/v1/mgmt/accesskey/update', { ...body, id: editing.id });
              return;
            }
            const answer = await mgmt<{ key: WireAccessKey; cleartext: string }>(
              project,
              '/v1/mgmt/accesskey/create',
              body,
            );
            setCreated({ name: answer.key.name, cleartext: answer.cleartext });
          }}
          onClose={() => setEditing(undefined)}
          onDone={() => {
            setEditing(undefined);
            changed();
          }}
        />
      )}
      {created && (
        <Dialog title={`Access key ${created.name} created`} onClose={() => setCreated(undefined)}>
          <p>
            Copy the key now: <strong>it is shown only this once</strong>. Descope keeps only its hash.
          </p>
          <div class="secret">
            <input class="mono" readOnly aria-label="Access key cleartext" value={created.cleartext} />
            <CopyButton text={created.cleartext} />
          </div>
          <div class="form-actions">
            <button type="button" class="primary" onClick={() => setCreated(undefined)}>
              Done
            </button>
          </div>
        </Dialog>
      )}
    </Section>
  );
}

const expired = (key: WireAccessKey) => key.expireTime !== 0 && key.expireTime * 1000 <= Date.now();
const statusText = (key: WireAccessKey) => (expired(key) ? 'expired' : key.status);
const statusClass = (key: WireAccessKey) => (expired(key) ? 'bad' : key.status === 'active' ? 'ok' : 'warn');

/** Epoch seconds as a `datetime-local` value (local time), '' for never. */
function localInput(seconds: number): string {
  if (!seconds) return '';
  const date = new Date(seconds * 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface KeyBody {
  name: string;
  description: string;
  roleNames: string[];
  keyTenants: { tenantId: string; roleNames: string[] }[];
  permittedIps: string[];
  customClaims: Record<string, unknown>;
  expireTime?: number;
}

function AccessKeyDialog(props: {
  accessKey: WireAccessKey | undefined;
  roles: WireRole[];
  tenants: WireTenant[];
  save: (body: KeyBody) => Promise<void>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { accessKey } = props;
  const [name, setName] = useState(accessKey?.name ?? '');
  const [description, setDescription] = useState(accessKey?.description ?? '');
  const [expires, setExpires] = useState(localInput(accessKey?.expireTime ?? 0));
  const [roleNames, setRoleNames] = useState<string[]>(accessKey?.roleNames ?? []);
  const [keyTenants, setKeyTenants] = useState<KeyTenant[]>(
    accessKey?.keyTenants.map(({ tenantId, roleNames: names }) => ({ tenantId, roleNames: names })) ?? [],
  );
  const [ips, setIps] = useState(accessKey?.permittedIps.join(', ') ?? '');
  const [claims, setClaims] = useState(objectText(accessKey?.customClaims));
  const projectRoles = props.roles.filter((role) => role.tenantId === '').map((role) => role.name);
  const unused = props.tenants.filter(
    (tenant) => !keyTenants.some((chosen) => chosen.tenantId === tenant.id),
  );

  const submit = () => {
    const body: KeyBody = {
      name,
      description,
      roleNames,
      keyTenants,
      permittedIps: splitList(ips),
      customClaims: parseObject('Custom claims', claims),
    };
    if (!accessKey && expires) body.expireTime = Math.floor(new Date(expires).getTime() / 1000);
    return props.save(body);
  };

  return (
    <Dialog
      title={accessKey ? `Access key ${accessKey.name}` : 'New access key'}
      onClose={props.onClose}
      wide
    >
      <Form label={accessKey ? 'Save' : 'Create'} submit={submit} onDone={props.onDone}>
        <div class="row">
          <Field label="Name" value={name} onValue={setName} required autoFocus />
          {accessKey ? (
            <Field
              label="Expires"
              value={accessKey.expireTime ? new Date(accessKey.expireTime * 1000).toLocaleString() : 'never'}
              onValue={() => undefined}
              readOnly
              hint="Fixed when the key is created"
            />
          ) : (
            <Field
              label="Expires"
              type="datetime-local"
              value={expires}
              onValue={setExpires}
              hint="Empty: never"
            />
          )}
        </div>
        <Field label="Description" value={description} onValue={setDescription} />
        <NamePicker
          label="Project roles"
          options={projectRoles}
          value={roleNames}
          onValue={setRoleNames}
          empty="No project roles yet."
        />
        <fieldset class="picker-set">
          <legend>Tenant roles</legend>
          {keyTenants.length === 0 && <span class="muted">Not in any tenant.</span>}
          {keyTenants.map((entry, index) => {
            const tenant = props.tenants.find((one) => one.id === entry.tenantId);
            const offered = props.roles
              .filter((role) => role.tenantId === '' || role.tenantId === entry.tenantId)
              .map((role) => role.name);
            const replace = (next: KeyTenant | undefined) =>
              setKeyTenants(keyTenants.flatMap((old, at) => (at === index ? (next ? [next] : []) : [old])));
            return (
              <div class="key-tenant">
                <NamePicker
                  label={`Roles in ${tenant?.name ?? entry.tenantId}`}
                  options={offered}
                  value={entry.roleNames}
                  onValue={(names) => replace({ ...entry, roleNames: names })}
                />
                <button
                  type="button"
                  class="small"
                  aria-label={`Remove tenant ${tenant?.name ?? entry.tenantId}`}
                  onClick={() => replace(undefined)}
                >
                  Remove
                </button>
              </div>
            );
          })}
          {unused.length > 0 && (
            <Select
              label="Add a tenant"
              value=""
              options={[['', 'Pick a tenant…'], ...unused.map((tenant) => [tenant.id, tenant.name] as const)]}
              onValue={(tenantId) => tenantId && setKeyTenants([...keyTenants, { tenantId, roleNames: [] }])}
            />
          )}
        </fieldset>
        <Field
          label="Permitted IPs"
          value={ips}
          onValue={setIps}
          placeholder="10.0.0.1, 192.168.0.0/16"
          hint="Comma-separated addresses or CIDR ranges; empty: any"
        />
        <TextArea
          label="Custom claims (JSON object)"
          value={claims}
          onValue={setClaims}
          placeholder={'{"team": "billing"}'}
        />
        {accessKey && (
          <small class="muted">
            ID {accessKey.id}, client ID {accessKey.clientId}
            {accessKey.boundUserId ? `, bound to user ${accessKey.boundUserId}` : ''}
          </small>
        )}
      </Form>
    </Dialog>
  );
}
