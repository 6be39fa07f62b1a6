import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';

/** A page's heading, its actions on the right, and its content. */
export function Section(props: { title: string; actions?: ComponentChildren; children: ComponentChildren }) {
  return (
    <section class="section">
      <header class="section-head">
        <h1>{props.title}</h1>
        {props.actions && <div class="actions">{props.actions}</div>}
      </header>
      {props.children}
    </section>
  );
}

/** A refused or failed call, as the mock answered it (Descope's error code and message). */
export function ErrorNote(props: { error: unknown }) {
  if (props.error === undefined || props.error === null) return null;
  const { error } = props;
  const text =
    error instanceof ApiError
      ? `${error.status}${error.errorCode ? ` ${error.errorCode}` : ''}: ${error.message}`
      : String((error as Error)?.message ?? error);
  return (
    <p class="error" role="alert">
      {text}
    </p>
  );
}

export interface Column<T> {
  title: string;
  /** The cell; the first column's is the row's button when the table opens rows. */
  cell: (row: T) => ComponentChildren;
  /** For narrow cells (counts, statuses). */
  class?: string;
}

/**
 * A table whose rows open on click or with the keyboard: the first cell of each row is a button, so Tab
 * reaches every row and Enter opens it.
 */
export function Table<T>(props: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  onOpen?: (row: T) => void;
  empty?: string;
  label: string;
}) {
  const { columns, rows, onOpen } = props;
  if (rows.length === 0) return <p class="empty">{props.empty ?? 'Nothing here yet.'}</p>;
  return (
    <div class="table-wrap">
      <table aria-label={props.label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" class={column.class}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={props.rowKey(row)} class={onOpen ? 'openable' : undefined}>
              {columns.map((column, index) => (
                <td class={column.class}>
                  {index === 0 && onOpen ? (
                    <button type="button" class="link" onClick={() => onOpen(row)}>
                      {column.cell(row)}
                    </button>
                  ) : (
                    column.cell(row)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A modal dialog (the browser's own `<dialog>`: focus stays inside, Escape closes it), shown while mounted.
 */
export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class={props.wide ? 'wide' : undefined}
      aria-label={props.title}
      onClose={props.onClose}
    >
      <header class="dialog-head">
        <h2>{props.title}</h2>
        <button type="button" class="ghost" aria-label="Close" onClick={props.onClose}>
          ✕
        </button>
      </header>
      {props.children}
    </dialog>
  );
}

/**
 * A form that runs `submit` and shows its refusal in place; the dialog or page that holds it decides what a
 * success does (`onDone`).
 */
export function Form(props: {
  submit: () => Promise<unknown>;
  onDone?: () => void;
  label: string;
  children: ComponentChildren;
  danger?: boolean;
}) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await props.submit();
      props.onDone?.();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={onSubmit}>
      {props.children}
      <ErrorNote error={error} />
      <div class="form-actions">
        <button type="submit" class={props.danger ? 'danger' : 'primary'} disabled={busy}>
          {props.label}
        </button>
      </div>
    </form>
  );
}

/** The input attributes the pages use (preact's full set is a union per input type). */
interface InputProps {
  type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'search' | 'url' | 'datetime-local';
  placeholder?: string;
  required?: boolean;
  autoFocus?: boolean;
  name?: string;
  min?: number;
  max?: number;
  step?: number | 'any';
  pattern?: string;
  list?: string;
  readOnly?: boolean;
}

/** A labelled text input; `onValue` gets the new text. */
export function Field(
  props: InputProps & { label: string; value: string; onValue: (value: string) => void; hint?: string },
) {
  const { label, value, onValue, hint, ...rest } = props;
  // Preact types each input `type` apart; these attributes are valid on every type used here.
  const attributes = rest as Record<string, unknown>;
  const id = useId();
  // The hint describes the input rather than naming it: a screen reader reads it after the label.
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        {...attributes}
        id={id}
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
      {hint && <small id={`${id}-hint`}>{hint}</small>}
    </div>
  );
}

/** A labelled checkbox. */
export function Check(props: { label: string; checked: boolean; onValue: (checked: boolean) => void }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onValue(event.currentTarget.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

/** A labelled select of `options` (value and label). */
export function Select(props: {
  label: string;
  value: string;
  options: readonly (readonly [value: string, label: string])[];
  onValue: (value: string) => void;
}) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(event) => props.onValue(event.currentTarget.value)}>
        {props.options.map(([value, label]) => (
          <option value={value}>{label}</option>
        ))}
      </select>
    </label>
  );
}

/** JSON pretty-printed, as the mock answered it (the journal's bodies arrive with their secrets masked). */
export function JsonView(props: { value: unknown; label?: string }) {
  return (
    <pre class="json" title={props.label}>
      {props.value === undefined ? '' : JSON.stringify(props.value, null, 2)}
    </pre>
  );
}

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton(props: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // A browser that refuses the clipboard (an insecure origin): the text is on the page to select.
      setCopied(false);
    }
  };
  return (
    <button type="button" class="small" onClick={copy} aria-live="polite">
      {copied ? 'Copied' : (props.label ?? 'Copy')}
    </button>
  );
}

/** Previous and next over a result of `total` rows, `size` a page. */
export function Pager(props: { page: number; size: number; total: number; onPage: (page: number) => void }) {
  const { page, size, total } = props;
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={page === 0} onClick={() => props.onPage(page - 1)}>
        ← Previous
      </button>
      <span>
        {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()} (page{' '}
        {(page + 1).toLocaleString()} of {pages.toLocaleString()})
      </span>
      <button type="button" disabled={page + 1 >= pages} onClick={() => props.onPage(page + 1)}>
        Next →
      </button>
    </nav>
  );
}

/** Epoch seconds or ISO text as local date and time. */
export function When(props: { value: number | string | undefined }) {
  const { value } = props;
  if (value === undefined || value === 0 || value === '') return <span class="muted">—</span>;
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return <time dateTime={date.toISOString()}>{date.toLocaleString()}</time>;
}

/** Asks before a destructive action. */
export function confirmed(question: string): boolean {
  return window.confirm(question);
}
