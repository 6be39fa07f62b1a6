import type { PendingAuthorization } from '../domain/authorization.js';
import type { UserRecord } from '../domain/user.js';
import { parseSearchFilter } from '../domain/userSearch.js';
import { idpPagePath, openAuthorization } from './authorization.js';
import type { Services } from './operation.js';

/** Users listed on the page; a search narrows the rest, or a login ID is typed. */
export const LISTED_USERS = 50;
/** A search longer than this is cut: it is a substring of a login ID, a name or an email. */
const MAX_SEARCH = 200;

/**
 * The mock's IdP page (`GET /_mock/idp/<id>`): the provider's sign-in screen, offline. Plain HTML, no
 * script, every value escaped; each listed user is a submit button (Tab and Enter reach it), and a typed login
 * ID or a new email signs in or up. Posts to itself; the answer is a 303 back to the caller's redirect URL.
 */
export function idpPage(services: Services, id: string, search: string | undefined): string {
  const pending = openAuthorization(services, id);
  const text = (search ?? '').trim().slice(0, MAX_SEARCH);
  const filter = parseSearchFilter({ text, limit: LISTED_USERS, withTestUser: true });
  const { users, total } = services.store.userSearch.search(pending.projectId, filter);
  const action = escapeHtml(idpPagePath(id));
  const rows = users.map(userRow).join('\n');
  const shown =
    total > users.length ? `the first ${users.length} of ${total}` : `${total} user${total === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>Sign in - descope-mock IdP</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Sign in</h1>
<p class="what">${escapeHtml(describe(pending))} &middot; project <code>${escapeHtml(pending.projectId)}</code></p>
<p class="back">You will go back to <code>${escapeHtml(originOf(pending.redirectUrl))}</code>.</p>
<form method="get" action="${action}" role="search">
<label for="q">Find a user</label>
<div class="row"><input id="q" name="q" type="search" value="${escapeHtml(text)}" maxlength="${MAX_SEARCH}"><button type="submit">Search</button></div>
</form>
<form method="post" action="${action}">
<fieldset>
<legend>Users (${escapeHtml(shown)}${text ? ` matching &ldquo;${escapeHtml(text)}&rdquo;` : ''})</legend>
${rows ? `<ul>\n${rows}\n</ul>` : '<p>No user matches.</p>'}
</fieldset>
</form>
<form method="post" action="${action}">
<label for="loginId">Or type a login ID, or a new email to sign up</label>
<div class="row"><input id="loginId" name="loginId" type="text" required autocomplete="off" maxlength="320"><button type="submit">Continue</button></div>
</form>
</main>
</body>
</html>
`;
}

function userRow(user: UserRecord): string {
  const loginId = user.loginIds[0] ?? user.userId;
  const name = user.name || [user.givenName, user.familyName].filter(Boolean).join(' ');
  const detail = [loginId, user.email && user.email !== loginId ? user.email : '', user.status]
    .filter(Boolean)
    .join(' · ');
  return `<li><button type="submit" name="loginId" value="${escapeHtml(loginId)}"><strong>${escapeHtml(
    name || loginId,
  )}</strong><span>${escapeHtml(detail)}</span></button></li>`;
}

function describe(pending: PendingAuthorization): string {
  if (pending.kind === 'oauth') return `OAuth provider "${pending.provider}"`;
  if (pending.kind === 'sso') return `SSO for tenant "${pending.tenantId}"`;
  return `OIDC client "${pending.clientId}"`;
}

const originOf = (url: string): string => new URL(url).origin;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or an attribute value (always double-quoted here) made inert. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const STYLE = `
body{font:16px/1.4 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d1f23}
main{max-width:34rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{margin-top:0;font-size:1.5rem}.what,.back{color:#4a4f57;margin:.25rem 0}
form{margin-top:1rem}label{display:block;font-weight:600;margin-bottom:.25rem}
.row{display:flex;gap:.5rem}input{flex:1;padding:.5rem;font:inherit;border:1px solid #9aa0a8;border-radius:4px}
button{padding:.5rem .9rem;font:inherit;border:1px solid #2f5bd3;background:#2f5bd3;color:#fff;border-radius:4px;cursor:pointer}
fieldset{border:1px solid #d5d8dd;border-radius:6px;padding:.5rem 1rem}legend{font-weight:600}
ul{list-style:none;margin:0;padding:0}li{margin:.35rem 0}
li button{width:100%;text-align:left;background:#fff;color:inherit;border-color:#d5d8dd;display:flex;flex-direction:column}
li button:hover,li button:focus{border-color:#2f5bd3;outline:2px solid #2f5bd3}
li span{color:#4a4f57;font-size:.875rem}
:focus-visible{outline:3px solid #e0a100;outline-offset:2px}
`;
