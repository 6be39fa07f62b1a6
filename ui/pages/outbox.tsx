import { useState } from 'preact/hooks';
import { control, projectPath } from '../api';
import { CopyButton, ErrorNote, Pager, Section, Select, Table, When } from '../components';
import { POLL_MS, useAsync, useInterval, useProjectChanges } from '../hooks';
import type { PageProps } from '../page';

/** A message as `GET /_mock/projects/:id/outbox` lists it. */
interface OutboxMessage {
  id: number;
  /** ISO 8601. */
  time: string;
  kind: string;
  loginId: string;
  userId: string;
  /** email, sms, voice, whatsapp, embedded… ('' where none applies). */
  deliveryMethod: string;
  /** The OTP code or the link's token. */
  token: string;
  /** Epoch milliseconds; 0 = never. */
  expiresMs: number;
  consumed: boolean;
  /** `{ to, code, link, inviteUrl, email, … }` as the method sent them. */
  payload: Record<string, unknown>;
}

const PAGE_SIZE = 50;
/**
 * The newest messages the page reads on each refresh: a project keeps up to 10,000 of up to 16 KiB, which a
 * page reading everything every few seconds would fetch again and again.
 */
const NEWEST = 500;

/**
 * Besides news the journal reports (useProjectChanges, within a second), the outbox is read again this
 * often, so a journal turned off (--journal-size 0) or cleared still leaves the page live, only slower.
 */
const SLOW_POLL_MS = 5 * POLL_MS;

const KINDS = [
  ['', 'Every kind'],
  ['otp', 'OTP codes'],
  ['magiclink', 'Magic links'],
  ['enchantedlink', 'Enchanted links'],
  ['embeddedlink', 'Embedded links'],
  ['invitation', 'Invitations'],
] as const;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The code a reader types: an OTP's code, an embedded link's token (no link to open). */
function codeOf(message: OutboxMessage): string {
  if (message.kind === 'otp') return text(message.payload.code) || message.token;
  if (message.kind === 'embeddedlink') return message.token;
  return text(message.payload.code);
}

/** The link a reader opens: a magic or enchanted link, an invitation's URL when the inviter gave one. */
const linkOf = (message: OutboxMessage): string =>
  text(message.payload.link) || text(message.payload.inviteUrl);

const isWebUrl = (link: string): boolean => /^https?:\/\//i.test(link);

/** Where it went: the address the method names, else the login ID it was sent for. */
const toOf = (message: OutboxMessage): string =>
  text(message.payload.to) || text(message.payload.email) || message.loginId;

function stateOf(message: OutboxMessage, nowMs: number) {
  if (message.consumed) return <span class="badge">used</span>;
  if (message.expiresMs !== 0 && message.expiresMs < nowMs) return <span class="badge warn">expired</span>;
  return message.token ? <span class="badge ok">pending</span> : <span class="muted">—</span>;
}

/**
 * What the project "sent": OTP codes, magic, enchanted and embedded links, invitations, newest first and
 * live. A link opens in a new tab, a code copies.
 */
export function OutboxPage(props: PageProps) {
  const { projectId } = props.project;
  const [kind, setKind] = useState('');
  const [page, setPage] = useState(0);
  const outbox = useAsync(
    () =>
      control<{ messages: OutboxMessage[]; total: number }>(
        'GET',
        projectPath(projectId, `/outbox?limit=${NEWEST}`),
      ),
    [projectId],
  );
  useProjectChanges(projectId, outbox.reload);
  useInterval(outbox.reload, SLOW_POLL_MS, [projectId]);

  const all = [...(outbox.value?.messages ?? [])].reverse();
  const total = outbox.value?.total ?? 0;
  const messages = kind ? all.filter((message) => message.kind === kind) : all;
  const nowMs = Date.now();
  const rows = messages.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);

  return (
    <Section
      title="Outbox"
      actions={
        <button type="button" onClick={outbox.reload}>
          Refresh
        </button>
      }
    >
      <div class="toolbar">
        <Select
          label="Kind"
          value={kind}
          options={KINDS}
          onValue={(value) => {
            setKind(value);
            setPage(0);
          }}
        />
      </div>
      <p class="muted">
        {total.toLocaleString()} message{total === 1 ? '' : 's'}
        {total > all.length ? ` (the newest ${all.length.toLocaleString()} shown)` : ''}, newest first;
        nothing leaves the mock, so codes and links wait here for a test or for you.
      </p>
      <ErrorNote error={outbox.error} />
      <Table<OutboxMessage>
        label="Outbox"
        rows={rows}
        rowKey={(message) => String(message.id)}
        empty={
          outbox.loading && !outbox.value
            ? 'Loading…'
            : 'Nothing sent yet: an OTP, magic link or invitation started through the API shows here.'
        }
        columns={[
          { title: 'Kind', cell: (message) => <span class="badge">{message.kind}</span> },
          {
            title: 'To',
            cell: (message) => (
              <>
                {toOf(message) || <span class="muted">—</span>}
                {message.deliveryMethod && <span class="muted"> ({message.deliveryMethod})</span>}
              </>
            ),
          },
          {
            title: 'Code or link',
            cell: (message) => <Secret message={message} />,
          },
          { title: 'State', cell: (message) => stateOf(message, nowMs) },
          { title: 'Time', class: 'nowrap', cell: (message) => <When value={message.time} /> },
          {
            title: 'User',
            cell: (message) =>
              message.userId ? (
                <>
                  {message.loginId}
                  <br />
                  <code class="muted">{message.userId}</code>
                </>
              ) : (
                <span class="muted">{message.loginId ? `${message.loginId} (new)` : '—'}</span>
              ),
          },
        ]}
      />
      {messages.length > PAGE_SIZE && (
        <Pager page={page} size={PAGE_SIZE} total={messages.length} onPage={setPage} />
      )}
    </Section>
  );
}

function Secret(props: { message: OutboxMessage }) {
  const { message } = props;
  const code = codeOf(message);
  const link = linkOf(message);
  if (!code && !link) return <span class="muted">—</span>;
  return (
    <div class="outbox-secret">
      {code && (
        <span class="row-actions">
          <code>{code}</code>
          <CopyButton text={code} />
        </span>
      )}
      {link &&
        (isWebUrl(link) ? (
          <a href={link} target="_blank" rel="noopener noreferrer" class="mono">
            {link}
          </a>
        ) : (
          // A redirect URL is the API caller's to choose: anything but http(s) (`javascript:`) stays text.
          <code>{link}</code>
        ))}
    </div>
  );
}
