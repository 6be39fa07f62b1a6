import { decodeJwt } from 'jose';
import { type PendingAuthorization, pkceMatches } from '../domain/authorization.js';
import {
  DEFAULT_OIDC_APP,
  discoveryDocument,
  idTokenClaims,
  issuerOf,
  scopedClaims,
  scopesOf,
} from '../domain/oidc.js';
import type { TokenClaims } from '../domain/session.js';
import type { UserRecord } from '../domain/user.js';
import { DescopeError, invalid, missing } from '../errors.js';
import { authorizedUser, consumeCode, startAuthorization } from './authorization.js';
import type { Services } from './operation.js';
import { projectNotFound } from './projects.js';
import { liveRefresh, verifiedRefreshJwt } from './refreshToken.js';
import { DEFAULT_AMR, type IssuedSession, issueSession, reissueSession, userGrant } from './session.js';
import { recordSignIn, signingKeyReady } from './signIn.js';
import { projectSigningKey } from './signingKeys.js';
import { signToken, verifyToken } from './tokens.js';

/**
 * Descope as an OIDC provider (descope-auth-api.md §8.1, §8.2) for the project's default application: the
 * client ID is the project ID (web-js's OIDC mode), a public client with PKCE S256. The browser signs in on
 * the mock's IdP page; the code is exchanged at the token endpoint for an access token (a Descope session
 * token whose `iss` is the issuer URL), an ID token and the refresh token, all signed with the project's key.
 */

/** An OAuth 2.0 error (RFC 6749 §5.2): `{error, error_description}`, as OIDC clients read them. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

/** `GET /{projectId}/.well-known/openid-configuration`. Unknown project: 400 E011004, as the keys answer. */
export function openIdConfiguration(services: Services, projectId: string, origin: string) {
  if (!services.store.projects.exists(projectId)) throw invalid(`Project "${projectId}" does not exist`);
  return discoveryDocument(origin, projectId);
}

/** The project a client ID names, with its default OIDC application: the client. */
function clientProject(services: Services, clientId: string | undefined): string {
  if (!clientId) throw missing('client_id');
  const { store } = services;
  if (!store.projects.exists(clientId) || !store.catalog.forProject(clientId).ssoApp(DEFAULT_OIDC_APP)) {
    throw invalid(
      `Unknown client_id "${clientId}": the client is a project's ${DEFAULT_OIDC_APP} application`,
    );
  }
  return clientId;
}

export interface AuthorizeParams {
  response_type?: string;
  client_id?: string;
  redirect_uri?: string;
  scope?: string;
  state?: string;
  nonce?: string;
  code_challenge?: string;
  code_challenge_method?: string;
  login_hint?: string;
  loginHint?: string;
}

/**
 * `GET|POST /oauth2/v1/authorize`: where the browser goes, the IdP page, or with `login_hint` straight back to
 * `redirect_uri` with `code` and `state`. Vendor behaviour (inferred): a bad request is answered here, 400
 * with Descope's error body, rather than redirected with `?error=`, so no redirect goes to a URL not checked.
 */
export function oidcAuthorize(services: Services, origin: string, params: AuthorizeParams): string {
  const projectId = clientProject(services, params.client_id);
  if (params.response_type !== 'code') throw invalid('response_type must be "code"');
  if (!params.redirect_uri) throw missing('redirect_uri');
  const scope = params.scope ?? '';
  if (!scopesOf(scope).has('openid')) throw invalid('scope must include "openid"');
  if (!params.code_challenge) throw invalid('PKCE is required: send code_challenge (S256)');
  if (params.code_challenge_method !== 'S256') throw invalid('code_challenge_method must be "S256"');
  return startAuthorization(
    services,
    projectId,
    {
      kind: 'oidc',
      provider: '',
      tenantId: '',
      redirectUrl: params.redirect_uri,
      state: params.state ?? '',
      codeChallenge: params.code_challenge,
      nonce: params.nonce ?? '',
      scope,
      clientId: params.client_id ?? projectId,
      loginOptions: {},
    },
    origin,
    params.login_hint || params.loginHint || undefined,
  );
}

export interface TokenForm {
  grant_type?: string;
  code?: string;
  redirect_uri?: string;
  code_verifier?: string;
  client_id?: string;
  refresh_token?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  id_token: string;
  refresh_token: string;
  scope: string;
}

