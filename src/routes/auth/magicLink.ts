import {
  type Channel,
  MAGIC_LINK_CHANNELS,
  MAGIC_LINK_PHONE_CHANNELS,
  magicLinkStart,
  magicLinkUpdate,
  magicLinkVerify,
  type StartMode,
} from '../../app/magicLink.js';
import { defineOperation } from '../../app/operation.js';
import {
  LinkStartBody,
  LinkVerifyBody,
  MaskedEmailResponse,
  MaskedPhoneResponse,
  UpdateEmailBody,
  UpdatePhoneBody,
} from '../../schemas/delivery.js';
import { JwtResponseSchema } from '../../schemas/session.js';

/**
 * Magic link (descope-auth-api.md §6.2): one route per delivery channel (email, sms, whatsapp), as the SDKs
 * call them. The link goes to the outbox (control plane), never into the answer.
 */
const tag = 'Magic link';

const masked = (channel: Channel) => (channel === 'email' ? MaskedEmailResponse : MaskedPhoneResponse);

/** Descope's operationIds (spec); the WhatsApp and IM paths are not in the spec, so theirs are the mock's own. */
const OPERATION_IDS: Record<string, string> = {
  'signin/email': 'SignInMagicLinkEmail',
  'signin/sms': 'SignInMagicLinkSMS',
  'signin/whatsapp': 'SignInMagicLinkWhatsApp',
  'signup/email': 'SignUpMagicLinkEmail',
  'signup/sms': 'SignUpMagicLinkSMS',
  'signup/whatsapp': 'SignUpMagicLinkWhatsApp',
  'signup-in/email': 'SignUpOrInMagicLinkEmail',
  'signup-in/sms': 'SignUpOrInMagicLinkSMS',
  'signup-in/whatsapp': 'SignUpOrInMagicLinkWhatsApp',
  'update/phone/sms': 'UpdateUserPhoneMagicLinkSMS',
  'update/phone/whatsapp': 'UpdateUserPhoneMagicLinkWhatsApp',
  'update/phone/im': 'UpdateUserPhoneMagicLinkIM',
};
const operationId = (suffix: string): string => OPERATION_IDS[suffix] ?? suffix;

const STARTS: readonly { mode: StartMode; sdk: string; summary: string }[] = [
  { mode: 'signin', sdk: 'signIn', summary: 'Sends a sign-in link to an existing user' },
  { mode: 'signup', sdk: 'signUp', summary: 'Sends a sign-up link; the user is created at verification' },
  { mode: 'signup-in', sdk: 'signUpOrIn', summary: 'Sends a link that signs the user in, or up' },
];

const startOperations = STARTS.flatMap(({ mode, sdk, summary }) =>
  MAGIC_LINK_CHANNELS.map((channel) =>
    defineOperation({
      method: 'POST',
      path: `/v1/auth/magiclink/${mode}/${channel}`,
      sdkMethods: [`magicLink.${sdk}.${channel}`],
      summary: `${summary} (${channel}, <URI>?t=<token>); answers the masked address`,
      operationId: operationId(`${mode}/${channel}`),
      tag,
      body: LinkStartBody,
      response: masked(channel),
      awaits: true,
      handler: ({ body, projectId, services, caller }) =>
        magicLinkStart(services, projectId, caller, mode, channel, body),
    }),
  ),
);

export const magicLinkOperations = [
  ...startOperations,
  defineOperation({
    method: 'POST',
    path: '/v1/auth/magiclink/verify',
    sdkMethods: ['magicLink.verify'],
    summary: 'Verifies a magic-link (or embedded-link) token, once: the session (JWTResponse)',
    operationId: 'VerifyMagicLink',
    tag,
    body: LinkVerifyBody,
    response: JwtResponseSchema,
    awaits: true,
    loginFailure: { method: 'MagicLink' },
    handler: ({ body, projectId, services, caller, cookies }) =>
      magicLinkVerify(services, projectId, caller, body, cookies),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/magiclink/update/email',
    sdkMethods: ['magicLink.update.email'],
    summary: "Sends a link to the refresh token's user's new email; its verification makes the change",
    operationId: 'UpdateUserEmailMagicLink',
    tag,
    body: UpdateEmailBody,
    response: masked('email'),
    awaits: true,
    handler: ({ body, projectId, services, caller }) =>
      magicLinkUpdate(services, projectId, caller, 'email', body),
  }),
  ...MAGIC_LINK_PHONE_CHANNELS.map((channel) =>
    defineOperation({
      method: 'POST',
      path: `/v1/auth/magiclink/update/phone/${channel}`,
      sdkMethods: [`magicLink.update.phone.${channel}`],
      summary: `Sends a link by ${channel} to the refresh token's user's new phone; its verification makes the change`,
      operationId: operationId(`update/phone/${channel}`),
      tag,
      body: UpdatePhoneBody,
      response: masked(channel),
      awaits: true,
      handler: ({ body, projectId, services, caller }) =>
        magicLinkUpdate(services, projectId, caller, channel, body),
    }),
  ),
];
