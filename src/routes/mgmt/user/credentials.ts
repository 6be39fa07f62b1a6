import { z } from 'zod';
import { defineOperation, type Services } from '../../../app/operation.js';
import { type PasswordState, toWirePasskey } from '../../../domain/credentials.js';
import { checkNewPassword, hashPassword } from '../../../domain/passwords.js';
import { invalid, missing } from '../../../errors.js';
import { VoidResponse } from '../../../schemas/void.js';
import { WebauthnImportDevice } from '../../../schemas/webauthn.js';
import { changeCredentials } from './credentialChange.js';
import { requireUser, selectorOf } from './mutate.js';
import { SelectorBody, selectorFields } from './schemas.js';

/** Passwords, passkeys, TOTP and recovery codes of a user (descope-api.md 4.11, 4.15). */
const tag = 'User credentials';

const PasswordBody = z.object({
  ...selectorFields,
  password: z.string().optional(),
  setActive: z
    .boolean()
    .optional()
    .describe('Go SDK on the deprecated path; ignored (it behaves like temporary)'),
});
type PasswordBody = z.output<typeof PasswordBody>;
/** Descope's SetUserPasswordResponse: the password back in clear only when Descope generated it, so always "". */
const PasswordResponse = z.object({ cleartext: z.string() });

/** Sets the user's password (a salted hash only) in the given state; the user's `password` flag becomes true. */
function setPassword(services: Services, projectId: string, body: PasswordBody, state: PasswordState) {
  const selector = selectorOf(body);
  if (!selector) throw missing('loginId');
  // Hashed before the transaction: scrypt's cost (about a millisecond, src/domain/passwords.ts) is paid
  // outside the write lock, where no other request waits on it.
  const hash = hashPassword(checkNewPassword(body.password));
  changeCredentials(services, projectId, selector, (user) => {
    services.store.credentials.setPassword(projectId, user.userId, { hash, state, setMs: services.now() });
    return { password: true };
  });
  return { cleartext: '' };
}

const passwordOperation = (
  path: string,
  state: PasswordState,
  sdkMethod: string,
  operationId: string,
  summary: string,
) =>
  defineOperation({
    method: 'POST',
    path,
    sdkMethods: [sdkMethod],
    summary,
    operationId,
    tag,
    body: PasswordBody,
    response: PasswordResponse,
    handler: ({ body, projectId, services }) => setPassword(services, projectId, body, state),
  });

const PasskeySchema = z.object({
  id: z.string(),
  rpId: z.string(),
  kind: z.string(),
  displayName: z.string(),
  createdTime: z.number().int().describe('epoch seconds'),
});

export const userCredentialOperations = [
  passwordOperation(
    '/v1/mgmt/user/password/set/temporary',
    'temporary',
    'management.user.setTemporaryPassword',
    'SetUserTemporaryPassword',
    'Set a temporary password: the next sign-in must replace it',
  ),
  passwordOperation(
    '/v1/mgmt/user/password/set/active',
    'active',
    'management.user.setActivePassword',
    'SetUserActivePassword',
    'Set an active password, usable at once',
  ),
  // Vendor behaviour (inferred): the deprecated path sets a temporary password (the SDK docs call it so).
  passwordOperation(
    '/v1/mgmt/user/password/set',
    'temporary',
    'management.user.setPassword',
    'SetUserPassword',
    'Set a password (deprecated; behaves like set/temporary)',
  ),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/password/expire',
    sdkMethods: ['management.user.expirePassword'],
    summary: "Expire the user's password: the next password sign-in fails (E062909)",
    operationId: 'ExpireUserPassword',
    tag,
    body: SelectorBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => {
      // Vendor behaviour (inferred): a user without a password is left as is, without error.
      changeCredentials(services, projectId, selectorOf(body), (user) => {
        services.store.credentials.setPasswordState(projectId, user.userId, 'expired');
        return {};
      });
      return {};
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/passkeys/list',
    sdkMethods: ['management.user.listPasskeys'],
    summary: "List the user's passkeys",
    operationId: 'ListUserPasskeys',
    tag,
    body: SelectorBody,
    response: z.object({ passkeys: z.array(PasskeySchema) }),
    handler: ({ body, projectId, services }) => {
      const user = requireUser(services, projectId, selectorOf(body));
      return { passkeys: services.store.credentials.passkeys(projectId, user.userId).map(toWirePasskey) };
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/passkeys/delete',
    sdkMethods: ['management.user.removeAllPasskeys'],
    summary: "Remove all the user's passkeys (webauthn becomes false); 200 when there were none",
    operationId: 'RemoveUserPasskeys',
    tag,
    body: SelectorBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => {
      changeCredentials(services, projectId, selectorOf(body), (user) => {
        services.store.credentials.removeAllPasskeys(projectId, user.userId);
        return { webauthn: false };
      });
      return {};
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/passkey/delete',
    sdkMethods: ['management.user.removePasskey'],
    summary: 'Remove one passkey by credential ID (webauthn follows the passkeys left)',
    operationId: 'RemoveUserPasskey',
    tag,
    body: z.object({ ...selectorFields, credentialId: z.string().optional() }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) => {
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
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/passkeys/import',
    sdkMethods: [],
    summary: 'Import passkey credentials for a user (webauthn becomes true)',
    operationId: 'ImportUserPasskeys',
    tag,
    body: z.object({ ...selectorFields, devices: z.array(WebauthnImportDevice).optional() }),
    response: VoidResponse,
    handler: ({ body, projectId, services }) => {
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
        for (const passkey of passkeys)
          services.store.credentials.addPasskey(projectId, user.userId, passkey);
        return { webauthn: true };
      });
      return {};
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/totp/delete',
    sdkMethods: ['management.user.removeTOTPSeed'],
    summary: "Remove the user's TOTP seed (TOTP becomes false)",
    operationId: 'RemoveUserTOTP',
    tag,
    body: SelectorBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => {
      changeCredentials(services, projectId, selectorOf(body), () => ({ TOTP: false }));
      return {};
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/recovery-codes/delete',
    sdkMethods: [],
    summary: "Remove the user's recovery codes (Node SDK 2.14 removeRecoveryCodes)",
    operationId: 'RemoveUserRecoveryCodes',
    tag,
    body: SelectorBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => {
      // Vendor behaviour (inferred): no recovery codes are kept (nothing in the management API generates them),
      // so this only checks that the user exists.
      requireUser(services, projectId, selectorOf(body));
      return {};
    },
  }),
];