/** `POST /oauth2/v1/token`: the `authorization_code` (PKCE) and `refresh_token` grants. */
export async function oidcToken(
  services: Services,
  origin: string,
  form: TokenForm,
  remoteAddress = '',
): Promise<TokenResponse> {
  let projectId: string;
  try {
    projectId = clientProject(services, form.client_id);
  } catch (error) {
    throw new OAuthError('invalid_client', (error as Error).message, 401);
  }
  const issuer = issuerOf(origin, projectId);
  if (form.grant_type === 'authorization_code') {
    return codeGrant(services, projectId, issuer, form, remoteAddress);
  }
  if (form.grant_type === 'refresh_token') return refreshGrant(services, projectId, issuer, form);
  throw new OAuthError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
}

async function codeGrant(
  services: Services,
  projectId: string,
  issuer: string,
  form: TokenForm,
  remoteAddress: string,
): Promise<TokenResponse> {
  const { code, redirect_uri: redirectUri, code_verifier: verifier } = form;
  if (!code || !redirectUri || !verifier) {
    throw new OAuthError('invalid_request', 'code, redirect_uri and code_verifier are required');
  }
  await signingKeyReady(services, projectId);
  const { recorded, pending } = services.store.transaction(() => {
    const found = grantable(services, projectId, code);
    if (found.clientId !== form.client_id)
      throw new OAuthError('invalid_grant', 'The code was issued to another client');
    if (found.redirectUrl !== redirectUri && found.redirectUrl !== safeHref(redirectUri)) {
      throw new OAuthError('invalid_grant', 'redirect_uri differs from the authorization request');
    }
    if (!pkceMatches(found.codeChallenge, verifier)) {
      throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge');
    }
    const stored = authorizedUser(services, found, (user) => user);
    // Vendor behaviour (inferred): the hosted flow's method is the application's choice; the IdP page stands
    // for an email sign-in, the mock's default amr.
    const signIn = recordSignIn(
      services,
      projectId,
      stored,
      {
        amr: DEFAULT_AMR,
        customClaims: {},
        extraClaims: { scope: found.scope },
        sessionIssuer: issuer,
      },
      { ip: '', method: 'OIDC', remoteAddress },
    );
    return { recorded: signIn, pending: found };
  });
  const issued = await issueSession(services, projectId, recorded.grant);
  return tokenResponse(services, projectId, issuer, issued, recorded.user, {
    clientId: pending.clientId,
    scope: pending.scope,
    nonce: pending.nonce,
    authTime: issued.claims.session.iat,
  });
}

/** The authorization a code names, used up; any refusal is OAuth's `invalid_grant`. */
function grantable(services: Services, projectId: string, code: string): PendingAuthorization {
  try {
    return consumeCode(services, projectId, code, ['oidc']);
  } catch (error) {
    throw new OAuthError('invalid_grant', (error as Error).message);
  }
}

const safeHref = (value: string): string => {
  try {
    return new URL(value).href;
  } catch {
    return value;
  }
};

async function refreshGrant(
  services: Services,
  projectId: string,
  issuer: string,
  form: TokenForm,
): Promise<TokenResponse> {
  if (!form.refresh_token) throw new OAuthError('invalid_request', 'refresh_token is required');
  const claims = await asGrantError(() => verifiedRefreshJwt(services, projectId, form.refresh_token));
  const { user } = await asGrantError(async () => liveRefresh(services, projectId, claims));
  const scope = typeof claims.scope === 'string' ? claims.scope : 'openid';
  const amr = Array.isArray(claims.amr) ? (claims.amr as string[]) : DEFAULT_AMR;
  const grant = userGrant(services, projectId, user, {
    amr,
    customClaims: {},
    extraClaims: { scope },
    sessionIssuer: issuer,
  });
  const issued = await reissueSession(services, projectId, grant, {
    jwt: form.refresh_token,
    claims: claims as TokenClaims,
  });
  return tokenResponse(services, projectId, issuer, issued, user, {
    clientId: projectId,
    scope,
    nonce: '',
    authTime: typeof claims.iat === 'number' ? claims.iat : issued.claims.session.iat,
  });
}

async function asGrantError<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DescopeError) throw new OAuthError('invalid_grant', error.message);
    throw error;
  }
}

/**
 * The token answer: the session token as the access token (issued with the issuer URL as `iss`, §8.2: the
 * SDKs take the project ID from its last segment), the ID token, the refresh token as issued.
 */
async function tokenResponse(
  services: Services,
  projectId: string,
  issuer: string,
  issued: IssuedSession,
  user: UserRecord,
  details: { clientId: string; scope: string; nonce: string; authTime: number },
): Promise<TokenResponse> {
  const key = await projectSigningKey(services, projectId, () => projectNotFound(projectId));
  const session = issued.claims.session;
  const idClaims = idTokenClaims({
    issuer,
    clientId: details.clientId,
    user,
    scopes: scopesOf(details.scope),
    session,
    authTime: details.authTime,
    nonce: details.nonce,
  });
  const idToken = await signToken(key, idClaims);
  return {
    access_token: issued.sessionJwt,
    token_type: 'Bearer',
    expires_in: Math.max(0, session.exp - Math.floor(issued.clockMs / 1000)),
    id_token: idToken,
    refresh_token: issued.refreshJwt,
    scope: details.scope,
  };
}

