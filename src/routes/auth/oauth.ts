import { authorizeOAuth, authorizeSso, exchangeOAuth, exchangeSso } from '../../app/oauthSignIn.js';
import { defineOperation } from '../../app/operation.js';
import {
  AuthorizeBody,
  AuthorizeOAuthQuery,
  AuthorizeResponse,
  AuthorizeSsoQuery,
  ExchangeCodeBody,
} from '../../schemas/oauth.js';
import { JwtResponseSchema } from '../../schemas/session.js';

/**
 * OAuth (descope-auth-api.md §6.8) and SSO (§6.9) through the mock's IdP page (`/_mock/idp/<id>`). core-js
 * sends `sso.start` and `saml.start` both to `saml/authorize`; Python and Go `sso` use `sso/authorize`:
 * both are served. The exchanges sign (`awaits`) and write the sign-in in a transaction of their own.
 */
const tag = 'OAuth and SSO';

const ssoAuthorize = (path: string, sdkMethods: string[], operationId: string) =>
  defineOperation({
    method: 'POST',
    path,
    sdkMethods,
    summary: "Start an SSO sign-in for a tenant with SSO configured: {url} of the mock's IdP page",
    operationId,
    tag,
    body: AuthorizeBody,
    query: AuthorizeSsoQuery,
    response: AuthorizeResponse,
    handler: ({ body, query, projectId, services, caller }) =>
      authorizeSso(services, projectId, caller, query, body),
  });

const ssoExchange = (path: string, sdkMethods: string[], operationId: string) =>
  defineOperation({
    method: 'POST',
    path,
    sdkMethods,
    summary: 'Exchange the code of an SSO sign-in for a session (amr fed)',
    operationId,
    tag,
    body: ExchangeCodeBody,
    response: JwtResponseSchema,
    awaits: true,
    handler: ({ body, projectId, services, caller, cookies }) =>
      exchangeSso(services, projectId, caller, body.code, cookies),
  });

export const oauthOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/auth/oauth/authorize',
    sdkMethods: ['oauth.start'],
    summary:
      "Start an OAuth sign-in: {url} of the mock's IdP page (or, with loginHint, the redirect with the code)",
    operationId: 'AuthorizeOAuth',
    tag,
    body: AuthorizeBody,
    query: AuthorizeOAuthQuery,
    response: AuthorizeResponse,
    handler: ({ body, query, projectId, services, caller }) =>
      authorizeOAuth(services, projectId, caller, query, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/auth/oauth/exchange',
    sdkMethods: ['oauth.exchange'],
    summary: 'Exchange the code of an OAuth sign-in for a session (amr oauth); a new email signs up',
    operationId: 'ExchangeCodeoauth',
    tag,
    body: ExchangeCodeBody,
    response: JwtResponseSchema,
    awaits: true,
    handler: ({ body, projectId, services, caller, cookies }) =>
      exchangeOAuth(services, projectId, caller, body.code, cookies),
  }),
  ssoAuthorize('/v1/auth/saml/authorize', ['saml.start', 'sso.start'], 'CreateSAMLRedirect'),
  ssoAuthorize('/v1/auth/sso/authorize', [], 'AuthorizeSAML'),
  ssoExchange('/v1/auth/saml/exchange', ['saml.exchange', 'sso.exchange'], 'ExchangeToken'),
  ssoExchange('/v1/auth/sso/exchange', [], 'ExchangeCodesso'),
];
