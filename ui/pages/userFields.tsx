import { Check, Field, Select } from '../components';
import {
  type AttributeDefinition,
  type AttributeValue,
  projectRoles,
  type Role,
  rolesFor,
  type Tenant,
} from './userWire';

/** The inputs the user dialogs share: roles, tenant memberships with their roles, custom attributes. */

const toggled = (list: string[], name: string, on: boolean): string[] =>
  on ? [...list.filter((item) => item !== name), name] : list.filter((item) => item !== name);

/** The project's roles (not a tenant's own) as checkboxes. */
export function RolePicker(props: { roles: Role[]; value: string[]; onValue: (names: string[]) => void }) {
  const roles = projectRoles(props.roles);
  return (
    <fieldset class="user-group">
      <legend>Roles</legend>
      {roles.length === 0 && <p class="muted">The project has no roles.</p>}
      <div class="tags">
        {roles.map((role) => (
          <Check
            label={role.name}
            checked={props.value.includes(role.name)}
            onValue={(on) => props.onValue(toggled(props.value, role.name, on))}
          />
        ))}
      </div>
    </fieldset>
  );
}

export interface Membership {
  tenantId: string;
  roleNames: string[];
}

/** The user's tenants, each with its roles (the project's and the tenant's own), and a way to add one. */
export function TenantPicker(props: {
  roles: Role[];
  tenants: Tenant[];
  value: Membership[];
  onValue: (memberships: Membership[]) => void;
}) {
  const { value, onValue } = props;
  const nameOf = (id: string) => props.tenants.find((tenant) => tenant.id === id)?.name || id;
  const others = props.tenants.filter((tenant) => !value.some((member) => member.tenantId === tenant.id));
  const replace = (tenantId: string, roleNames: string[]) =>
    onValue(value.map((member) => (member.tenantId === tenantId ? { tenantId, roleNames } : member)));
  return (
    <fieldset class="user-group">
      <legend>Tenants</legend>
      {value.length === 0 && <p class="muted">Not a member of any tenant.</p>}
      {value.map((member) => (
        <fieldset class="user-tenant">
          <legend>{`Tenant ${nameOf(member.tenantId)}`}</legend>
          <div class="tags">
            {rolesFor(props.roles, member.tenantId).map((role) => (
              <Check
                label={role.name}
                checked={member.roleNames.includes(role.name)}
                onValue={(on) => replace(member.tenantId, toggled(member.roleNames, role.name, on))}
              />
            ))}
            <button
              type="button"
              class="small"
              onClick={() => onValue(value.filter((other) => other.tenantId !== member.tenantId))}
            >
              {`Remove from ${nameOf(member.tenantId)}`}
            </button>
          </div>
        </fieldset>
      ))}
      {others.length > 0 && (
        <Select
          label="Add to tenant"
          value=""
          options={[
            ['', 'Pick a tenant…'],
            ...others.map((tenant) => [tenant.id, tenant.name || tenant.id] as const),
          ]}
          onValue={(tenantId) => tenantId && onValue([...value, { tenantId, roleNames: [] }])}
        />
      )}
    </fieldset>
  );
}

/** A date attribute (epoch milliseconds) as the `datetime-local` input wants it, in local time. */
const localDateTime = (ms: number): string => {
  const date = new Date(ms);
  return new Date(ms - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** One typed input per custom attribute definition; an emptied input means "remove the value" (null). */
export function AttributeInputs(props: {
  definitions: AttributeDefinition[];
  value: Record<string, AttributeValue | null>;
  onValue: (name: string, value: AttributeValue | null) => void;
}) {
  if (props.definitions.length === 0) return null;
  return (
    <fieldset class="user-group">
      <legend>Custom attributes</legend>
      <div class="row">
        {props.definitions.map((definition) => (
          <AttributeInput
            definition={definition}
            value={props.value[definition.name] ?? null}
            onValue={(value) => props.onValue(definition.name, value)}
          />
        ))}
      </div>
    </fieldset>
  );
}

function AttributeInput(props: {
  definition: AttributeDefinition;
  value: AttributeValue | null;
  onValue: (value: AttributeValue | null) => void;
}) {
  const { definition, value, onValue } = props;
  const label = definition.displayName || definition.name;
  switch (definition.type) {
    case 2:
      return (
        <Field
          label={label}
          type="number"
          step="any"
          value={value === null ? '' : String(value)}
          onValue={(text) => onValue(text === '' ? null : Number(text))}
        />
      );
    case 3:
      return <Check label={label} checked={value === true} onValue={(on) => onValue(on)} />;
    case 4:
      return (
        <Select
          label={label}
          value={typeof value === 'string' ? value : ''}
          options={[
            ['', '(none)'],
            ...definition.options.map((option) => [option.value, option.label] as const),
          ]}
          onValue={(picked) => onValue(picked === '' ? null : picked)}
        />
      );
    case 5: {
      const picked = Array.isArray(value) ? value.map(String) : [];
      return (
        <fieldset class="user-tenant">
          <legend>{label}</legend>
          <div class="tags">
            {definition.options.map((option) => (
              <Check
                label={option.label}
                checked={picked.includes(option.value)}
                onValue={(on) => {
                  const next = toggled(picked, option.value, on);
                  onValue(next.length === 0 ? null : next);
                }}
              />
            ))}
          </div>
        </fieldset>
      );
    }
    case 6:
      return (
        <Field
          label={label}
          type="datetime-local"
          value={typeof value === 'number' ? localDateTime(value) : ''}
          onValue={(text) => onValue(text === '' ? null : new Date(text).getTime())}
        />
      );
    default:
      return (
        <Field
          label={label}
          value={value === null ? '' : String(value)}
          onValue={(text) => onValue(text === '' ? null : text)}
        />
      );
  }
}
