import { defineOperation } from '../../app/operation.js';
import {
  type Channel,
  OTP_CHANNELS,
  OTP_PHONE_CHANNELS,
  otpStart,
  otpUpdate,
  otpVerify,
  type StartMode,
} from '../../app/otp.js';
import {
  MaskedEmailResponse,
  MaskedPhoneResponse,
  OtpStartBody,
  OtpVerifyBody,
  UpdateEmailBody,
  UpdatePhoneBody,
} from '../../schemas/delivery.js';
import { JwtResponseSchema } from '../../schemas/session.js';

/**
 * OTP (descope-auth-api.md §6.1): one route per delivery channel, as the SDKs call them. The code goes to the
 * outbox (control plane), never into the answer. Starts and verifications await (a refresh token to check, a
 * session to sign) and write in a transaction of their own.
 */
const tag = 'OTP';

/**
 * Descope's operationIds (spec), which follow no single pattern; the WhatsApp paths are not in the spec
 * (descope-auth-api.md §6.0), so theirs are the mock's own.
 */
const OPERATION_IDS: Record<string, string> = {
  'signin/email': 'UserSigninOtpEmail',
  'signin/sms': 'SignInOTPSMS',
  'signin/voice': 'SignInOTPVoice',
  'signin/whatsapp': 'SignInOTPWhatsApp',
  'signin/im': 'SignInOTPInstantMessage',
  'signup/email': 'UserSignupOtpEmail',
  'signup/sms': 'SignUpOtpSMS',
  'signup/voice': 'SignUpOtpVoice',
  'signup/whatsapp': 'SignUpOtpWhatsApp',
  'signup/im': 'SignUpOTPInstantMessage',
  'signup-in/email': 'UserSignUpInOtpEmail',
  'signup-in/sms': 'SignUpOrInOTPSMS',
  'signup-in/voice': 'SignUpOrInOTPVoice',
  'signup-in/whatsapp': 'SignUpOrInOTPWhatsApp',
  'signup-in/im': 'SignUpOrInOTPInstantMessage',
  'verify/email': 'VerifyOtpEmail',
  'verify/sms': 'VerifyCodeSMS',
  'verify/voice': 'VerifyCodeVoice',
  'verify/whatsapp': 'VerifyCodeWhatsApp',
  'verify/im': 'VerifyCodeIM',
  'update/phone/sms': 'UpdateUserPhoneOTPSMS',
  'update/phone/voice': 'UpdateUserPhoneOTPVoice',
  'update/phone/whatsapp': 'UpdateUserPhoneOTPWhatsApp',
  'update/phone/im': 'UpdateUserPhoneOTPIM',
};
const operationId = (suffix: string): string => OPERATION_IDS[suffix] ?? suffix;
const masked = (channel: Channel) => (channel === 'email' ? MaskedEmailResponse : MaskedPhoneResponse);

/** The path segment of each start, the Node SDK's name for it, and the words of its summary. */
const STARTS: readonly { mode: StartMode; sdk: string; summary: string }[] = [
  { mode: 'signin', sdk: 'signIn', summary: 'Sends a sign-in code to an existing user' },
  {
    mode: 'signup',
    sdk: 'signUp',
    summary: 'Sends a sign-up code; the user is created at verification',
  },
  {
    mode: 'signup-in',
    sdk: 'signUpOrIn',
    summary: 'Sends a code that signs the user in, or up',
  },
];

const startOperations = STARTS.flatMap(({ mode, sdk, summary }) =>
  OTP_CHANNELS.map((channel) =>
    defineOperation({
      method: 'POST',
      path: `/v1/auth/otp/${mode}/${channel}`,
      sdkMethods: [`otp.${sdk}.${channel}`],
      summary: `${summary} (${channel}); answers the masked address`,
      operationId: operationId(`${mode}/${channel}`),
      tag,
      body: OtpStartBody,
      response: masked(channel),
      awaits: true,
      handler: ({ body, projectId, services, caller }) =>
        otpStart(services, projectId, caller, mode, channel, body),
    }),
  ),
);

const verifyOperations = OTP_CHANNELS.map((channel) =>
  defineOperation({
    method: 'POST',
    path: `/v1/auth/otp/verify/${channel}`,
    sdkMethods: [`otp.verify.${channel}`],
    summary: `Verifies a code sent by ${channel}: the session (JWTResponse)`,
    operationId: operationId(`verify/${channel}`),
    tag,
    body: OtpVerifyBody,
    response: JwtResponseSchema,
    awaits: true,
    loginFailure: { method: 'OTP' },
    handler: ({ body, projectId, services, caller, cookies }) =>
      otpVerify(services, projectId, caller, channel, body, cookies),
  }),
);

const updateOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/auth/otp/update/email',
    sdkMethods: ['otp.update.email'],
    summary: "Sends a code to the refresh token's user's new email; its verification makes the change",
    operationId: 'UpdateUserEmailOtp',
    tag,
    body: UpdateEmailBody,
    response: masked('email'),
    awaits: true,
    handler: ({ body, projectId, services, caller }) => otpUpdate(services, projectId, caller, 'email', body),
  }),
  ...OTP_PHONE_CHANNELS.map((channel) =>
    defineOperation({
      method: 'POST',
      path: `/v1/auth/otp/update/phone/${channel}`,
      sdkMethods: [`otp.update.phone.${channel}`],
      summary: `Sends a code by ${channel} to the refresh token's user's new phone; its verification makes the change`,
      operationId: operationId(`update/phone/${channel}`),
      tag,
      body: UpdatePhoneBody,
      response: masked(channel),
      awaits: true,
      handler: ({ body, projectId, services, caller }) =>
        otpUpdate(services, projectId, caller, channel, body),
    }),
  ),
];

export const otpOperations = [...startOperations, ...verifyOperations, ...updateOperations];
