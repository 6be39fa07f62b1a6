import { refreshTtlOf } from '../domain/mgmtJwt.js';
import { checkCanSignIn, checkCustomClaims } from '../domain/session.js';
import { DescopeError, invalid, missing } from '../errors.js';
import type { MgmtSignInBody, MgmtSignUpBody } from '../schemas/jwt.js';
import type { JwtResponse } from '../schemas/session.js';
import type { StoredUser } from '../store/users.js';
import { verifiedJwtArgument } from './jwtArguments.js';
import type { Services } from './operation.js';
import { liveRefresh } from './refreshToken.js';
import { DEFAULT_AMR, type UserGrantOptions } from './session.js';
import { recordSignIn, signedSession, signInUser, signingKeyReady } from './signIn.js';
import { existingUser } from './user/lookup.js';
import { insertNewUser } from './user/mutate.js';

/**
 * Sign-in, sign-up and sign-up-or-in with a management key (descope-auth-api.md §7): a session for a user,
 * with what a sign-in leaves behind (§11): a login-history row, an invited user enabled, `firstSeen`.
 *
 * The order keeps a failure from leaving half a sign-in: everything awaited (the `jwt` of a step-up, the
 * project's signing key) comes first; then one transaction checks the user and writes the sign-in; then the
 * tokens are signed with the key already in hand, which fails only on a bug. Writing before signing is also
 * what lets `revokeOtherSessions` revoke the user's earlier sessions without revoking the new one: the
 * session issued after a revocation carries a later ID (issueSession).
 */

/** The audit trail's method of a management sign-in (src/domain/audit.ts, SignInMethod). */
const MANAGEMENT = 'Management';

/** What every management sign-in takes, checked: the login ID, trusted custom claims, a refresh lifetime. */
function signInArguments(body: MgmtSignInBody | MgmtSignUpBody) {
  const { loginId } = body;
  if (!loginId) throw missing('loginId');
  const customClaims = body.customClaims ?? {};
  checkCustomClaims(customClaims);
  return { loginId, customClaims, refreshTtl: refreshTtlOf(body.refreshDuration) };
}

/** `POST /v1/mgmt/auth/signin`. */
export async function mgmtSignIn(
  services: Services,
  projectId: string,
  body: MgmtSignInBody,
  remoteAddress = '',
): Promise<JwtResponse> {
  const { loginId, customClaims, refreshTtl } = signInArguments(body);
  const continues = body.stepup === true || body.mfa === true;
  // Vendor behaviour (inferred): the jwt is read only for stepup and mfa, the two options that continue a session.
  const previous = continues ? await verifiedJwtArgument(services, projectId, body.jwt) : undefined;
  await signingKeyReady(services, projectId);
  const recorded = services.store.transaction(() => {
    const stored = signInUser(services, projectId, loginId);
    const options: UserGrantOptions = {
      amr: DEFAULT_AMR,
      selectedTenant: body.tenantId || body.selectedTenantId || undefined,
      customClaims,
    };
    if (previous) {
      if (previous.drn !== 'DSR')
        throw invalid('The jwt of a step-up or MFA sign-in must be a refresh token');
      const { user } = liveRefresh(services, projectId, previous);
      if (user.userId !== stored.user.userId) throw invalid('The jwt belongs to another user');
      options.amr = continuedAmr(previous.amr, body.mfa === true);
      if (body.stepup) options.extraClaims = { su: true };
    }
    return recordSignIn(services, projectId, stored, options, {
      method: MANAGEMENT,
      remoteAddress,
      revokeOtherSessions: body.revokeOtherSessions === true,
    });
  });
  return signedSession(services, projectId, recorded, { refreshTtl, cookies: null });
}

/**
 * `POST /v1/mgmt/auth/signup` (`orIn` false) and `/signup-in` (`orIn` true: an existing login ID signs in).
 * The user is created as the management create does (insertNewUser), then signed in.
 */
export async function mgmtSignUp(
  services: Services,
  projectId: string,
  body: MgmtSignUpBody,
  orIn: boolean,
  remoteAddress = '',
): Promise<JwtResponse> {
  const { loginId, customClaims, refreshTtl } = signInArguments(body);
  await signingKeyReady(services, projectId);
  const recorded = services.store.transaction(() => {
    let stored = existingUser(services, projectId, loginId);
    if (stored && !orIn) throw new DescopeError('USER_ALREADY_EXISTS', `User "${loginId}" already exists`);
    if (stored) checkCanSignIn(stored.user);
    stored ??= signedUpUser(services, projectId, loginId, body);
    return recordSignIn(
      services,
      projectId,
      stored,
      { amr: DEFAULT_AMR, customClaims },
      { method: MANAGEMENT, remoteAddress },
    );
  });
  return signedSession(services, projectId, recorded, { refreshTtl, cookies: null });
}

/**
 * A new user from a sign-up's details. Vendor behaviour (inferred): an address is verified only when the
 * request says so (Node's `user.verifiedEmail`, Go's root `emailVerified`), as a sign-up verifies nothing.
 */
function signedUpUser(
  services: Services,
  projectId: string,
  loginId: string,
  body: MgmtSignUpBody,
): StoredUser {
  const details = body.user ?? {};
  const user = insertNewUser(
    services,
    projectId,
    {
      loginId,
      name: details.name,
      givenName: details.givenName,
      middleName: details.middleName,
      familyName: details.familyName,
      email: details.email,
      phone: details.phone,
      verifiedEmail: details.verifiedEmail ?? body.emailVerified ?? false,
      verifiedPhone: details.verifiedPhone ?? body.phoneVerified ?? false,
      ssoAppIds: details.ssoAppIds ?? (body.ssoAppId ? [body.ssoAppId] : undefined),
    },
    services.store.catalog.forProject(projectId),
  );
  return services.store.users.findByUserId(projectId, user.userId) as StoredUser;
}

/**
 * The `amr` of a session that continues another: its factors, plus `mfa` for an MFA sign-in (§3.2: `mfa`
 * when two or more methods were used).
 */
function continuedAmr(amr: unknown, mfa: boolean): string[] {
  const factors = Array.isArray(amr)
    ? amr.filter((factor): factor is string => typeof factor === 'string')
    : [];
  const base = factors.length > 0 ? factors : DEFAULT_AMR;
  return mfa && !base.includes('mfa') ? [...base, 'mfa'] : base;
}
