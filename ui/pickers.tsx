import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { mgmt, type Project } from './api';
import { ErrorNote } from './components';

/**
 * What the tenants, roles, permissions, access keys and attributes pages share: the wire shapes they read,
 * pickers of names, list and JSON fields, and the row action that shows its refusal.
 */

export interface WireTenant {
  id: string;
  name: string;
  customAttributes: Record<string, unknown>;
  selfProvisioningDomains: string[];
  authType: string;
  domains: string[];
  createdTime: number;
  disabled: boolean;
  enforceSSO: boolean;
  enforceSSOExclusions: string[];
  federatedAppIds: string[];
  parent: string;
  successors: string[];
  defaultRoles: string[];
  roleInheritance: string;
}

export interface WireRole {
  id: string;
  name: string;
  description: string;
  permissionNames: string[];
  createdTime: number;
  tenantId: string;
  default: boolean;
  private: boolean;
}

export interface WirePermission {
  id: string;
  name: string;
  description: string;
  systemDefault: boolean;
}

/** What a management call needs of a project. */
export type Keyed = Pick<Project, 'projectId' | 'managementKey'>;

export const loadTenants = (project: Keyed) =>
  mgmt<{ tenants: WireTenant[] }>(project, '/v1/mgmt/tenant/all').then((answer) => answer.tenants);
export const loadRoles = (project: Keyed) =>
  mgmt<{ roles: WireRole[] }>(project, '/v1/mgmt/role/all').then((answer) => answer.roles);
export const loadPermissions = (project: Keyed) =>
  mgmt<{ permissions: WirePermission[] }>(project, '/v1/mgmt/permission/all').then(
    (answer) => answer.permissions,
  );

/** Names as badges, or a dash when there are none. */
export function Tags(props: { names: readonly string[]; empty?: string }) {
  if (props.names.length === 0) return <span class="muted">{props.empty ?? '—'}</span>;
  return (
    <span class="tags">
      {props.names.map((name) => (
        <span class="badge">{name}</span>
      ))}
    </span>
  );
}

/**
 * Several names picked from `options` (a checkbox each, in a labelled group): a name already chosen but no
 * longer offered (a deleted permission) stays shown so that saving does not drop it silently.
 */
export function NamePicker(props: {
  label: string;
  options: readonly string[];
  value: readonly string[];
  onValue: (names: string[]) => void;
  empty?: string;
}) {
  const { value } = props;
  const shown = [...props.options, ...value.filter((name) => !props.options.includes(name))];
  const toggle = (name: string, on: boolean) =>
    props.onValue(on ? [...value, name] : value.filter((chosen) => chosen !== name));
  return (
    <fieldset class="picker-set">
      <legend>{props.label}</legend>
      {shown.length === 0 ? (
        <span class="muted">{props.empty ?? 'None to pick from.'}</span>
      ) : (
        <div class="picker-options">
          {shown.map((name) => (
            <label class="check">
              <input
                type="checkbox"
                checked={value.includes(name)}
                onChange={(event) => toggle(name, event.currentTarget.checked)}
              />
              <span>{name}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

/** Comma- or line-separated text as a list of trimmed, non-empty items. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** A JSON object typed in a textarea; empty text is an empty object, anything but an object is refused. */
export function parseObject(label: string, text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${label}: not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${label}: a JSON object is expected ({"key": value})`);
  }
  return value as Record<string, unknown>;
}

/** An object as the text `parseObject` reads back ('' when empty). */
export const objectText = (value: Record<string, unknown> | undefined): string =>
  value && Object.keys(value).length > 0 ? JSON.stringify(value, null, 2) : '';

/** A labelled textarea (JSON, lists). */
export function TextArea(props: {
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  placeholder?: string;
  rows?: number;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <textarea
        value={props.value}
        rows={props.rows ?? 4}
        placeholder={props.placeholder}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
      {props.hint && <small>{props.hint}</small>}
    </label>
  );
}

/**
 * A page's row actions (activate, delete…; the projects, faults and FGA pages' too): each runs, the refusal
 * is kept to show with ErrorNote, and the page reloads either way so it shows what the mock holds.
 */
export function useAction(after: () => void) {
  const [error, setError] = useState<unknown>();
  const run = (action: () => Promise<unknown>) => async () => {
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    }
    after();
  };
  return { error, run, note: <ErrorNote error={error} /> };
}

/** A row of label and value in a definition list (a record's read-only details). */
export function Details(props: { rows: readonly (readonly [label: string, value: ComponentChildren])[] }) {
  return (
    <dl class="details">
      {props.rows.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}

/** "1 role", "3 roles". */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;
