import { defineOperation } from '../../app/operation.js';
import { totpSignUp, totpUpdate, totpVerify } from '../../app/totp.js';
import { JwtResponseSchema } from '../../schemas/session.js';
import { TotpResponse, TotpSignUpBody, TotpUpdateBody, TotpVerifyBody } from '../../schemas/totp.js';

/**
 * TOTP sign-up, verify and update (descope-auth-api.md §6.5): RFC 6238 codes, SHA-1, 6 digits, 30 s, a step
 * either side. Each awaits (a QR code, a refresh token, signing) and writes in a transaction of its own.
 */
const tag = 'TOTP';

export const totpOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/auth/totp/signup',
    sdkMethods: ['totp.signUp'],
    summary: 'A new user with a new TOTP seed: the key, its otpauth URL and a QR code (no session yet)',
    operationId: 'SignUpTOTP',
    tag,
    body: TotpSignUpBody,
    response: TotpResponse,
    awaits: true,
    handler: ({ body, projectId, services }) => totpSignUp(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/totp/verify',
    sdkMethods: ['totp.verify'],
    summary: "Sign in with the authenticator's current code (amr totp); a wrong one answers 401 E061102",
    operationId: 'VerifyCodeTOTP',
    tag,
    body: TotpVerifyBody,
    response: JwtResponseSchema,
    awaits: true,
    loginFailure: { method: 'TOTP' },
    handler: ({ body, projectId, services, caller, cookies }) =>
      totpVerify(services, projectId, caller, body, cookies),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/totp/update',
    sdkMethods: ['totp.update'],
    summary: "A new TOTP seed for the refresh token's user",
    operationId: 'UpdateUserTOTP',
    tag,
    body: TotpUpdateBody,
    response: TotpResponse,
    awaits: true,
    handler: ({ body, projectId, services, caller }) => totpUpdate(services, projectId, caller, body),
  }),
];
