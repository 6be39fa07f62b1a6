import { useState } from 'preact/hooks';
import { confirmed, Field } from './components';
import { type Async, useAsync, useProjectChanges } from './hooks';
import type { PageProps } from './page';
import { plural } from './pickers';

/**
 * What the list pages (tenants, roles, permissions, access keys, attributes) share around their table: the
 * data that follows the SDKs' changes, the "New …" button, the filter box and its count, a row's Delete.
 */

/**
 * A list page's data, reloaded when another client changes the project; `changed` (after the page's own
 * change) reloads it and the projects, whose counts it may have moved.
 */
export function useListData<T>(
  props: Pick<PageProps, 'project' | 'reloadProjects'>,
  load: () => Promise<T>,
  deps: unknown[] = [],
): { data: Async<T>; changed: () => void } {
  const { project, reloadProjects } = props;
  const data = useAsync(load, [project.projectId, ...deps]);
  useProjectChanges(project.projectId, data.reload);
  const changed = () => {
    data.reload();
    reloadProjects();
  };
  return { data, changed };
}

/** The page's "New …" button (in its Section's actions). */
export function NewButton(props: { label: string; onClick: () => void }) {
  return (
    <button type="button" class="primary" onClick={props.onClick}>
      {props.label}
    </button>
  );
}

/** "3 tenants", or "3 tenants of 10" when a filter narrows the list; "Loading…" until it has loaded. */
export const countText = (loaded: boolean, noun: string, shown: number, total?: number): string => {
  if (!loaded) return 'Loading…';
  return total === undefined ? plural(shown, noun) : `${plural(shown, noun)} of ${total}`;
};

/** The rows whose texts hold the filter (case aside), all of them when it is empty, and the filter's state. */
export function useFilter<T>(rows: T[], texts: (row: T) => readonly string[]) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = rows.filter(
    (row) => needle === '' || texts(row).some((text) => text.toLowerCase().includes(needle)),
  );
  return { filter, setFilter, shown };
}

/** The toolbar above a list: its filter box and the count of what it shows. */
export function FilterBar(props: {
  filter: string;
  onFilter: (filter: string) => void;
  placeholder: string;
  count: string;
}) {
  return (
    <div class="toolbar">
      <Field
        label="Filter"
        type="search"
        value={props.filter}
        onValue={props.onFilter}
        placeholder={props.placeholder}
      />
      <span class="muted">{props.count}</span>
    </div>
  );
}

/**
 * A row's Delete button: asks `question`, and on OK runs `remove` through the page's action (`useAction`'s
 * `run`), which shows a refusal and reloads the page.
 */
export function DeleteButton(props: {
  name: string;
  question: string;
  run: (action: () => Promise<unknown>) => () => Promise<void>;
  remove: () => Promise<unknown>;
}) {
  return (
    <button
      type="button"
      class="small danger"
      aria-label={`Delete ${props.name}`}
      onClick={props.run(async () => {
        if (confirmed(props.question)) await props.remove();
      })}
    >
      Delete
    </button>
  );
}

/**
 * Filters typed into a form and applied on its submit (the audit and FGA relation lists, filtered by the
 * server): `draft` is what the form shows, `filters` what the list was last asked with; applying calls
 * `onApply` too (back to the first page).
 */
export function useFilterForm<F extends { [K in keyof F]: string }>(empty: F, onApply: () => void) {
  const [draft, setDraft] = useState<F>(empty);
  const [filters, setFilters] = useState<F>(empty);
  const set = (key: keyof F) => (value: string) => setDraft((previous) => ({ ...previous, [key]: value }));
  const apply = (next: F) => {
    setFilters(next);
    onApply();
  };
  const submit = (event: Event) => {
    event.preventDefault();
    apply(draft);
  };
  const clear = () => {
    setDraft(empty);
    apply(empty);
  };
  const filtered = Object.values(filters).some(Boolean);
  return { draft, filters, set, submit, clear, filtered, typed: Object.values(draft).some(Boolean) };
}

/** The filter form's buttons: Clear (when anything is typed or applied) and Apply (its submit). */
export function FilterActions(props: {
  form: Pick<ReturnType<typeof useFilterForm>, 'clear' | 'filtered' | 'typed'>;
  class: string;
  applyClass?: string;
}) {
  const { form } = props;
  return (
    <div class={props.class}>
      <button type="button" disabled={!form.filtered && !form.typed} onClick={form.clear}>
        Clear filters
      </button>
      <button type="submit" class={props.applyClass}>
        Apply filters
      </button>
    </div>
  );
}
