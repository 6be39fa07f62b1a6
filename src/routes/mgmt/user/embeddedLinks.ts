import { defineOperation, notAudited } from '../../../app/operation.js';
import { embeddedLinkSignIn, embeddedLinkSignUp } from '../../../app/user/embeddedLinks.js';
import {
  EmbeddedLinkResponse,
  EmbeddedLinkSignInBody,
  EmbeddedLinkSignUpBody,
} from '../../../schemas/userEmbeddedLinks.js';

/**
 * Embedded links (descope-api.md 4.14): a token the caller embeds in its own link, verified later like a
 * magic-link token.
 */
const tag = 'Embedded links';

export const embeddedLinkOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/signin/embeddedlink',
    sdkMethods: ['management.user.generateEmbeddedLink'],
    summary: 'Generate a sign-in token for any existing user (test or not)',
    operationId: 'EmbeddedLinkSignin',
    tag,
    body: EmbeddedLinkSignInBody,
    response: EmbeddedLinkResponse,
    audit: notAudited('issues a token; its sign-in writes LoginSucceed'),
    handler: ({ body, projectId, services }) => embeddedLinkSignIn(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/signup/embeddedlink',
    sdkMethods: ['management.user.generateSignUpEmbeddedLink'],
    summary: 'Generate a sign-up (or sign-in) token for a login ID; the user is created when it is verified',
    operationId: 'EmbeddedLinkSignup',
    tag,
    body: EmbeddedLinkSignUpBody,
    response: EmbeddedLinkResponse,
    audit: notAudited('issues a token; its sign-in writes LoginSucceed'),
    handler: ({ body, projectId, services }) => embeddedLinkSignUp(services, projectId, body),
  }),
];
