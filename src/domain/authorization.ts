import { createHash } from 'node:crypto';
import { DescopeError, invalid, missing } from '../errors.js';

/**
 * A sign-in handed to the mock's IdP page (descope-auth-api.md §6.8, §6.9, §8.1): Descope sends the browser
 * to a provider (Google, a tenant's SAML IdP) or to its hosted flow, and the browser comes back to the
 * caller's redirect URL with a one-time code. Offline, the provider is the mock's own page
 * (`/_mock/idp/<id>`), where a user is picked; the code is then exchanged once, within its lifetime.
 */
export type AuthorizationKind = 'oauth' | 'sso' | 'oidc';

/** What the caller asked for, fixed when the authorization starts. */
export interface AuthorizationRequest {
  kind: AuthorizationKind;
  /** The OAuth provider (`google`…); '' for SSO and OIDC. */
  provider: string;
  /** The SSO tenant; '' otherwise. */
  tenantId: string;
  /** Where the browser goes back with the code: an absolute http(s) URL. */
  redirectUrl: string;
  /** OIDC's `state`, echoed on the redirect; '' for none. */
  state: string;
  /** OIDC's PKCE `code_challenge` (S256); '' for the Descope flows, which have none. */
  codeChallenge: string;
  /** OIDC's `nonce`, copied into the ID token; '' for none. */
  nonce: string;
  /** OIDC's `scope`; '' otherwise. */
  scope: string;
  /** OIDC's `client_id`; '' otherwise. */
  clientId: string;
  /** The start call's `loginOptions` (custom claims, tenant…), applied at the exchange. */
  loginOptions: Record<string, unknown>;
}

export interface PendingAuthorization extends AuthorizationRequest {
  /** The page's handle: random, unguessable, the only way to reach the page. */
  id: string;
  projectId: string;
  /** The user picked (a login ID, or the new email of a sign-up); '' until then. */
  loginId: string;
  /** The one-time code of the redirect; '' until a user is picked. */
  code: string;
  /** Epoch ms: the page's expiry until a user is picked, then the code's. */
  expiresMs: number;
  consumed: boolean;
}

/** Vendor behaviour (inferred): how long the provider's page waits is the provider's; ten minutes. */
export const PAGE_TTL_MS = 10 * 60 * 1000;
/** Vendor behaviour (inferred): Descope's code lifetime is not published; RFC 6749 §4.1.2 advises at most 10 min. */
export const CODE_TTL_MS = 5 * 60 * 1000;

/**
 * The caller's redirect URL, checked: an absolute http or https URL. Anything else (a relative path,
 * `javascript:`, `data:`) is refused before the page is ever shown, so the page can never send a browser there.
 */
export function checkRedirectUrl(value: string | undefined, field: string): string {
  if (!value) throw missing(field);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`The ${field} must be an absolute http or https URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(`The ${field} must be an absolute http or https URL`);
  }
  return url.href;
}

/** The redirect that ends a sign-in: the caller's URL with `code` (and OIDC's `state`) added to its query. */
export function redirectWithCode(authorization: PendingAuthorization): string {
  const url = new URL(authorization.redirectUrl);
  url.searchParams.set('code', authorization.code);
  if (authorization.state) url.searchParams.set('state', authorization.state);
  return url.href;
}

/** The page can still be answered: not past its expiry, no user picked yet. */
export function checkPageOpen(
  authorization: PendingAuthorization | undefined,
  nowMs: number,
): PendingAuthorization {
  if (authorization?.code !== '' || authorization.expiresMs <= nowMs) {
    throw new DescopeError(
      'INVALID_ARGUMENTS',
      'This sign-in is unknown, expired or already answered: start it again from the application',
    );
  }
  return authorization;
}

/**
 * A code that may be exchanged: issued, unused, unexpired, and of the flow that exchanges it (an OAuth code
 * is no SSO code). Vendor behaviour (inferred): Descope's answer to a bad code is not published; the
 * unauthorized code, 401, as for an expired or used magic link token (§10 E062504 is the link's own).
 */
export function checkExchangeable(
  authorization: PendingAuthorization | undefined,
  kinds: readonly AuthorizationKind[],
  nowMs: number,
): PendingAuthorization {
  if (!authorization || !kinds.includes(authorization.kind)) throw badCode('unknown');
  if (authorization.consumed) throw badCode('already used');
  if (authorization.expiresMs <= nowMs) throw badCode('expired');
  return authorization;
}

const badCode = (why: string): DescopeError => new DescopeError('UNAUTHORIZED', `Invalid code: ${why}`);

/** PKCE S256 (RFC 7636 §4.6): BASE64URL(SHA256(verifier)) equals the challenge. */
export function pkceMatches(challenge: string, verifier: string): boolean {
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}
