import type { AuthorizationKind, PendingAuthorization } from '../domain/authorization.js';
import type { Caller } from '../domain/caller.js';
import { checkCustomClaims } from '../domain/session.js';
import type { TenantRecord } from '../domain/tenant.js';
import type { UserRecord } from '../domain/user.js';
import { DescopeError, invalid, missing } from '../errors.js';
import type { LoginOptions } from '../schemas/oauth.js';
import type { JwtResponse } from '../schemas/session.js';
import { authorizedUser, consumeCode, startAuthorization } from './authorization.js';
import type { Services } from './operation.js';
import { recordSignIn, signedSession, signingKeyReady } from './signIn.js';
import { signInGrant } from './signInOptions.js';

/**
 * OAuth (descope-auth-api.md §6.8) and SSO/SAML (§6.9) sign-ins through the mock's IdP page: the authorize
 * call answers `{url}` (the page, or with a login hint the redirect URL with the code at once), and the
 * exchange turns the code into a session (amr `oauth` / `fed`), signing up a new email.
 */

/** What the start call's `loginOptions` leave for the exchange, kept with the authorization. */
interface KeptOptions {
  customClaims: Record<string, unknown>;
  /** A management key was appended to the start's bearer: its claims go top level, not under `nsec` (§12). */
  claimsTrusted: boolean;
  tenantId: string;
  revokeOtherSessions: boolean;
}

function keptOptions(caller: Caller, options: LoginOptions | undefined): KeptOptions {
  // Vendor behaviour (inferred): step-up and MFA continue a session through the provider; not emulated yet,
  // refused rather than answered as a plain sign-in the real service would not give.
  if (options?.stepup || options?.mfa) {
    throw new DescopeError('NOT_EMULATED', 'stepup and mfa are not emulated for OAuth and SSO sign-ins');
  }
  const customClaims = options?.customClaims ?? {};
  checkCustomClaims(customClaims);
  return {
    customClaims,
    claimsTrusted: caller.managementKey,
    tenantId: options?.tenantId ?? '',
    revokeOtherSessions: options?.revokeOtherSessions === true,
  };
}

/** The query of an OAuth or SSO start: where to come back to, and who to sign in without the page. */
interface StartQuery {
  redirectURL?: string;
  redirectUrl?: string;
  loginHint?: string;
}

/** `POST /v1/auth/oauth/authorize?provider=&redirectURL=&loginHint=`. */
export function authorizeOAuth(
  services: Services,
  projectId: string,
  caller: Caller,
  query: StartQuery & { provider?: string },
  options: LoginOptions | undefined,
): { url: string } {
  if (!query.provider) throw missing('provider');
  return startAt(services, projectId, caller, query, options, {
    kind: 'oauth',
    provider: query.provider,
    tenantId: '',
  });
}

/** `POST /v1/auth/saml/authorize` and `/v1/auth/sso/authorize?tenant=&redirectURL=&loginHint=`. */
export function authorizeSso(
  services: Services,
  projectId: string,
  caller: Caller,
  query: StartQuery & { tenant?: string },
  options: LoginOptions | undefined,
): { url: string } {
  if (!query.tenant) throw missing('tenant');
  const tenant = ssoTenant(services, projectId, query.tenant);
  return startAt(services, projectId, caller, query, options, {
    kind: 'sso',
    provider: tenant.authType,
    tenantId: tenant.id,
  });
}

/** An OAuth or SSO authorization started: the URL of the IdP page, or straight back with a login hint. */
function startAt(
  services: Services,
  projectId: string,
  caller: Caller,
  query: StartQuery,
  options: LoginOptions | undefined,
  flow: { kind: 'oauth' | 'sso'; provider: string; tenantId: string },
): { url: string } {
  const redirectUrl = query.redirectURL || query.redirectUrl;
  // Vendor behaviour (inferred): without a redirect URL Descope uses the project's configured one; the mock
  // has none to use.
  if (!redirectUrl) throw missing('redirectURL');
  const url = startAuthorization(
    services,
    projectId,
    {
      ...flow,
      redirectUrl,
      state: '',
      codeChallenge: '',
      nonce: '',
      scope: '',
      clientId: '',
      loginOptions: { ...keptOptions(caller, options) },
    },
    caller.origin ?? '',
    query.loginHint,
  );
  return { url };
}

