import {
  type AuthorizationKind,
  type AuthorizationRequest,
  CODE_TTL_MS,
  checkExchangeable,
  checkPageOpen,
  checkRedirectUrl,
  PAGE_TTL_MS,
  type PendingAuthorization,
  redirectWithCode,
} from '../domain/authorization.js';
import { isEmail } from '../domain/contacts.js';
import { randomId } from '../domain/ids.js';
import { checkCanSignIn } from '../domain/session.js';
import type { UserRecord } from '../domain/user.js';
import { DescopeError, invalid } from '../errors.js';
import type { StoredUser } from '../store/users.js';
import type { Services } from './operation.js';
import { existingUser } from './user/lookup.js';
import { insertNewUser } from './user/mutate.js';

/**
 * The sign-ins that go through the mock's IdP page (OAuth, SSO, Descope as an OIDC provider): started by an
 * authorize call, answered on the page (or at once with a login hint), and ended by exchanging the
 * one-time code. Each method's own file judges its request and signs its session; this file keeps the
 * authorization's life: start, the user picked, the code used up.
 */

/** The path of an authorization's page, under the mock's origin. */
export const idpPagePath = (id: string): string => `/_mock/idp/${id}`;

/**
 * Starts an authorization: where the browser goes next. With a `loginHint` (a user's login ID, or a new email
 * to sign up) the user is picked at once and the answer is the caller's redirect URL with the code, the
 * non-interactive path for tests and scripts; otherwise the IdP page, under `origin` (the mock as the
 * caller reached it).
 */
export function startAuthorization(
  services: Services,
  projectId: string,
  request: AuthorizationRequest,
  origin: string,
  loginHint: string | undefined,
): string {
  const { store } = services;
  const nowMs = services.now();
  const redirectUrl = checkRedirectUrl(request.redirectUrl, 'redirect URL');
  return store.transaction(() => {
    const id = randomId('IA', 40);
    const pending = store.authorizations.add(
      projectId,
      id,
      { ...request, redirectUrl },
      nowMs + PAGE_TTL_MS,
      nowMs,
    );
    if (!loginHint) return `${origin}${idpPagePath(id)}`;
    return pickUser(services, pending, chosenLogin(services, projectId, loginHint));
  });
}

/** The page's submit: `loginId` (a listed user) or `email` (a sign-up). The redirect back, with the code. */
export function answerPage(
  services: Services,
  id: string,
  choice: { loginId?: string; email?: string },
): string {
  const { store } = services;
  return store.transaction(() => {
    const pending = checkPageOpen(store.authorizations.find(id), services.now());
    const given = choice.loginId?.trim() || choice.email?.trim();
    if (!given) throw invalid('Pick a user, or type an email to sign up');
    return pickUser(services, pending, chosenLogin(services, pending.projectId, given));
  });
}

/** An open authorization for its page, or the page's refusal. */
export function openAuthorization(services: Services, id: string): PendingAuthorization {
  return checkPageOpen(services.store.authorizations.find(id), services.now());
}

/**
 * A login ID the page or a hint may pick: an existing user's (who may sign in), or an email that names no
 * user yet, which signs up at the exchange.
 */
function chosenLogin(services: Services, projectId: string, given: string): string {
  const stored = existingUser(services, projectId, given);
  if (stored) {
    checkCanSignIn(stored.user);
    return stored.user.loginIds[0] ?? given;
  }
  if (!isEmail(given)) {
    throw new DescopeError('AUTH_USER_NOT_FOUND', `No user "${given}"; a sign-up takes an email address`);
  }
  return given;
}

function pickUser(services: Services, pending: PendingAuthorization, loginId: string): string {
  const code = randomId('', 43);
  if (!services.store.authorizations.pick(pending.id, loginId, code, services.now() + CODE_TTL_MS)) {
    throw invalid('This sign-in was already answered');
  }
  return redirectWithCode({ ...pending, loginId, code });
}

/**
 * The authorization a code names, used up: call inside the exchange's transaction, before its sign-in, so a
 * failed sign-in leaves the code unused. Refused (401): unknown, another flow's, used or expired.
 */
export function consumeCode(
  services: Services,
  projectId: string,
  code: string,
  kinds: readonly AuthorizationKind[],
): PendingAuthorization {
  const { authorizations } = services.store;
  const pending = checkExchangeable(authorizations.findByCode(projectId, code), kinds, services.now());
  authorizations.consume(pending.id);
  return pending;
}

/**
 * The user an exchanged code signs in: the one picked, or, for a new email, a user signed up now with that
 * email as login ID, verified (the provider vouched for it). `mark` sets what the method leaves on the user
 * (an OAuth provider's flag, SSO's tenant). Vendor behaviour (inferred): a provider's email counts as verified.
 */
export function authorizedUser(
  services: Services,
  pending: PendingAuthorization,
  mark: (user: UserRecord) => UserRecord,
): StoredUser {
  const { projectId, loginId } = pending;
  const { users } = services.store;
  let stored = existingUser(services, projectId, loginId);
  if (!stored) {
    const user = insertNewUser(
      services,
      projectId,
      { loginId, email: loginId, verifiedEmail: true },
      services.store.catalog.forProject(projectId),
    );
    stored = users.findByUserId(projectId, user.userId) as StoredUser;
  }
  checkCanSignIn(stored.user);
  const marked = mark(stored.user);
  if (marked === stored.user) return stored;
  return users.update(projectId, stored, { ...marked, modifiedTime: services.now() });
}
