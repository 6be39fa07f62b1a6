import { useState } from 'preact/hooks';
import { mgmt } from '../api';
import { Check, Dialog, ErrorNote, Field, Form, Section, Select, Table } from '../components';
import { countText, DeleteButton, NewButton, useListData } from '../lists';
import type { PageProps } from '../page';
import { Tags, TextArea, useAction } from '../pickers';

interface Option {
  value: string;
  label: string;
}

interface WireAttribute {
  name: string;
  type: number;
  options: Option[];
  displayName: string;
  defaultValue: unknown;
  viewPermissions: string[];
  editPermissions: string[];
  editable: boolean;
}

interface AttributesAnswer {
  data: WireAttribute[];
  total: string;
}

/** The wire's type codes (the mock's mapping, the console's order). */
const TYPES = [
  ['1', 'Text'],
  ['2', 'Numeric'],
  ['3', 'Boolean'],
  ['4', 'Single select'],
  ['5', 'Multi select'],
  ['6', 'Date'],
] as const;
const typeName = (code: number) =>
  TYPES.find(([value]) => value === String(code || 1))?.[1] ?? `type ${code}`;
const isSelect = (code: number) => code === 4 || code === 5;

/** "value" or "value = Label", one a line, as options. */
function parseOptions(text: string): Option[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const at = line.indexOf('=');
      if (at < 0) return { value: line, label: line };
      const value = line.slice(0, at).trim();
      return { value, label: line.slice(at + 1).trim() || value };
    });
}
const optionsText = (options: readonly Option[]) =>
  options
    .map((option) => (option.label === option.value ? option.value : `${option.value} = ${option.label}`))
    .join('\n');

/**
 * The project's user custom attributes (`/v1/mgmt/user/customattribute…`): browse, create, redefine (the type
 * stays), delete (their values go from every user). Tenant custom attributes have no definitions in the
 * mock: they are edited as values on the Tenants page.
 */
export function AttributesPage(props: PageProps) {
  const { project } = props;
  const { data, changed } = useListData(props, () =>
    mgmt<AttributesAnswer>(project, '/v1/mgmt/user/customattributes').then((answer) => answer.data),
  );
  const [editing, setEditing] = useState<WireAttribute | 'new'>();
  const action = useAction(changed);
  const attributes = data.value ?? [];

  return (
    <Section
      title="Custom attributes"
      actions={<NewButton label="New attribute" onClick={() => setEditing('new')} />}
    >
      <p class="muted">
        {countText(!!data.value, 'user custom attribute', attributes.length)}. Tenants' custom attributes have
        no definitions here: edit them on each tenant.
      </p>
      <ErrorNote error={data.error} />
      {action.note}
      {data.value && (
        <Table<WireAttribute>
          label="User custom attributes"
          rows={attributes}
          rowKey={(attribute) => attribute.name}
          onOpen={setEditing}
          empty="No custom attributes yet."
          columns={[
            {
              title: 'Name',
              cell: (attribute) => (
                <>
                  <code>{attribute.name}</code>
                  {attribute.displayName && <span class="muted"> {attribute.displayName}</span>}
                </>
              ),
            },
            { title: 'Type', cell: (attribute) => typeName(attribute.type) },
            {
              title: 'Options',
              cell: (attribute) => (
                <Tags
                  names={attribute.options.map((option) =>
                    option.label && option.label !== option.value
                      ? `${option.value} (${option.label})`
                      : option.value,
                  )}
                />
              ),
            },
            {
              title: 'Editable',
              cell: (attribute) => (attribute.editable ? 'yes' : <span class="badge warn">read-only</span>),
            },
            {
              title: 'Actions',
              cell: (attribute) => (
                <div class="row-actions">
                  <DeleteButton
                    name={attribute.name}
                    question={`Delete the attribute ${attribute.name} and its value on every user?`}
                    run={action.run}
                    remove={() =>
                      mgmt(project, '/v1/mgmt/user/customattribute/delete', { names: [attribute.name] })
                    }
                  />
                </div>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <AttributeDialog
          attribute={editing === 'new' ? undefined : editing}
          exists={(name) => attributes.some((attribute) => attribute.name === name)}
          save={(definition) =>
            mgmt(project, '/v1/mgmt/user/customattribute/create', { attributes: [definition] })
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

function AttributeDialog(props: {
  attribute: WireAttribute | undefined;
  exists: (name: string) => boolean;
  save: (definition: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { attribute } = props;
  const [name, setName] = useState(attribute?.name ?? '');
  const [displayName, setDisplayName] = useState(attribute?.displayName ?? '');
  const [type, setType] = useState(String(attribute?.type || 1));
  const [options, setOptions] = useState(optionsText(attribute?.options ?? []));
  const [editable, setEditable] = useState(attribute?.editable ?? true);
  const code = Number(type);

  const submit = async () => {
    // attribute/create redefines an existing name: a new one must not replace another by mistake.
    if (!attribute && props.exists(name))
      throw new Error(`An attribute named "${name}" exists: open it to edit it`);
    await props.save({
      name,
      displayName,
      type: code,
      options: isSelect(code) ? parseOptions(options) : [],
      editable,
      ...(attribute
        ? {
            defaultValue: attribute.defaultValue ?? undefined,
            viewPermissions: attribute.viewPermissions,
            editPermissions: attribute.editPermissions,
          }
        : {}),
    });
  };

  return (
    <Dialog
      title={attribute ? `Attribute ${attribute.name}` : 'New custom attribute'}
      onClose={props.onClose}
    >
      <Form label={attribute ? 'Save' : 'Create'} submit={submit} onDone={props.onDone}>
        <Field
          label="Name"
          value={name}
          onValue={setName}
          required
          autoFocus={!attribute}
          readOnly={attribute !== undefined}
        />
        <small class="muted">
          {attribute
            ? 'The name is the key of every user value: fixed.'
            : "The key in users' customAttributes."}
        </small>
        <Field label="Display name" value={displayName} onValue={setDisplayName} />
        <Select label="Type" value={type} options={TYPES} onValue={setType} />
        {attribute && (
          <small class="muted">
            Descope refuses a change of type: users' values were checked against it.
          </small>
        )}
        {isSelect(code) && (
          <TextArea
            label="Options"
            value={options}
            onValue={setOptions}
            placeholder={'free = Free\npro = Pro'}
            hint="One a line: value, or value = Label"
          />
        )}
        <Check label="Editable" checked={editable} onValue={setEditable} />
      </Form>
    </Dialog>
  );
}
