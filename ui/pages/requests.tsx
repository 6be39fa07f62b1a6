import { useEffect, useRef, useState } from 'preact/hooks';
import { control, INSPECTOR_MARK } from '../api';
import {
  Check,
  confirmed,
  Dialog,
  ErrorNote,
  Field,
  JsonView,
  Section,
  Select,
  Table,
  When,
} from '../components';
import { type JournalEntry, POLL_MS, useInterval } from '../hooks';
import type { PageProps } from '../page';

/** How full the journal is and what bounds it (`GET /_mock/requests` → `journal`). */
interface JournalUsage {
  entries: number;
  bytes: number;
  maxEntries: number;
  /** `null` when no byte bound is set (JSON has no Infinity). */
  maxBytes: number | null;
  maxBodyBytes: number | null;
}

/**
 * The rows the page keeps: the journal may hold thousands of calls, and a browser table of that many slows
 * every poll's render; the newest ones are what a reader of a live view looks at.
 */
const MAX_ROWS = 500;

/**
 * The bodies the page keeps are bounded by the journal's own byte bound (as it reports it; this when it has
 * none): each entry carries both bodies, up to 1 MiB each, and the page keeps rows the journal has already
 * dropped, so a count alone could hold hundreds of megabytes.
 */
const MAX_BYTES = 32 * 1024 * 1024;

/** An entry's bodies as the page holds them, measured once, when the entry arrives. */
const sizes = new WeakMap<JournalEntry, number>();
const sizeOf = (entry: JournalEntry): number => {
  let size = sizes.get(entry);
  if (size === undefined) {
    size =
      (JSON.stringify(entry.requestBody) ?? '').length + (JSON.stringify(entry.responseBody) ?? '').length;
    sizes.set(entry, size);
  }
  return size;
};

/** The newest rows within both bounds (the newest one always). */
function newestWithin(rows: JournalEntry[], maxBytes: number): JournalEntry[] {
  let bytes = 0;
  let kept = 0;
  for (const entry of rows) {
    bytes += sizeOf(entry);
    if (kept > 0 && (kept === MAX_ROWS || bytes > maxBytes)) break;
    kept += 1;
  }
  return rows.slice(0, kept);
}

/** The method filter's choices (also the faults page's). */
export const METHODS = [
  ['', 'Any method'],
  ['GET', 'GET'],
  ['POST', 'POST'],
  ['PUT', 'PUT'],
  ['PATCH', 'PATCH'],
  ['DELETE', 'DELETE'],
] as const;

interface Filter {
  path: string;
  method: string;
  status: string;
  allProjects: boolean;
}

const statusClass = (status: number): string => (status >= 500 ? 'bad' : status >= 400 ? 'warn' : 'ok');

/** Milliseconds as the journal measured them (fractions), to a tenth. */
const duration = (ms: number): string => `${ms < 100 ? ms.toFixed(1) : Math.round(ms)} ms`;

const isInspectors = (entry: JournalEntry): boolean => entry.query?.[INSPECTOR_MARK] !== undefined;

const bytes = (value: number): string =>
  value < 1024
    ? `${value} B`
    : value < 1024 * 1024
      ? `${(value / 1024).toFixed(1)} KiB`
      : `${(value / 1024 / 1024).toFixed(1)} MiB`;

/**
 * The request journal, newest first and live: each poll asks only for what arrived since the last entry seen
 * (`since`, then deduplicated by ID, since `since` is inclusive), so a long session costs one small call a
 * second. Filters other than "hide the inspector's calls" are the journal's own, so they apply to what the
 * journal keeps, not only to the rows on screen.
 */
