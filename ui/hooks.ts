import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { control, INSPECTOR_MARK } from './api';

/** How often the live pages look for news: often enough to feel live, rare enough to cost nothing. */
export const POLL_MS = 1000;

export interface Async<T> {
  value: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again, keeping the value shown until the new one arrives (no flicker on live pages). */
  reload: () => void;
}

/** The value of `load()`, loaded again when `deps` change or on `reload()`; a stale answer is dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ value?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (value) => ticket === latest.current && setState({ value, loading: false }),
      (error: unknown) =>
        ticket === latest.current && setState((previous) => ({ ...previous, error, loading: false })),
    );
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { value: state.value, error: state.error, loading: state.loading, reload };
}

/** Calls `tick` every `ms` while the tab is visible (a hidden tab polls nothing). */
export function useInterval(tick: () => void, ms: number, deps: unknown[] = []): void {
  const saved = useRef(tick);
  saved.current = tick;
  useEffect(() => {
    const timer = setInterval(() => {
      if (!document.hidden) saved.current();
    }, ms);
    return () => clearInterval(timer);
  }, [ms, ...deps]);
}

/** A journal entry as `GET /_mock/requests` lists it. */
export interface JournalEntry {
  id: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  projectId: string;
  status: number;
  durationMs: number;
  requestBody: unknown;
  responseBody: unknown;
}

/** A call that may have changed the project: anything but a read, made by someone other than the inspector. */
const isChange = (entry: JournalEntry): boolean =>
  entry.method !== 'GET' && entry.status < 400 && entry.query?.[INSPECTOR_MARK] === undefined;

/**
 * Calls `onChange` when another client (an SDK, a test, curl) changes the project, read off the journal:
 * the page then loads again and shows what that client did, within a second.
 */
export function useProjectChanges(projectId: string, onChange: () => void): void {
  const since = useRef(Date.now());
  const seen = useRef(0);
  useEffect(() => {
    since.current = Date.now();
    seen.current = 0;
  }, [projectId]);
  useInterval(
    () => {
      const query = new URLSearchParams({ projectId, since: String(since.current) });
      control<{ requests: JournalEntry[] }>('GET', `/_mock/requests?${query}`).then(
        ({ requests }) => {
          const fresh = requests.filter((entry) => entry.id > seen.current);
          const last = requests.at(-1);
          if (last) {
            seen.current = Math.max(seen.current, last.id);
            since.current = Date.parse(last.time);
          }
          if (fresh.some(isChange)) onChange();
        },
        () => undefined,
      );
    },
    POLL_MS,
    [projectId],
  );
}
