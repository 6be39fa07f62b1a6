import { useState } from 'preact/hooks';
import { mgmt } from '../api';
import { CopyButton, Dialog, ErrorNote, Field, JsonView, Pager, Section, Table, When } from '../components';
import { useAsync, useProjectChanges } from '../hooks';
import { FilterActions, useFilterForm } from '../lists';
import type { PageProps } from '../page';
import { plural } from '../pickers';

/** An event as `POST /v1/mgmt/audit/search` answers it (descope-mgmt-more.md §5). */
interface AuditEvent {
  ID: string;
  projectId: string;
  userId: string;
  action: string;
  /** Epoch milliseconds, as a string (int64 on the wire). */
  occurred: string;
  device: string;
  method: string;
  geo: string;
  remoteAddress: string;
  externalIds: string[];
  tenants: string[];
  data: Record<string, unknown>;
  type: string;
  actorId: string;
}

/** The filters the page offers, as typed: lists are comma-separated, times are the input's local time. */
interface Filters {
  actions: string;
  userIds: string;
  loginIds: string;
  tenants: string;
  text: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = {
  actions: '',
  userIds: '',
  loginIds: '',
  tenants: '',
  text: '',
  from: '',
  to: '',
};

const PAGE_SIZE = 50;

/** The actions Descope documents (and the mock writes), offered as suggestions in the action filter. */
const KNOWN_ACTIONS = [
  'UserCreated',
  'UsersCreated',
  'UserModified',
  'UsersModified',
  'UserDeleted',
  'UsersDeleted',
  'AccessKeyCreated',
  'AccessKeyModified',
  'AccessKeyDeleted',
  'AccessKeysDeleted',
  'PermissionCreated',
  'PermissionModified',
  'PermissionDeleted',
  'RoleCreated',
  'RoleModified',
  'RoleDeleted',
  'TenantCreated',
  'TenantModified',
  'TenantDeleted',
  'LoginSucceed',
  'LoginFailed',
  'ProjectDeleted',
];

const list = (text: string): string[] | undefined => {
  const values = text
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  return values.length > 0 ? values : undefined;
};

/** A `datetime-local` value as epoch ms; an unparsable one is refused here rather than sent as nonsense. */
function epochMs(value: string, label: string): number | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) throw new Error(`${label} is not a date and time`);
  return ms;
}

/** The search body of the filters, one page of it, newest first (Descope's order). */
function searchBody(filters: Filters, page: number) {
  return {
    actions: list(filters.actions),
    userIds: list(filters.userIds),
    externalIds: list(filters.loginIds),
    tenants: list(filters.tenants),
    text: filters.text.trim() || undefined,
    from: epochMs(filters.from, 'From'),
    to: epochMs(filters.to, 'To'),
    size: PAGE_SIZE,
    page,
  };
}

const TYPE_BADGE: Record<string, string> = { info: 'badge', warn: 'badge warn', error: 'badge bad' };

/**
 * The project's audit trail of the last 30 days (`POST /v1/mgmt/audit/search`), newest first, filtered and
 * paged by Descope's own search; live: an SDK's change shows its event within a second.
 */
export function AuditPage(props: PageProps) {
  const { project } = props;
  const [page, setPage] = useState(0);
  const form = useFilterForm(NO_FILTERS, () => setPage(0));
  const { draft, filters, set, filtered } = form;
  const [open, setOpen] = useState<AuditEvent>();
  const result = useAsync(
    // async: a bad time in the filters becomes the page's error, not a throw in an effect.
    async () =>
      mgmt<{ audits: AuditEvent[]; total: number }>(
        project,
        '/v1/mgmt/audit/search',
        searchBody(filters, page),
      ),
    [project.projectId, filters, page],
  );
  useProjectChanges(project.projectId, result.reload);

  const total = result.value?.total ?? 0;
  const audits = result.value?.audits ?? [];

  return (
    <Section
      title="Audit"
      actions={
        <span class="muted" aria-live="polite">
          {result.value ? plural(total, 'event') : 'Loading…'}
          {filtered && result.value ? ' match the filters' : ''}
        </span>
      }
    >
      <form class="audit-filters" aria-label="Filters" onSubmit={form.submit}>
        <div class="row">
          <Field
            label="Actions"
            value={draft.actions}
            onValue={set('actions')}
            list="audit-actions"
            placeholder="e.g. UserCreated"
          />
          <Field
            label="User IDs"
            value={draft.userIds}
            onValue={set('userIds')}
            placeholder="comma-separated"
          />
          <Field
            label="Login IDs"
            value={draft.loginIds}
            onValue={set('loginIds')}
            placeholder="comma-separated"
          />
          <Field label="Tenants" value={draft.tenants} onValue={set('tenants')} placeholder="tenant IDs" />
          <Field
            label="Text"
            type="search"
            value={draft.text}
            onValue={set('text')}
            placeholder="in any field"
          />
          <Field label="From" type="datetime-local" value={draft.from} onValue={set('from')} />
          <Field label="To" type="datetime-local" value={draft.to} onValue={set('to')} />
        </div>
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((action) => (
            <option value={action} />
          ))}
        </datalist>
        <FilterActions form={form} class="form-actions" applyClass="primary" />
        <p class="muted">
          Lists are comma-separated (any value matches); filters combine. Descope keeps the last 30 days.
        </p>
      </form>
      <ErrorNote error={result.error} />
      {result.value && (
        <>
          <Table<AuditEvent>
            label="Audit events"
            rows={audits}
            rowKey={(event) => event.ID}
            onOpen={setOpen}
            empty={
              filtered
                ? 'No event matches the filters.'
                : 'No events yet: the management calls that change users, tenants, roles, permissions and access keys, and sign-ins, write them.'
            }
            columns={[
              { title: 'Action', cell: (event) => event.action },
              {
                title: 'Time',
                class: 'nowrap',
                cell: (event) => <When value={new Date(Number(event.occurred)).toISOString()} />,
              },
              {
                title: 'Type',
                cell: (event) => <span class={TYPE_BADGE[event.type] ?? 'badge'}>{event.type}</span>,
              },
              { title: 'User', cell: (event) => <code>{event.userId}</code> },
              { title: 'Login IDs', cell: (event) => event.externalIds.join(', ') },
              { title: 'Tenants', cell: (event) => <code>{event.tenants.join(', ')}</code> },
              { title: 'Actor', cell: (event) => <code>{event.actorId}</code> },
              { title: 'Address', class: 'nowrap', cell: (event) => event.remoteAddress },
            ]}
          />
          {(total > PAGE_SIZE || page > 0) && (
            <Pager page={page} size={PAGE_SIZE} total={total} onPage={setPage} />
          )}
        </>
      )}
      {open && (
        <Dialog title={`${open.action} event`} wide onClose={() => setOpen(undefined)}>
          <div class="toolbar">
            <When value={new Date(Number(open.occurred)).toISOString()} />
            <CopyButton text={JSON.stringify(open, null, 2)} label="Copy JSON" />
          </div>
          <JsonView value={open} label={`Event ${open.ID}`} />
        </Dialog>
      )}
    </Section>
  );
}
