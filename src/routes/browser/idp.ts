import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { answerPage } from '../../app/authorization.js';
import { idpPage } from '../../app/idpPage.js';
import type { Services } from '../../app/operation.js';

const PageParams = z.object({ authorizationId: z.string() });
const PageQuery = z.object({ q: z.string().optional() }).passthrough();
const PageForm = z.object({ loginId: z.string().optional(), email: z.string().optional() }).passthrough();

/**
 * What a page that lists users and takes a choice must say to the browser: never cached (its URL is the
 * sign-in's capability), never framed (no clickjacking of the choice), no script, no referrer.
 */
function pageHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'same-origin')
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    );
}

/**
 * The mock's IdP page (area `idp`, src/http/area.ts): `GET /_mock/idp/:authorizationId` shows it,
 * `POST` takes its form and answers 303 to the caller's redirect URL with the code. Hidden from the
 * OpenAPI document: HTML and forms, for a browser, not for an API client.
 */
export function registerIdpPage(app: FastifyInstance, services: Services): void {
  app.get(
    '/_mock/idp/:authorizationId',
    { schema: { hide: true, params: PageParams, querystring: PageQuery } },
    (request, reply) => {
      const { authorizationId } = request.params as z.output<typeof PageParams>;
      const { q } = request.query as z.output<typeof PageQuery>;
      const html = idpPage(services, authorizationId, q);
      return pageHeaders(reply).type('text/html; charset=utf-8').send(html);
    },
  );
  app.post(
    '/_mock/idp/:authorizationId',
    { schema: { hide: true, params: PageParams, body: PageForm } },
    (request, reply) => {
      const { authorizationId } = request.params as z.output<typeof PageParams>;
      const location = answerPage(services, authorizationId, request.body as z.output<typeof PageForm>);
      return pageHeaders(reply).code(303).header('location', location).send();
    },
  );
}
