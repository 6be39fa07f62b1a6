import {
  enchantedLinkSession,
  enchantedLinkStart,
  enchantedLinkUpdate,
  enchantedLinkVerify,
} from '../../app/enchantedLink.js';
import type { StartMode } from '../../app/magicLink.js';
import { defineOperation } from '../../app/operation.js';
import {
  EnchantedLinkResponse,
  LinkStartBody,
  LinkVerifyBody,
  PendingSessionBody,
  UpdateEmailBody,
} from '../../schemas/delivery.js';
import { JwtResponseSchema } from '../../schemas/session.js';
import { VoidResponse } from '../../schemas/void.js';

/**
 * Enchanted link (descope-auth-api.md §6.3), by email only: the start answers the pending reference the
 * starting device polls with; the link's click (`verify`) lets `pending-session` answer the session, once.
 */
const tag = 'Enchanted link';

const STARTS: readonly { mode: StartMode; sdk: string; operationId: string; summary: string }[] = [
  {
    mode: 'signin',
    sdk: 'signIn',
    operationId: 'SignInEnchantedLinkEmail',
    summary: 'Sends a sign-in link to an existing user',
  },
  {
    mode: 'signup',
    sdk: 'signUp',
    operationId: 'SignUpEnchantedLink',
    summary: 'Sends a sign-up link; the user is created when the session is collected',
  },
  {
    mode: 'signup-in',
    sdk: 'signUpOrIn',
    operationId: 'SignUpOrInEnchantedLinkEmail',
    summary: 'Sends a link that signs the user in, or up',
  },
];

export const enchantedLinkOperations = [
  ...STARTS.map(({ mode, sdk, operationId, summary }) =>
    defineOperation({
      method: 'POST',
      path: `/v1/auth/enchantedlink/${mode}/email`,
      sdkMethods: [`enchantedLink.${sdk}`],
      summary: `${summary}; answers linkId, pendingRef and the masked email`,
      operationId,
      tag,
      body: LinkStartBody,
      response: EnchantedLinkResponse,
      awaits: true,
      handler: ({ body, projectId, services, caller }) =>
        enchantedLinkStart(services, projectId, caller, mode, body),
    }),
  ),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/enchantedlink/verify',
    sdkMethods: ['enchantedLink.verify'],
    summary: "The link's click: marks its pending reference verified ({})",
    operationId: 'VerifyEnchantedLink',
    tag,
    body: LinkVerifyBody,
    response: VoidResponse,
    loginFailure: { method: 'EnchantedLink' },
    handler: ({ body, projectId, services }) => enchantedLinkVerify(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/enchantedlink/pending-session',
    sdkMethods: ['enchantedLink.waitForSession'],
    summary: 'The session of a clicked link (JWTResponse, once); 401 E062503 while it waits',
    operationId: 'GetEnchantedLinkSession',
    tag,
    body: PendingSessionBody,
    response: JwtResponseSchema,
    awaits: true,
    handler: ({ body, projectId, services, caller, cookies }) =>
      enchantedLinkSession(services, projectId, caller, body, cookies),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/enchantedlink/update/email',
    sdkMethods: ['enchantedLink.update.email'],
    summary: "Sends a link to the refresh token's user's new email; collecting its session makes the change",
    operationId: 'UpdateUserEmailEnchantedLink',
    tag,
    body: UpdateEmailBody,
    response: EnchantedLinkResponse,
    awaits: true,
    handler: ({ body, projectId, services, caller }) =>
      enchantedLinkUpdate(services, projectId, caller, body),
  }),
];
