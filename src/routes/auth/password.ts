import { defineOperation } from '../../app/operation.js';
import {
  passwordPolicy,
  passwordReplace,
  passwordSignIn,
  passwordSignUp,
  passwordUpdate,
  sendPasswordReset,
} from '../../app/password.js';
import {
  PasswordReplaceBody,
  PasswordResetBody,
  PasswordResetResponse,
  PasswordSignInBody,
  PasswordSignUpBody,
  PasswordUpdateBody,
} from '../../schemas/password.js';
import { PasswordPolicyResponse } from '../../schemas/passwordSettings.js';
import { JwtResponseSchema } from '../../schemas/session.js';
import { VoidResponse } from '../../schemas/void.js';

/**
 * Password sign-up, sign-in, replace, update (RT), reset and policy (descope-auth-api.md §6.4). The sign-ins
 * await (a step-up's refresh token, signing) and write in a transaction of their own (`awaits`).
 */
const tag = 'Password';

export const passwordOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/auth/password/signup',
    sdkMethods: ['password.signUp'],
    summary: 'A new user with a password that meets the policy, signed in (amr pwd)',
    operationId: 'SignUpPassword',
    tag,
    body: PasswordSignUpBody,
    response: JwtResponseSchema,
    awaits: true,
    handler: ({ body, projectId, services, caller, cookies }) =>
      passwordSignUp(services, projectId, caller, body, cookies),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/password/signin',
    sdkMethods: ['password.signIn'],
    summary: 'Sign in with login ID and password; a temporary or expired password answers 401 E062909',
    operationId: 'SignInPassword',
    tag,
    body: PasswordSignInBody,
    response: JwtResponseSchema,
    awaits: true,
    loginFailure: { method: 'Password' },
    handler: ({ body, projectId, services, caller, cookies }) =>
      passwordSignIn(services, projectId, caller, body, cookies),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/password/replace',
    sdkMethods: ['password.replace'],
    summary: 'The old password (any state) for a new one, then signed in',
    operationId: 'ReplaceUserPassword',
    tag,
    body: PasswordReplaceBody,
    response: JwtResponseSchema,
    awaits: true,
    handler: ({ body, projectId, services, caller, cookies }) =>
      passwordReplace(services, projectId, caller, body, cookies),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/password/update',
    sdkMethods: ['password.update'],
    summary: "The refresh token's user sets a new password",
    operationId: 'UpdateUserPassword',
    tag,
    body: PasswordUpdateBody,
    response: VoidResponse,
    awaits: true,
    handler: ({ body, projectId, services, caller }) => passwordUpdate(services, projectId, caller, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/password/reset',
    sdkMethods: ['password.sendReset'],
    summary: 'Emails a reset link (to the outbox): a magic link, then password/update',
    operationId: 'SendPasswordReset',
    tag,
    body: PasswordResetBody,
    response: PasswordResetResponse,
    handler: ({ body, projectId, services }) => sendPasswordReset(services, projectId, body),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/auth/password/policy',
    sdkMethods: ['password.policy'],
    summary: "The project's password policy",
    operationId: 'GetPasswordPolicy',
    tag,
    response: PasswordPolicyResponse,
    handler: ({ projectId, services }) => passwordPolicy(services, projectId),
  }),
];
