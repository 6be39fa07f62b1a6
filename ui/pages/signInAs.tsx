import { useState } from 'preact/hooks';
import { control, type Project, projectPath } from '../api';
import { CopyButton, Form, JsonView, Select, When } from '../components';
import { selectorOf, type User } from './userWire';

/** What the control plane's session mint answers (Descope's JWTResponse). */
interface Minted {
  sessionJwt?: string;
  refreshJwt?: string;
  sessionExpiration: number;
}

/** A JWT's part (base64url JSON) decoded; a part that is not JSON shows as its text. */
function decodePart(part: string | undefined): unknown {
  const base64 = (part ?? '').replace(/-/g, '+').replace(/_/g, '/');
  try {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return part;
  }
}

export function decodeJwt(token: string): { header: unknown; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.');
  const claims = decodePart(payload);
  return {
    header: decodePart(header),
    payload: typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : {},
  };
}

/** The claims that are times (epoch seconds), shown as dates beside the JSON. */
const TIME_CLAIMS = [
  ['iat', 'Issued'],
  ['nbf', 'Not before'],
  ['exp', 'Expires'],
] as const;

/**
 * "Sign in as": mints a session for the user through the control plane (`POST /_mock/projects/:id/sessions`),
 * as a sign-in would, and shows the session token decoded, with both tokens to copy.
 */
export function SignInAs(props: { project: Project; user: User }) {
  const { project, user } = props;
  const [tenantId, setTenantId] = useState('');
  const [minted, setMinted] = useState<Minted>();
  return (
    <section class="user-signin" aria-label="Sign in as">
      <h3>Sign in as this user</h3>
      <Form
        label="Sign in as"
        submit={async () => {
          setMinted(undefined);
          const body = { loginId: selectorOf(user), ...(tenantId ? { tenantId } : {}) };
          setMinted(await control<Minted>('POST', projectPath(project.projectId, '/sessions'), body));
        }}
      >
        {user.userTenants.length > 0 && (
          <Select
            label="Tenant (dct claim)"
            value={tenantId}
            options={[
              ['', 'No tenant selected'],
              ...user.userTenants.map(
                (tenant) => [tenant.tenantId, tenant.tenantName || tenant.tenantId] as const,
              ),
            ]}
            onValue={setTenantId}
          />
        )}
      </Form>
      {minted && <MintedSession minted={minted} />}
    </section>
  );
}

function MintedSession(props: { minted: Minted }) {
  const { sessionJwt, refreshJwt } = props.minted;
  if (!sessionJwt)
    return (
      <p class="muted" role="status">
        The project answers its tokens in cookies (cookie mode): no token to show here.
      </p>
    );
  const { header, payload } = decodeJwt(sessionJwt);
  return (
    <section class="user-token" aria-label="Session token">
      <div class="toolbar">
        <CopyButton text={sessionJwt} label="Copy session token" />
        {refreshJwt && <CopyButton text={refreshJwt} label="Copy refresh token" />}
      </div>
      <dl class="user-times">
        {TIME_CLAIMS.filter(([claim]) => typeof payload[claim] === 'number').map(([claim, title]) => (
          <>
            <dt>{title}</dt>
            <dd>
              <When value={payload[claim] as number} />
            </dd>
          </>
        ))}
      </dl>
      <div class="split">
        <div>
          <h4>Header</h4>
          <JsonView value={header} label="Session token header" />
        </div>
        <div>
          <h4>Payload</h4>
          <JsonView value={payload} label="Session token payload" />
        </div>
      </div>
      <details>
        <summary>Encoded session token</summary>
        <pre class="json mono" title="Encoded session token">
          {sessionJwt}
        </pre>
      </details>
    </section>
  );
}
