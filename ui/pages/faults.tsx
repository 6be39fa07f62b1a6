import { useState } from 'preact/hooks';
import { control } from '../api';
import {
  Check,
  confirmed,
  Dialog,
  ErrorNote,
  Field,
  Form,
  JsonView,
  Section,
  Select,
  Table,
} from '../components';
import { POLL_MS, useAsync, useInterval } from '../hooks';
import type { PageProps } from '../page';
import { useAction } from '../pickers';
import { METHODS } from './requests';

/** A fault as `GET /_mock/faults` lists it (the spec `POST /_mock/faults` took, with its counts). */
interface Fault {
  id: string;
  method?: string;
  path?: string;
  projectId?: string;
  status?: number;
  errorCode?: string;
  errorDescription?: string;
  errorMessage?: string;
  delayMs?: number;
  retryAfter?: number;
  times?: number;
  probability?: number;
  seed?: number;
  allowRetriedStatus?: boolean;
  hits: number;
  /** null = no limit. */
  remaining: number | null;
}

/** The form's state: every field as typed (numbers too), '' = not set. */
interface Draft {
  method: string;
  path: string;
  /** 'this', 'any' or 'other' (then `otherProject`). */
  project: string;
  otherProject: string;
  status: string;
  errorCode: string;
  errorDescription: string;
  errorMessage: string;
  delayMs: string;
  retryAfter: string;
  times: string;
  probability: string;
  seed: string;
  allowRetriedStatus: boolean;
}

const EMPTY: Draft = {
  method: '',
  path: '',
  project: 'this',
  otherProject: '',
  status: '',
  errorCode: '',
  errorDescription: '',
  errorMessage: '',
  delayMs: '',
  retryAfter: '',
  times: '',
  probability: '',
  seed: '',
  allowRetriedStatus: false,
};

/**
 * Common failures, with Descope's own codes (descope-api.md 2.2–2.3): 429 is E130429 with a Retry-After
 * (the mock sends 60 s when none is given); 503 is one the SDKs sleep 5 s on and retry.
 */
const PRESETS: readonly { name: string; draft: Partial<Draft> }[] = [
  {
    name: '429 rate limit',
    draft: { status: '429', errorCode: 'E130429', errorDescription: 'Rate limit exceeded' },
  },
  {
    name: '401 unauthorized',
    draft: { status: '401', errorCode: 'E011003', errorDescription: 'Unauthorized' },
  },
  {
    name: '400 bad request',
    draft: { status: '400', errorCode: 'E011001', errorDescription: 'Bad request' },
  },
  {
    name: '500 internal error',
    draft: { status: '500', errorCode: 'E000500', errorDescription: 'Internal error' },
  },
  { name: '503 (SDKs retry)', draft: { status: '503', allowRetriedStatus: true } },
  { name: 'Slow: 2 s delay', draft: { delayMs: '2000' } },
  { name: 'Flaky: 500 half the time', draft: { status: '500', probability: '0.5', seed: '1' } },
];

/** The preset's answer on the calls the form already names: the rest of the fields start over. */
const withPreset = (draft: Draft, preset: Partial<Draft>): Draft => ({
  ...EMPTY,
  method: draft.method,
  path: draft.path,
  project: draft.project,
  otherProject: draft.otherProject,
  ...preset,
});

/** A typed number, or undefined when the field is empty; refuses what is not a number. */
function number(label: string, value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new Error(`${label} must be a number`);
  return parsed;
}

/** The body of `POST /_mock/faults`: only the fields set; the mock checks the rest (and says why not). */
function specOf(draft: Draft, projectId: string): Record<string, unknown> {
  const spec: Record<string, unknown> = {
    method: draft.method || undefined,
    path: draft.path.trim() || undefined,
    projectId:
      draft.project === 'this'
        ? projectId
        : draft.project === 'other'
          ? draft.otherProject.trim()
          : undefined,
    status: number('Status', draft.status),
    errorCode: draft.errorCode.trim() || undefined,
    errorDescription: draft.errorDescription || undefined,
    errorMessage: draft.errorMessage || undefined,
    delayMs: number('Delay', draft.delayMs),
    retryAfter: number('Retry-After', draft.retryAfter),
    times: number('Times', draft.times),
    probability: number('Probability', draft.probability),
    seed: number('Seed', draft.seed),
    allowRetriedStatus: draft.allowRetriedStatus || undefined,
  };
  return Object.fromEntries(Object.entries(spec).filter(([, value]) => value !== undefined));
}

function effectOf(fault: Fault): string {
  const parts: string[] = [];
  // Without a code the mock sends Descope's for the status (E130429 for a 429…).
  if (fault.status !== undefined) parts.push(`${fault.status} ${fault.errorCode ?? '(default code)'}`);
  if (fault.delayMs) parts.push(`after ${fault.delayMs} ms`);
  return parts.join(' ');
}

/**
 * The faults injected into Descope API calls (`/_mock/faults`), live so their hits move; add one with every
 * field of the control plane's spec (or a preset), remove one or all.
 */
