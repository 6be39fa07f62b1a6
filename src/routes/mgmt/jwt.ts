import { auditedElsewhere, impersonationEvent } from '../../app/auditEvents.js';
import { mgmtAnonymous } from '../../app/jwtAnonymous.js';
import { impersonate, stopImpersonation } from '../../app/jwtImpersonation.js';
import { mgmtSignIn, mgmtSignUp } from '../../app/jwtSignIn.js';
import { updateJwt } from '../../app/jwtUpdate.js';
import { defineOperation } from '../../app/operation.js';
import {
  AnonymousBody,
  AnonymousJwtResponse,
  ImpersonateBody,
  JwtOnlyResponse,
  MgmtSignInBody,
  MgmtSignUpBody,
  StopImpersonationBody,
  UpdateJwtBody,
} from '../../schemas/jwt.js';
import { JwtResponseSchema } from '../../schemas/session.js';

/**
 * Management JWT calls (descope-auth-api.md §7): tokens signed for a management key's holder. Those that only
 * sign are reads that await; the sign-ins await and write (`awaits`), in one transaction of their own.
 */
const tag = 'Management JWT';

export const jwtOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/jwt/update',
    sdkMethods: ['management.jwt.update'],
    summary: 'Re-sign a session or refresh token with custom claims added at the top level',
    operationId: 'UpdateJWT',
    tag,
    body: UpdateJwtBody,
    response: JwtOnlyResponse,
    readOnly: true,
    handler: ({ body, projectId, services }) => updateJwt(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/impersonate',
    sdkMethods: ['management.jwt.impersonate'],
    summary: "A refresh token of the impersonated user, naming the impersonator (act); needs 'Impersonate'",
    operationId: 'Impersonate',
    tag,
    body: ImpersonateBody,
    response: JwtOnlyResponse,
    readOnly: true,
    audit: impersonationEvent,
    handler: ({ body, projectId, services }) => impersonate(services, projectId, body, false),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/impersonate/stepup',
    sdkMethods: ['management.jwt.impersonateStepup'],
    summary: 'As impersonate, the token stepped up (su)',
    operationId: 'ImpersonateStepup',
    tag,
    body: ImpersonateBody,
    response: JwtOnlyResponse,
    readOnly: true,
    audit: impersonationEvent,
    handler: ({ body, projectId, services }) => impersonate(services, projectId, body, true),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/stop/impersonation',
    sdkMethods: ['management.jwt.stopImpersonation'],
    summary: "The impersonator's refresh token, from an impersonation token's act claim",
    operationId: 'StopImpersonation',
    tag,
    body: StopImpersonationBody,
    response: JwtOnlyResponse,
    readOnly: true,
    handler: ({ body, projectId, services }) => stopImpersonation(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/auth/signin',
    sdkMethods: ['management.jwt.signIn'],
    summary: 'Sign a user in: both tokens in the body, a login-history row, an invited user enabled',
    operationId: 'GenerateJWTSignIn',
    tag,
    body: MgmtSignInBody,
    response: JwtResponseSchema,
    awaits: true,
    audit: auditedElsewhere('recordSignIn (LoginSucceed)'),
    loginFailure: { method: 'Management' },
    handler: ({ body, projectId, services, remoteAddress }) =>
      mgmtSignIn(services, projectId, body, remoteAddress),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/auth/signup',
    sdkMethods: ['management.jwt.signUp'],
    summary: 'Create a user and sign them in (firstSeen); an existing login ID is refused (E062107)',
    operationId: 'GenerateJWTSignUp',
    tag,
    body: MgmtSignUpBody,
    response: JwtResponseSchema,
    awaits: true,
    audit: auditedElsewhere('recordSignIn (LoginSucceed)'),
    handler: ({ body, projectId, services, remoteAddress }) =>
      mgmtSignUp(services, projectId, body, false, remoteAddress),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/auth/signup-in',
    sdkMethods: ['management.jwt.signUpOrIn'],
    summary: 'Sign up a new login ID, or sign in an existing one',
    operationId: 'GenerateJWTSignUpOrIn',
    tag,
    body: MgmtSignUpBody,
    response: JwtResponseSchema,
    awaits: true,
    audit: auditedElsewhere('recordSignIn (LoginSucceed)'),
    handler: ({ body, projectId, services, remoteAddress }) =>
      mgmtSignUp(services, projectId, body, true, remoteAddress),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/auth/anonymous',
    sdkMethods: ['management.jwt.anonymous'],
    summary: 'A session for an anonymous user (danu), who is not stored',
    operationId: 'Anonymous',
    tag,
    body: AnonymousBody,
    response: AnonymousJwtResponse,
    readOnly: true,
    handler: ({ body, projectId, services }) => mgmtAnonymous(services, projectId, body),
  }),
];