export function RequestsPage(props: PageProps) {
  const { projectId } = props.project;
  const [filter, setFilter] = useState<Filter>({ path: '', method: '', status: '', allProjects: false });
  const [hideOwn, setHideOwn] = useState(true);
  const [paused, setPaused] = useState(false);
  const [rows, setRows] = useState<JournalEntry[]>([]);
  const [usage, setUsage] = useState<JournalUsage>();
  /** Until the first answer to the current query, so the empty state does not flash in between. */
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<JournalEntry>();
  /** The newest entry seen: the next poll's cursor. */
  const cursor = useRef<{ id: number; timeMs: number } | undefined>(undefined);
  /** Bumped whenever the filter or project changes, so that an answer to the old query is dropped. */
  const generation = useRef(0);
  const busy = useRef(false);

  const statusValid = filter.status === '' || /^[1-5]\d\d$/.test(filter.status);

  const poll = async () => {
    if (busy.current || !statusValid) return;
    busy.current = true;
    const ticket = generation.current;
    const query = new URLSearchParams({ limit: String(MAX_ROWS) });
    if (!filter.allProjects) query.set('projectId', projectId);
    if (filter.method) query.set('method', filter.method);
    if (filter.path.trim()) query.set('path', filter.path.trim());
    if (filter.status) query.set('status', filter.status);
    if (cursor.current) query.set('since', String(cursor.current.timeMs));
    try {
      const answer = await control<{ requests: JournalEntry[]; journal: JournalUsage }>(
        'GET',
        `/_mock/requests?${query}`,
      );
      if (ticket !== generation.current) return;
      setError(undefined);
      setLoading(false);
      setUsage(answer.journal);
      const seen = cursor.current?.id ?? 0;
      const fresh = answer.requests.filter((entry) => entry.id > seen);
      const last = answer.requests.at(-1);
      if (last && last.id >= seen) cursor.current = { id: last.id, timeMs: Date.parse(last.time) };
      const maxBytes = answer.journal.maxBytes ?? MAX_BYTES;
      if (fresh.length > 0) setRows((previous) => newestWithin([...fresh.reverse(), ...previous], maxBytes));
    } catch (caught) {
      if (ticket === generation.current) {
        setError(caught);
        setLoading(false);
      }
    } finally {
      busy.current = false;
    }
  };

  // A new query starts from scratch: the journal's newest MAX_ROWS entries that pass it.
  useEffect(() => {
    generation.current += 1;
    busy.current = false;
    cursor.current = undefined;
    setRows([]);
    setLoading(statusValid);
    void poll();
  }, [projectId, filter.path, filter.method, filter.status, filter.allProjects]);

  useInterval(() => !paused && void poll(), POLL_MS, [paused, projectId, filter]);

  const clear = async () => {
    if (!confirmed('Clear the request journal of every project?')) return;
    try {
      await control('DELETE', '/_mock/requests');
      setRows([]);
      void poll();
    } catch (caught) {
      setError(caught);
    }
  };

  const shown = hideOwn ? rows.filter((entry) => !isInspectors(entry)) : rows;
  const set = (change: Partial<Filter>) => setFilter((previous) => ({ ...previous, ...change }));

  return (
    <Section
      title="Requests"
      actions={
        <>
          <button type="button" aria-pressed={paused} onClick={() => setPaused(!paused)}>
            {paused ? 'Resume' : 'Pause'}
          </button>
          <button type="button" class="danger" onClick={clear}>
            Clear
          </button>
        </>
      }
    >
      <div class="toolbar requests-filter">
        <Field
          label="Path"
          type="search"
          value={filter.path}
          onValue={(path) => set({ path })}
          placeholder="/v1/mgmt/user/*"
        />
        <Select
          label="Method"
          value={filter.method}
          options={METHODS}
          onValue={(method) => set({ method })}
        />
        <Field
          label="Status"
          value={filter.status}
          onValue={(status) => set({ status: status.trim() })}
          placeholder="e.g. 429"
          hint={statusValid ? undefined : 'A status has three digits'}
        />
        <Select
          label="Project"
          value={filter.allProjects ? 'all' : 'this'}
          options={[
            ['this', 'This project'],
            ['all', 'All projects'],
          ]}
          onValue={(value) => set({ allProjects: value === 'all' })}
        />
        <Check label="Hide the inspector's own calls" checked={hideOwn} onValue={setHideOwn} />
      </div>
      <JournalStatus usage={usage} shown={shown.length} rows={rows.length} paused={paused} />
      <ErrorNote error={error} />
      <Table<JournalEntry>
        label="Requests"
        rows={shown}
        rowKey={(entry) => String(entry.id)}
        onOpen={setOpen}
        empty={
          loading
            ? 'Loading…'
            : rows.length > 0
              ? "Only the inspector's own calls so far: untick “Hide the inspector's own calls” to see them."
              : 'No calls yet: point an SDK at this mock and its calls show here as they happen.'
        }
        columns={[
          {
            title: 'Call',
            cell: (entry) => (
              <span class="mono">
                {entry.method} {entry.path}
              </span>
            ),
          },
          {
            title: 'Status',
            class: 'num',
            cell: (entry) => <span class={`badge ${statusClass(entry.status)}`}>{entry.status}</span>,
          },
          { title: 'Duration', class: 'num nowrap', cell: (entry) => duration(entry.durationMs) },
          { title: 'Time', class: 'nowrap', cell: (entry) => <When value={entry.time} /> },
          ...(filter.allProjects
            ? [
                {
                  title: 'Project',
                  cell: (entry: JournalEntry) => <code>{entry.projectId || '(none)'}</code>,
                },
              ]
            : []),
        ]}
      />
      {open && <RequestDialog entry={open} onClose={() => setOpen(undefined)} />}
    </Section>
  );
}

