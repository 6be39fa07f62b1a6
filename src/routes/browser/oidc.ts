import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type AuthorizeParams,
  type LogoutParams,
  OAuthError,
  oidcAuthorize,
  oidcLogout,
  oidcRevoke,
  oidcToken,
  oidcUserInfo,
  openIdConfiguration,
  type TokenForm,
} from '../../app/oidc.js';
import type { Services } from '../../app/operation.js';
import { ownOrigin } from '../../http/auth.js';
import { type AllowedOrigins, declarePreflight } from '../../http/cors.js';

/** Every parameter is a string, any may be absent; unknown ones are kept and ignored. */
const Params = z.record(z.string(), z.unknown());
const ProjectParams = z.object({ projectId: z.string() });

const DISCOVERY = '/:projectId/.well-known/openid-configuration';
const AUTHORIZE = '/oauth2/v1/authorize';
const TOKEN = '/oauth2/v1/token';
const USERINFO = '/oauth2/v1/userinfo';
const LOGOUT = '/oauth2/v1/logout';
const REVOKE = '/oauth2/v1/revoke';

/** Query and form together, strings only (a repeated query key comes as an array: its last value). */
function paramsOf(request: FastifyRequest): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const source of [request.query, request.body]) {
    if (typeof source !== 'object' || source === null) continue;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      const last = Array.isArray(value) ? value[value.length - 1] : value;
      if (typeof last === 'string') merged[key] = last;
    }
  }
  return merged;
}

/** OAuth's error answer (RFC 6749 §5.2), never cached; a 401 names its scheme. */
function sendOAuthError(reply: FastifyReply, error: OAuthError): FastifyReply {
  if (error.status === 401) reply.header('www-authenticate', `Bearer error="${error.error}"`);
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .send({ error: error.error, error_description: error.message });
}

/**
 * Descope's OIDC provider endpoints (descope-auth-api.md §8.1), for the project's default application: the
 * discovery document, authorize (to the IdP page), token, userinfo, logout, revoke. The keys (`jwks_uri`) are
 * the key routes' (src/routes/auth/keys.ts). Open to every client (area `open`, src/http/area.ts), with CORS
 * (src/http/cors.ts: `/oauth2/` and `/:projectId/.well-known/`). Hidden from the OpenAPI document: forms and
 * redirects, OAuth's own shapes.
 */
export function registerOidcRoutes(app: FastifyInstance, services: Services, allowed: AllowedOrigins): void {
  const hide = { hide: true };
  app.get(DISCOVERY, { schema: { ...hide, params: ProjectParams } }, (request) => {
    const { projectId } = request.params as z.output<typeof ProjectParams>;
    return openIdConfiguration(services, projectId, ownOrigin(request));
  });

  const authorize = (request: FastifyRequest, reply: FastifyReply) => {
    const location = oidcAuthorize(services, ownOrigin(request), paramsOf(request) as AuthorizeParams);
    return reply.code(302).header('cache-control', 'no-store').header('location', location).send();
  };
  app.get(AUTHORIZE, { schema: { ...hide, querystring: Params } }, authorize);
  app.post(AUTHORIZE, { schema: { ...hide, querystring: Params, body: Params } }, authorize);

  app.post(TOKEN, { schema: { ...hide, body: Params } }, async (request, reply) => {
    try {
      const answer = await oidcToken(
        services,
        ownOrigin(request),
        paramsOf(request) as TokenForm,
        request.ip,
      );
      return reply.header('cache-control', 'no-store').send(answer);
    } catch (error) {
      if (error instanceof OAuthError) return sendOAuthError(reply, error);
      throw error;
    }
  });

  const userinfo = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return reply.send(await oidcUserInfo(services, request.headers.authorization));
    } catch (error) {
      if (error instanceof OAuthError) return sendOAuthError(reply, error);
      throw error;
    }
  };
  app.get(USERINFO, { schema: hide }, userinfo);
  app.post(USERINFO, { schema: { ...hide, body: Params } }, userinfo);

  const logout = async (request: FastifyRequest, reply: FastifyReply) => {
    const location = await oidcLogout(services, paramsOf(request) as LogoutParams);
    if (location === undefined) return reply.send({});
    return reply.code(302).header('location', location).send();
  };
  app.get(LOGOUT, { schema: { ...hide, querystring: Params } }, logout);
  app.post(LOGOUT, { schema: { ...hide, querystring: Params, body: Params } }, logout);

  app.post(REVOKE, { schema: { ...hide, body: Params } }, (request) =>
    oidcRevoke(services, paramsOf(request).token),
  );

  // A browser client (oidc-client-ts in web-js) fetches these across origins.
  for (const pattern of [DISCOVERY, TOKEN, USERINFO, REVOKE]) declarePreflight(app, pattern, allowed);
}
