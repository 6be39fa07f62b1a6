import { type PasswordState, toWirePasskey } from '../../domain/credentials.js';
import { checkNewPassword, hashPassword } from '../../domain/passwords.js';
import { invalid, missing } from '../../errors.js';
import type { SelectorBody } from '../../schemas/user.js';
import type {
  ImportPasskeysBody,
  PasskeysResponse,
  RemovePasskeyBody,
  SetPasswordBody,
  SetPasswordResponse,
} from '../../schemas/userCredentials.js';
import type { VoidResponse } from '../../schemas/void.js';
import type { Services } from '../operation.js';
import { changeCredentials } from './credentialChange.js';
import { requireUser, selectorOf } from './lookup.js';

/** Passwords, passkeys, TOTP and recovery codes of a user (descope-api.md 4.11, 4.15). */

/** Sets the user's password (a salted hash only) in the given state; the user's `password` flag becomes true. */
export function setUserPassword(
  services: Services,
  projectId: string,
  body: SetPasswordBody,
  state: PasswordState,
): SetPasswordResponse {
  const selector = selectorOf(body);
  if (!selector) throw missing('loginId');
  const hash = hashPassword(checkNewPassword(body.password));
  changeCredentials(services, projectId, selector, (user) => {
    services.store.credentials.setPassword(projectId, user.userId, { hash, state, setMs: services.now() });
    return { password: true };
  });
  return { cleartext: '' };
}

export function expireUserPassword(services: Services, projectId: string, body: SelectorBody): VoidResponse {
  // Vendor behaviour (inferred): a user without a password is left as is, without error.
  changeCredentials(services, projectId, selectorOf(body), (user) => {
    services.store.credentials.setPasswordState(projectId, user.userId, 'expired');
    return {};
  });
  return {};
}

export function listUserPasskeys(
  services: Services,
  projectId: string,
  body: SelectorBody,
): PasskeysResponse {
  const { user } = requireUser(services, projectId, selectorOf(body));
  return { passkeys: services.store.credentials.passkeys(projectId, user.userId).map(toWirePasskey) };
}

export function removeUserPasskeys(services: Services, projectId: string, body: SelectorBody): VoidResponse {
  changeCredentials(services, projectId, selectorOf(body), (user) => {
    services.store.credentials.removeAllPasskeys(projectId, user.userId);
    return { webauthn: false };
  });
  return {};
}

export function removeUserPasskey(
  services: Services,
  projectId: string,
  body: RemovePasskeyBody,
): VoidResponse {
  const credentialId = body.credentialId;
  if (!selectorOf(body)) throw missing('loginId');
  if (!credentialId) throw missing('credentialId');
  changeCredentials(services, projectId, selectorOf(body), (user) => {
    const { credentials } = services.store;
    // Vendor behaviour (inferred): removing a credential the user does not hold succeeds, as passkeys/delete does.
    credentials.removePasskey(projectId, user.userId, credentialId);
    return { webauthn: credentials.passkeys(projectId, user.userId).length > 0 };
  });
  return {};
}

export function importUserPasskeys(
  services: Services,
  projectId: string,
  body: ImportPasskeysBody,
): VoidResponse {
  const devices = body.devices ?? [];
  if (devices.length === 0) throw missing('devices');
  const createdTime = Math.floor(services.now() / 1000);
  const passkeys = devices.map((device, i) => {
    const id = device.descope?.credentialId || device.auth0?.keyId;
    if (!id) throw invalid(`The devices[${i}] field is invalid: a credentialId or keyId is required`);
    const rpId = device.descope?.rpId ?? device.auth0?.rpId ?? '';
    // Vendor behaviour (inferred): an imported credential is listed as kind "passkey", without a display name.
    return { id, rpId, kind: 'passkey', displayName: '', createdTime, device };
  });
  changeCredentials(services, projectId, selectorOf(body), (user) => {
    for (const passkey of passkeys) services.store.credentials.addPasskey(projectId, user.userId, passkey);
    return { webauthn: true };
  });
  return {};
}

export function removeUserTotp(services: Services, projectId: string, body: SelectorBody): VoidResponse {
  changeCredentials(services, projectId, selectorOf(body), (user) => {
    services.store.credentials.removeTotpSeed(projectId, user.userId);
    return { TOTP: false };
  });
  return {};
}

/**
 * Vendor behaviour (inferred): no recovery codes are kept (nothing in the management API generates them),
 * so this only checks that the user exists.
 */
export function removeUserRecoveryCodes(
  services: Services,
  projectId: string,
  body: SelectorBody,
): VoidResponse {
  requireUser(services, projectId, selectorOf(body));
  return {};
}
