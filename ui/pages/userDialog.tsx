import { useEffect, useState } from 'preact/hooks';
import { mgmt, type Project } from '../api';
import { Check, confirmed, Dialog, ErrorNote, Field, Form, When } from '../components';
import { SignInAs } from './signInAs';
import { AttributeInputs, type Membership, RolePicker, TenantPicker } from './userFields';
import { type AttributeValue, type Catalog, selectorOf, statusTone, type User } from './userWire';

/**
 * One user: its attributes, roles, tenants and custom attributes to edit (one `user/patch` of what changed,
 * as the SDK's `management.user.patch`), enable or disable, delete, or sign in as.
 */
export function UserDialog(props: {
  project: Project;
  user: User;
  catalog: Catalog;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { project, user, onChanged } = props;
  const [error, setError] = useState<unknown>();
  const act =
    (action: () => Promise<unknown>, after = onChanged) =>
    async () => {
      setError(undefined);
      try {
        await action();
        after();
      } catch (caught) {
        setError(caught);
      }
    };
  const loginId = selectorOf(user);
  const enabled = user.status !== 'disabled';
  return (
    <Dialog title={`User ${user.name || loginId}`} onClose={props.onClose} wide>
      <p class="user-summary">
        <span class={`badge ${statusTone(user.status)}`}>{user.status}</span>{' '}
        {user.test && <span class="badge">test user</span>} <code>{user.userId}</code> · login IDs{' '}
        <code>{user.loginIds.join(', ')}</code> · created <When value={user.createdTime} />
      </p>
      <div class="toolbar">
        <button
          type="button"
          onClick={act(() =>
            mgmt(project, '/v1/mgmt/user/update/status', {
              loginId,
              status: enabled ? 'disabled' : 'enabled',
            }),
          )}
        >
          {enabled ? 'Disable' : 'Enable'}
        </button>
        <button
          type="button"
          class="danger"
          onClick={() => {
            if (!confirmed(`Delete the user ${loginId}? This cannot be undone.`)) return;
            act(
              () => mgmt(project, '/v1/mgmt/user/delete', { loginId }),
              () => {
                onChanged();
                props.onClose();
              },
            )();
          }}
        >
          Delete user
        </button>
      </div>
      <ErrorNote error={error} />
      <EditUser {...props} />
      <SignInAs project={project} user={user} />
    </Dialog>
  );
}

/** The fields of a user that the form edits, as it shows them. */
type Draft = Pick<
  User,
  | 'name'
  | 'givenName'
  | 'middleName'
  | 'familyName'
  | 'email'
  | 'verifiedEmail'
  | 'phone'
  | 'verifiedPhone'
  | 'roleNames'
> & {
  userTenants: Membership[];
  customAttributes: Record<string, AttributeValue | null>;
};

const draftOf = (user: User): Draft => ({
  name: user.name,
  givenName: user.givenName,
  middleName: user.middleName,
  familyName: user.familyName,
  email: user.email,
  verifiedEmail: user.verifiedEmail,
  phone: user.phone,
  verifiedPhone: user.verifiedPhone,
  roleNames: user.roleNames,
  userTenants: user.userTenants.map(({ tenantId, roleNames }) => ({ tenantId, roleNames })),
  customAttributes: user.customAttributes,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The patch of what the form changed: only those keys, so a concurrent change elsewhere is not undone. */
function patchOf(before: Draft, after: Draft): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof Draft)[]) {
    if (key === 'customAttributes' || same(before[key], after[key])) continue;
    patch[key] = after[key];
  }
  const attributes: Record<string, AttributeValue | null> = {};
  for (const [name, value] of Object.entries(after.customAttributes))
    if (!same(before.customAttributes[name] ?? null, value)) attributes[name] = value;
  if (Object.keys(attributes).length > 0) patch.customAttributes = attributes;
  return patch;
}