/**
 * The tenant an SSO start names: its ID, or an email whose domain is one of a tenant's SSO domains (§6.9).
 * Vendor behaviour (inferred): an unknown tenant, or one without SSO configured (authType none), is 400
 * E011004.
 */
function ssoTenant(services: Services, projectId: string, given: string): TenantRecord {
  const { tenants } = services.store;
  const at = given.lastIndexOf('@');
  const domain = given.slice(at + 1).toLowerCase();
  const tenant =
    at > 0
      ? tenants
          .list(projectId)
          .find((candidate) => candidate.domains.some((owned) => owned.toLowerCase() === domain))
      : tenants.find(projectId, given);
  if (!tenant) throw invalid(`No tenant "${given}" (a tenant ID, or an email of a tenant's SSO domain)`);
  if (tenant.authType !== 'saml' && tenant.authType !== 'oidc') {
    throw invalid(`Tenant "${tenant.id}" has no SSO configured`);
  }
  return tenant;
}

const OAUTH_KINDS: readonly AuthorizationKind[] = ['oauth'];
const SSO_KINDS: readonly AuthorizationKind[] = ['sso'];

/** `POST /v1/auth/oauth/exchange {code}`: amr `oauth`, the provider's flag on the user. */
export function exchangeOAuth(
  services: Services,
  projectId: string,
  caller: Caller,
  code: string | undefined,
  cookies: string[],
): Promise<JwtResponse> {
  return exchange(services, projectId, caller, code, cookies, OAUTH_KINDS, ['oauth'], (user, pending) => ({
    ...user,
    OAuth: { ...user.OAuth, [pending.provider]: true },
  }));
}

/**
 * `POST /v1/auth/saml/exchange` and `/v1/auth/sso/exchange {code}`: amr `fed`; the user joins the tenant
 * (Vendor behaviour (inferred), §6.9) and carries the SAML or OIDC flag of the tenant's SSO.
 */
export function exchangeSso(
  services: Services,
  projectId: string,
  caller: Caller,
  code: string | undefined,
  cookies: string[],
): Promise<JwtResponse> {
  return exchange(services, projectId, caller, code, cookies, SSO_KINDS, ['fed'], (user, pending) => ({
    ...user,
    ...(pending.provider === 'oidc' ? { OIDC: true } : { SAML: true }),
    userTenants: user.userTenants.some((membership) => membership.tenantId === pending.tenantId)
      ? user.userTenants
      : [...user.userTenants, { tenantId: pending.tenantId, roleNames: [] }],
  }));
}

async function exchange(
  services: Services,
  projectId: string,
  caller: Caller,
  code: string | undefined,
  cookies: string[],
  kinds: readonly AuthorizationKind[],
  amr: string[],
  mark: (user: UserRecord, pending: PendingAuthorization) => UserRecord,
): Promise<JwtResponse> {
  if (!code) throw missing('code');
  await signingKeyReady(services, projectId);
  const recorded = services.store.transaction(() => {
    const pending = consumeCode(services, projectId, code, kinds);
    const stored = authorizedUser(services, pending, (user) => mark(user, pending));
    const options = pending.loginOptions as unknown as KeptOptions;
    const grant = signInGrant(amr, options.customClaims, options.claimsTrusted, options.tenantId);
    return recordSignIn(services, projectId, stored, grant, {
      // Vendor behaviour (inferred): an SSO (SAML/OIDC tenant) sign-in is `SSO`, a social one `OAuth`.
      method: pending.kind === 'sso' ? 'SSO' : 'OAuth',
      revokeOtherSessions: options.revokeOtherSessions,
      ip: caller.ip,
    });
  });
  return signedSession(services, projectId, recorded, { cookies });
}
