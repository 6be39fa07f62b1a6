import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/operation.js';
import type { AllowedOrigins } from '../../http/cors.js';
import { registerIdpPage } from './idp.js';
import { registerOidcRoutes } from './oidc.js';

/**
 * The routes a browser navigates to or posts HTML forms at, rather than calls with JSON: the mock's IdP page
 * and Descope's OIDC provider endpoints. Register in a scope of their own (not skipOverride): the form parser
 * added here reads `application/x-www-form-urlencoded` for these routes only, while every other route goes
 * on reading any body as JSON (src/http/body.ts).
 */
export async function registerBrowserRoutes(
  app: FastifyInstance,
  services: Services,
  allowed: AllowedOrigins,
): Promise<void> {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => {
      const form: Record<string, string> = {};
      // Repeated keys: the last wins. Keys are data here, never object paths.
      for (const [key, value] of new URLSearchParams(body as string)) {
        if (key !== '__proto__') form[key] = value;
      }
      done(null, form);
    },
  );
  registerIdpPage(app, services);
  registerOidcRoutes(app, services, allowed);
}