function EditUser(props: { project: Project; user: User; catalog: Catalog; onChanged: () => void }) {
  const { project, user, catalog } = props;
  /** The values the patch is computed against: the user as last answered (loaded, or saved here). */
  const [baseline, setBaseline] = useState(() => draftOf(user));
  const [draft, setDraft] = useState(baseline);
  const set = (change: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...change }));
  // A change made elsewhere (an SDK) shows in the form, unless the form holds edits not saved yet: a reload
  // never throws away what someone is typing.
  const incoming = JSON.stringify(draftOf(user));
  useEffect(() => {
    const next = draftOf(user);
    setDraft((current) => (same(current, baseline) ? next : current));
    setBaseline(next);
  }, [incoming]);
  return (
    <Form
      label="Save changes"
      submit={async () => {
        const patch = patchOf(baseline, draft);
        if (Object.keys(patch).length === 0) return;
        const sent = draft;
        const { user: saved } = await mgmt<{ user: User }>(
          project,
          '/v1/mgmt/user/patch',
          { loginId: selectorOf(user), ...patch },
          'PATCH',
        );
        // The answer is the new baseline at once, so a second save right after is measured against it.
        const next = draftOf(saved);
        setBaseline(next);
        setDraft((current) => (current === sent ? next : current));
      }}
      onDone={props.onChanged}
    >
      <div class="row">
        <Field label="Name" value={draft.name} onValue={(name) => set({ name })} />
        <Field label="Given name" value={draft.givenName} onValue={(givenName) => set({ givenName })} />
        <Field label="Middle name" value={draft.middleName} onValue={(middleName) => set({ middleName })} />
        <Field label="Family name" value={draft.familyName} onValue={(familyName) => set({ familyName })} />
      </div>
      <div class="row">
        <div class="field">
          <Field label="Email" type="email" value={draft.email} onValue={(email) => set({ email })} />
          <Check
            label="Email verified"
            checked={draft.verifiedEmail}
            onValue={(verifiedEmail) => set({ verifiedEmail })}
          />
        </div>
        <div class="field">
          <Field label="Phone" type="tel" value={draft.phone} onValue={(phone) => set({ phone })} />
          <Check
            label="Phone verified"
            checked={draft.verifiedPhone}
            onValue={(verifiedPhone) => set({ verifiedPhone })}
          />
        </div>
      </div>
      <RolePicker roles={catalog.roles} value={draft.roleNames} onValue={(roleNames) => set({ roleNames })} />
      <TenantPicker
        roles={catalog.roles}
        tenants={catalog.tenants}
        value={draft.userTenants}
        onValue={(userTenants) => set({ userTenants })}
      />
      <AttributeInputs
        definitions={catalog.attributes}
        value={draft.customAttributes}
        onValue={(name, value) => set({ customAttributes: { ...draft.customAttributes, [name]: value } })}
      />
    </Form>
  );
}

/** A new user (`user/create`, or `user/create/test` for a test user), as the SDK's create makes it. */
export function CreateUserDialog(props: {
  project: Project;
  catalog: Catalog;
  onClose: () => void;
  onDone: (user: User) => void;
}) {
  const { project, catalog } = props;
  const [loginId, setLoginId] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [roleNames, setRoleNames] = useState<string[]>([]);
  const [userTenants, setUserTenants] = useState<Membership[]>([]);
  const [test, setTest] = useState(false);
  let created: User | undefined;
  return (
    <Dialog title="Create user" onClose={props.onClose}>
      <Form
        label="Create"
        submit={async () => {
          const body = {
            loginId,
            ...(email ? { email } : {}),
            ...(phone ? { phone } : {}),
            ...(name ? { name } : {}),
            roleNames,
            userTenants,
          };
          const path = test ? '/v1/mgmt/user/create/test' : '/v1/mgmt/user/create';
          created = (await mgmt<{ user: User }>(project, path, body)).user;
        }}
        onDone={() => created && props.onDone(created)}
      >
        <Field label="Login ID" value={loginId} onValue={setLoginId} required autoFocus />
        <div class="row">
          <Field label="Email" type="email" value={email} onValue={setEmail} />
          <Field label="Phone" type="tel" value={phone} onValue={setPhone} placeholder="+15551234567" />
        </div>
        <Field label="Name" value={name} onValue={setName} />
        <RolePicker roles={catalog.roles} value={roleNames} onValue={setRoleNames} />
        <TenantPicker
          roles={catalog.roles}
          tenants={catalog.tenants}
          value={userTenants}
          onValue={setUserTenants}
        />
        <Check label="Test user" checked={test} onValue={setTest} />
      </Form>
    </Dialog>
  );
}
