import type { TokenClaims } from './session.js';
import type { UserRecord } from './user.js';

/**
 * Descope as an OIDC provider (descope-auth-api.md §8.1, §8.2): the discovery document and the claims of
 * its ID tokens and userinfo. The issuer is `<origin>/<projectId>`, the emulator's own origin standing for
 * `https://api.descope.com`.
 */

/** The project's default OIDC application (DESIGN.md: every project has it), whose client ID is the project ID. */
export const DEFAULT_OIDC_APP = 'descope-default-oidc';

export const SUPPORTED_SCOPES = [
  'openid',
  'profile',
  'email',
  'phone',
  'roles',
  'descope.custom_claims',
  'offline_access',
] as const;

export const issuerOf = (origin: string, projectId: string): string => `${origin}/${projectId}`;

/**
 * `/{projectId}/.well-known/openid-configuration` (spec `sessionv1.WellKnownConfigurationResponse`).
 * Vendor behaviour (inferred): the default application is a public client (web-js uses the project ID as
 * client ID with PKCE, no secret), so the token endpoint takes `none` and PKCE S256 is required.
 */
export function discoveryDocument(origin: string, projectId: string) {
  const issuer = issuerOf(origin, projectId);
  return {
    issuer,
    authorization_endpoint: `${origin}/oauth2/v1/authorize`,
    token_endpoint: `${origin}/oauth2/v1/token`,
    userinfo_endpoint: `${origin}/oauth2/v1/userinfo`,
    end_session_endpoint: `${origin}/oauth2/v1/logout`,
    revocation_endpoint: `${origin}/oauth2/v1/revoke`,
    jwks_uri: `${origin}/${projectId}/.well-known/jwks.json`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: [...SUPPORTED_SCOPES],
    claims_supported: [
      'iss',
      'aud',
      'sub',
      'iat',
      'exp',
      'auth_time',
      'nonce',
      'amr',
      'email',
      'email_verified',
      'name',
      'given_name',
      'family_name',
      'picture',
      'phone_number',
      'phone_number_verified',
      'roles',
      'permissions',
      'tenants',
    ],
    token_endpoint_auth_methods_supported: ['none'],
    code_challenge_methods_supported: ['S256'],
    backchannel_logout_supported: false,
  };
}

export const scopesOf = (scope: string): Set<string> => new Set(scope.split(/\s+/).filter(Boolean));

/**
 * The user's standard claims a scope grants (§8.2), flat, as userinfo answers them and the ID token carries
 * them: `email`, `profile`, `phone`; `roles` copies the session's roles, permissions and tenants.
 */
export function scopedClaims(
  user: UserRecord,
  scopes: ReadonlySet<string>,
  session: Record<string, unknown>,
): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: user.userId };
  if (scopes.has('email')) {
    claims.email = user.email;
    claims.email_verified = user.verifiedEmail;
  }
  if (scopes.has('profile')) {
    claims.name = user.name;
    claims.given_name = user.givenName;
    claims.family_name = user.familyName;
    claims.picture = user.picture;
  }
  if (scopes.has('phone')) {
    claims.phone_number = user.phone;
    claims.phone_number_verified = user.verifiedPhone;
  }
  if (scopes.has('roles')) {
    for (const key of ['roles', 'permissions', 'tenants']) {
      if (session[key] !== undefined) claims[key] = session[key];
    }
  }
  return claims;
}

/** The ID token's claims (§8.2): issuer, audience, subject, times, nonce, amr, then the scoped claims. */
export function idTokenClaims(options: {
  issuer: string;
  clientId: string;
  user: UserRecord;
  scopes: ReadonlySet<string>;
  session: TokenClaims;
  authTime: number;
  nonce: string;
}): Record<string, unknown> {
  const { session } = options;
  return {
    ...scopedClaims(options.user, options.scopes, session),
    iss: options.issuer,
    aud: options.clientId,
    iat: session.iat,
    exp: session.exp,
    auth_time: options.authTime,
    ...(options.nonce ? { nonce: options.nonce } : {}),
    ...(session.amr !== undefined ? { amr: session.amr } : {}),
  };
}