export function FaultsPage(props: PageProps) {
  const { projectId } = props.project;
  const faults = useAsync(() => control<{ faults: Fault[] }>('GET', '/_mock/faults'), []);
  useInterval(faults.reload, POLL_MS);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Fault>();
  const { run: act, error } = useAction(faults.reload);
  const list = faults.value?.faults ?? [];

  return (
    <Section
      title="Faults"
      actions={
        <>
          {list.length > 0 && (
            <button
              type="button"
              class="danger"
              onClick={act(async () => {
                if (confirmed(`Remove all ${list.length} faults?`)) await control('DELETE', '/_mock/faults');
              })}
            >
              Remove all
            </button>
          )}
          <button type="button" class="primary" onClick={() => setAdding(true)}>
            New fault
          </button>
        </>
      }
    >
      <p class="muted">
        A fault makes matching Descope API calls fail or wait, for every client of the mock; the first fault
        that matches a call answers it. Faults are not saved: a restart clears them.
      </p>
      <ErrorNote error={error ?? faults.error} />
      <Table<Fault>
        label="Faults"
        rows={list}
        rowKey={(fault) => fault.id}
        onOpen={setOpen}
        empty={faults.loading && !faults.value ? 'Loading…' : 'No faults: every call is answered normally.'}
        columns={[
          { title: 'ID', cell: (fault) => <code>{fault.id}</code> },
          {
            title: 'Matches',
            cell: (fault) => (
              <span class="mono">
                {fault.method ?? 'any method'} {fault.path ?? 'any path'}
              </span>
            ),
          },
          {
            title: 'Project',
            cell: (fault) =>
              fault.projectId === undefined ? (
                <span class="muted">any</span>
              ) : fault.projectId === projectId ? (
                'this project'
              ) : (
                <code>{fault.projectId}</code>
              ),
          },
          { title: 'Answer', cell: (fault) => effectOf(fault) },
          {
            title: 'Chance',
            class: 'num',
            cell: (fault) =>
              fault.probability === undefined ? '100%' : `${Math.round(fault.probability * 100)}%`,
          },
          { title: 'Hits', class: 'num', cell: (fault) => fault.hits },
          { title: 'Remaining', class: 'num', cell: (fault) => fault.remaining ?? '∞' },
          {
            title: 'Actions',
            cell: (fault) => (
              <button
                type="button"
                class="small danger"
                aria-label={`Remove fault ${fault.id}`}
                onClick={act(async () => {
                  if (confirmed(`Remove fault ${fault.id}?`)) {
                    await control('DELETE', `/_mock/faults/${encodeURIComponent(fault.id)}`);
                  }
                })}
              >
                Remove
              </button>
            ),
          },
        ]}
      />
      {open && (
        <Dialog title={`Fault ${open.id}`} onClose={() => setOpen(undefined)}>
          <JsonView value={open} label={`Fault ${open.id}`} />
        </Dialog>
      )}
      {adding && (
        <AddFault
          projectId={projectId}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            faults.reload();
          }}
        />
      )}
    </Section>
  );
}

function AddFault(props: { projectId: string; onClose: () => void; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (change: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...change }));
  const field = (key: keyof Draft) => ({
    value: String(draft[key]),
    onValue: (value: string) => set({ [key]: value }),
  });
  return (
    <Dialog title="Add a fault" onClose={props.onClose} wide>
      <fieldset class="toolbar fault-presets">
        <legend>Presets</legend>
        {PRESETS.map((preset) => (
          <button type="button" class="small" onClick={() => setDraft(withPreset(draft, preset.draft))}>
            {preset.name}
          </button>
        ))}
      </fieldset>
      <Form
        label="Add fault"
        submit={() => control('POST', '/_mock/faults', specOf(draft, props.projectId))}
        onDone={props.onDone}
      >
        <h3>Which calls</h3>
        <div class="row fault-fields">
          <Select
            label="Method"
            value={draft.method}
            options={METHODS}
            onValue={(method) => set({ method })}
          />
          <Field
            label="Path"
            {...field('path')}
            placeholder="/v1/mgmt/user/create"
            hint="Exact, or with * wildcards; any path when empty"
          />
          <Select
            label="Project"
            value={draft.project}
            options={[
              ['this', `This project (${props.projectId})`],
              ['any', 'Any project'],
              ['other', 'Another project…'],
            ]}
            onValue={(project) => set({ project })}
          />
          {draft.project === 'other' && <Field label="Project ID" required {...field('otherProject')} />}
          <Field
            label="Probability"
            type="number"
            min={0}
            max={1}
            step="any"
            {...field('probability')}
            hint="0 to 1; 1 when empty"
          />
          <Field
            label="Seed"
            type="number"
            step={1}
            {...field('seed')}
            hint="The same calls are hit each run"
          />
          <Field
            label="Times"
            type="number"
            min={1}
            step={1}
            {...field('times')}
            hint="Then it expires; forever when empty"
          />
        </div>
        <h3>What they get</h3>
        <div class="row fault-fields">
          <Field
            label="Status"
            type="number"
            min={400}
            max={599}
            step={1}
            {...field('status')}
            hint="400–599"
          />
          <Field label="Error code" {...field('errorCode')} placeholder="Descope's for the status" />
          <Field label="Error description" {...field('errorDescription')} />
          <Field
            label="Error message"
            {...field('errorMessage')}
            placeholder="Fault F… injected by descope-mock"
          />
          <Field
            label="Delay (ms)"
            type="number"
            min={0}
            max={60000}
            step={1}
            {...field('delayMs')}
            hint="Before the answer; up to 60000"
          />
          <Field
            label="Retry-After (s)"
            type="number"
            min={0}
            step={1}
            {...field('retryAfter')}
            hint="A 429 sends 60 when empty"
          />
        </div>
        <Check
          label="Allow a status the SDKs retry (503, 520–530: each call then waits 5 s)"
          checked={draft.allowRetriedStatus}
          onValue={(allowRetriedStatus) => set({ allowRetriedStatus })}
        />
        <p class="muted">A fault needs a status, a delay or both.</p>
      </Form>
    </Dialog>
  );
}