/**
 * `GET|POST /oauth2/v1/userinfo` with `Authorization: Bearer <access_token>`: flat claims of the token's
 * scope (⚠ the spec's `{userInfoClaims}` wrapper is not what OIDC clients read; §8.1, §12).
 */
export async function oidcUserInfo(
  services: Services,
  authorization: string | undefined,
): Promise<Record<string, unknown>> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) throw new OAuthError('invalid_token', 'Send Authorization: Bearer <access_token>', 401);
  const token = match[1];
  const projectId = projectOfToken(token);
  const claims = await verifyToken(services.store.signingKeys.find(projectId), token, services.now()).catch(
    (error: Error) => {
      throw new OAuthError('invalid_token', error.message, 401);
    },
  );
  if (claims.drn !== 'DS' || typeof claims.sub !== 'string') {
    throw new OAuthError('invalid_token', 'Not an access token', 401);
  }
  const found = services.store.users.findByUserId(projectId, claims.sub);
  if (!found) throw new OAuthError('invalid_token', 'The user no longer exists', 401);
  const scope = typeof claims.scope === 'string' ? claims.scope : 'openid';
  return scopedClaims(found.user, scopesOf(scope), claims);
}

/** The project a token names: its `iss`, a project ID or an issuer URL ending in one. */
function projectOfToken(token: string): string {
  let iss: unknown;
  try {
    iss = decodeJwt(token).iss;
  } catch {
    throw new OAuthError('invalid_token', 'Not a JWT', 401);
  }
  if (typeof iss !== 'string') throw new OAuthError('invalid_token', 'The token names no issuer', 401);
  return iss.slice(iss.lastIndexOf('/') + 1);
}

export interface LogoutParams {
  id_token_hint?: string;
  post_logout_redirect_uri?: string;
  state?: string;
  client_id?: string;
}

/**
 * `GET|POST /oauth2/v1/logout` (RP-initiated logout): the ID token's user has every session revoked, then the
 * browser goes to `post_logout_redirect_uri` (with `state`), or gets `{}` without one. An ID token that does
 * not verify revokes nothing. Vendor behaviour (inferred): Descope revokes the user's sessions.
 */
export async function oidcLogout(services: Services, params: LogoutParams): Promise<string | undefined> {
  const hint = params.id_token_hint;
  if (hint) {
    try {
      const projectId = projectOfToken(hint);
      const key = services.store.signingKeys.find(projectId);
      // An ID token is often expired by logout time: its signature is what counts, so its own exp is the clock.
      const exp = decodeJwt(hint).exp ?? 0;
      const claims = await verifyToken(key, hint, Math.min(services.now(), exp * 1000 - 1));
      if (typeof claims.sub === 'string' && claims.aud !== undefined) {
        const sub = claims.sub;
        services.store.transaction(() => services.store.sessions.revoke(projectId, sub, services.now()));
      }
    } catch {
      // A hint that does not verify revokes nothing; the browser still goes back.
    }
  }
  const target = params.post_logout_redirect_uri;
  if (!target) return undefined;
  const url = new URL(safeHttpUrl(target));
  if (params.state) url.searchParams.set('state', params.state);
  return url.href;
}

function safeHttpUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // refused below
  }
  throw invalid('post_logout_redirect_uri must be an absolute http or https URL');
}

/**
 * `POST /oauth2/v1/revoke` (RFC 7009): a refresh token of the mock is revoked as a logout revokes it; any
 * other token, valid or not, is answered the same `{}`, as the RFC asks.
 */
export async function oidcRevoke(
  services: Services,
  token: string | undefined,
): Promise<Record<string, never>> {
  if (!token) return {};
  try {
    const projectId = projectOfToken(token);
    const claims = await verifyToken(services.store.signingKeys.find(projectId), token, services.now());
    if (claims.drn === 'DSR' && typeof claims.jti === 'string' && typeof claims.exp === 'number') {
      const { jti, exp } = claims;
      services.store.transaction(() =>
        services.store.sessions.revokeToken(projectId, jti, exp, Math.floor(services.now() / 1000)),
      );
    }
  } catch {
    // RFC 7009 §2.2: an invalid token is not an error.
  }
  return {};
}
