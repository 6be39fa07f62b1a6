import QRCode from 'qrcode';
import type { Caller } from '../domain/caller.js';
import { newTotpSeed, provisioningUrl, totpMatches } from '../domain/totp.js';
import { DescopeError, invalid, required } from '../errors.js';
import type { JwtResponse } from '../schemas/session.js';
import type { TotpResponse, TotpSignUpBody, TotpUpdateBody, TotpVerifyBody } from '../schemas/totp.js';
import type { StoredUser } from '../store/users.js';
import type { Services } from './operation.js';
import { liveRefresh, verifiedRefreshClaims } from './refreshToken.js';
import { signedSession, signInUser, signingKeyReady } from './signIn.js';
import { continuedRefresh, recordUserSignIn } from './signInOptions.js';
import { existingUser } from './user/lookup.js';
import { insertNewUser } from './user/mutate.js';

/**
 * TOTP (descope-auth-api.md §6.5): sign-up and update hand out a new seed (the key, its otpauth URL and a QR
 * code of it), verify checks a code (src/domain/totp.ts) and signs in with `amr: ["totp"]`. A seed given
 * by management create/batch or import, or by a fixture (`totpSeed`), verifies as well. The first code
 * that verifies sets the user's `TOTP` flag. Vendor behaviour (inferred): a new seed replaces the old one at
 * once (no confirmation step), and a code may be used again within its window.
 */

const AMR = 'totp';

export async function totpSignUp(
  services: Services,
  projectId: string,
  body: TotpSignUpBody,
): Promise<TotpResponse> {
  const loginId = required(body.loginId, 'loginId');
  const seed = newTotpSeed();
  const answer = await totpAnswer(services, projectId, loginId, seed);
  services.store.transaction(() => {
    if (existingUser(services, projectId, loginId)) {
      throw new DescopeError('USER_ALREADY_EXISTS', `User "${loginId}" already exists`);
    }
    const user = insertNewUser(
      services,
      projectId,
      { loginId, ...body.user },
      services.store.catalog.forProject(projectId),
    );
    services.store.credentials.setTotpSeed(projectId, user.userId, seed);
  });
  return answer;
}

export async function totpVerify(
  services: Services,
  projectId: string,
  caller: Caller,
  body: TotpVerifyBody,
  cookies: string[],
): Promise<JwtResponse> {
  const loginId = required(body.loginId, 'loginId');
  const code = required(body.code, 'code');
  const previous = await continuedRefresh(services, projectId, caller, body.loginOptions);
  await signingKeyReady(services, projectId);
  const recorded = services.store.transaction(() => {
    let stored = signInUser(services, projectId, loginId);
    const seed = services.store.credentials.totpSeed(projectId, stored.user.userId);
    // Vendor behaviour (inferred): a user without a seed cannot verify one; 400, as a bad argument.
    if (!seed)
      throw invalid(`User "${loginId}" has no TOTP authenticator (totp/signup or totp/update first)`);
    if (!totpMatches(seed, code, services.now())) throw new DescopeError('WRONG_OTP_CODE', 'Wrong code');
    if (!stored.user.TOTP) stored = withTotpFlag(services, projectId, stored);
    return recordUserSignIn(services, projectId, caller, stored, AMR, body.loginOptions, previous, 'TOTP');
  });
  return signedSession(services, projectId, recorded, { cookies });
}

/** `update` (RT): a new seed for the refresh token's user, who adds or replaces their authenticator. */
export async function totpUpdate(
  services: Services,
  projectId: string,
  caller: Caller,
  body: TotpUpdateBody,
): Promise<TotpResponse> {
  const loginId = required(body.loginId, 'loginId');
  const claims = await verifiedRefreshClaims(services, projectId, caller);
  const seed = newTotpSeed();
  const answer = await totpAnswer(services, projectId, loginId, seed);
  services.store.transaction(() => {
    const { user } = liveRefresh(services, projectId, claims);
    const stored = existingUser(services, projectId, loginId);
    // Vendor behaviour (inferred): the login ID must be the refresh token's user's; 400 otherwise.
    if (!stored || stored.user.userId !== user.userId) {
      throw invalid(`The login ID "${loginId}" is not the refresh token's user`);
    }
    services.store.credentials.setTotpSeed(projectId, user.userId, seed);
  });
  return answer;
}

/**
 * The key, its URL and the QR code of it, made before any write (the QR code's PNG is made off the
 * transaction). Vendor behaviour (inferred): the issuer an app shows is the project's name, else its ID.
 */
async function totpAnswer(
  services: Services,
  projectId: string,
  loginId: string,
  seed: string,
): Promise<TotpResponse> {
  const issuer = services.store.control.project(projectId)?.name || projectId;
  const url = provisioningUrl(issuer, loginId, seed);
  const dataUrl = await QRCode.toDataURL(url, { type: 'image/png' });
  return { provisioningURL: url, image: dataUrl.slice(dataUrl.indexOf(',') + 1), key: seed };
}

function withTotpFlag(services: Services, projectId: string, stored: StoredUser): StoredUser {
  const next = { ...stored.user, TOTP: true, modifiedTime: services.now() };
  return services.store.users.update(projectId, stored, next);
}