function JournalStatus(props: { usage?: JournalUsage; shown: number; rows: number; paused: boolean }) {
  const { usage } = props;
  if (!usage) return null;
  if (usage.maxEntries === 0) {
    return <p class="muted">The journal is off (started with --journal-size 0): no calls are kept.</p>;
  }
  const byteBound = usage.maxBytes === null ? '' : ` of ${bytes(usage.maxBytes)}`;
  return (
    <p class="muted" aria-live="polite">
      {props.paused && <span class="badge warn">paused</span>} Showing {props.shown.toLocaleString()} (newest
      first, at most {MAX_ROWS}). The journal keeps {usage.entries.toLocaleString()} of{' '}
      {usage.maxEntries.toLocaleString()} calls and {bytes(usage.bytes)}
      {byteBound} of bodies, across every project; older calls are dropped first
      {usage.maxBodyBytes === null
        ? ''
        : `, and a body over ${bytes(usage.maxBodyBytes)} is kept as its size`}
      .
    </p>
  );
}

function RequestDialog(props: { entry: JournalEntry; onClose: () => void }) {
  const { entry } = props;
  return (
    <Dialog title={`${entry.method} ${entry.path}`} onClose={props.onClose} wide>
      <dl class="request-facts">
        <dt>Status</dt>
        <dd>
          <span class={`badge ${statusClass(entry.status)}`}>{entry.status}</span>
        </dd>
        <dt>Duration</dt>
        <dd>{duration(entry.durationMs)}</dd>
        <dt>Time</dt>
        <dd>
          <When value={entry.time} />
        </dd>
        <dt>Project</dt>
        <dd>
          <code>{entry.projectId || '(none: not authenticated)'}</code>
        </dd>
        <dt>Query</dt>
        <dd>
          {Object.keys(entry.query ?? {}).length === 0 ? (
            <span class="muted">none</span>
          ) : (
            <JsonView value={entry.query} label="Query" />
          )}
        </dd>
      </dl>
      <p class="muted">Secrets (passwords, keys, codes, tokens, links) are masked as *** by the journal.</p>
      <div class="split">
        <section aria-label="Request body">
          <h3>Request body</h3>
          <JsonView value={entry.requestBody} label="Request body" />
        </section>
        <section aria-label="Response body">
          <h3>Response body</h3>
          <JsonView value={entry.responseBody} label="Response body" />
        </section>
      </div>
    </Dialog>
  );
}
