/**
 * Which part of the mock a request is for, decided once per request from the route that matched, never from
 * the raw URL: the router decodes percent-escapes (`/%5Fmock/reset` matches `/_mock/reset`), so a check on
 * the URL's spelling can be walked around, while the route's own pattern cannot.
 *
 * - `management`: Descope's management API, behind `Bearer <ProjectID>:<ManagementKey>`.
 * - `auth`: Descope's authentication API (`/v1/auth/…`), behind `Bearer <ProjectID>[:<Token>]` (src/http/auth.ts).
 * - `control`: the mock's control plane (`/_mock/…`), loopback or admin token, same-origin, JSON only.
 * - `inspector`: the inspector's page and its script and style (`/_mock/ui`, src/inspectorApp.ts): static code
 *   that holds no state, behind the control plane's rules when no admin token is set; with one, open (a
 *   browser cannot send a bearer on navigation), since every call the page makes is a control-plane call.
 * - `idp`: the mock's IdP page (`/_mock/idp/…`), which a browser reaches by navigation from the application's
 *   origin: any client, no credentials (the page's random ID is the only way in), and a same-origin form
 *   post only (src/harness/access.ts `checkIdpAccess`).
 * - `open`: the health check and the docs, Descope's key routes (public in Descope's spec too: a backend
 *   fetches them to validate tokens), and the OIDC provider (`/oauth2/…`, its discovery document), whose
 *   clients name their project themselves: for anyone who reaches the port.
 * - `unmatched`: no route; the not-found handler answers without touching any state.
 */
export type Area = 'management' | 'auth' | 'control' | 'inspector' | 'idp' | 'open' | 'unmatched';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Stamped on every route as it is declared (installAreas); absent on the not-found route. */
    area?: Area;
  }
  interface FastifyRequest {
    /** The area of the route that matched; set by the first onRequest hook. */
    area: Area;
    /**
     * The pattern of the route that matched ('' for none), set with `area`: Fastify builds
     * `request.routeOptions` afresh on every read, so the hooks read this copy instead.
     */
    routeUrl: string;
  }
}

const OPEN_ROUTE = /^\/_mock\/(health|docs|openapi)(\/|\.|$)/;
/** Descope's key routes, pattern by pattern (src/routes/auth/keys.ts): each names its project in the path. */
const OPEN_DESCOPE_ROUTES: ReadonlySet<string> = new Set([
  '/v2/keys/:projectId',
  '/v1/keys/:projectId',
  '/:projectId/.well-known/jwks.json',
  // Descope as an OIDC provider (src/routes/browser/oidc.ts): the discovery document.
  '/:projectId/.well-known/openid-configuration',
]);

/**
 * The area of a route pattern, as declared in the code. A pattern that fits no area is a programming error:
 * it throws at start, so no route can ever be served unclassified.
 */
export function areaOfRoute(pattern: string): Area {
  if (pattern.startsWith('/v1/mgmt/') || pattern.startsWith('/v2/mgmt/')) return 'management';
  if (pattern.startsWith('/v1/auth/')) return 'auth';
  if (OPEN_ROUTE.test(pattern) || OPEN_DESCOPE_ROUTES.has(pattern)) return 'open';
  // The OIDC provider's endpoints: a client names its project (client_id, a token's issuer), not a bearer.
  if (pattern.startsWith('/oauth2/')) return 'open';
  if (pattern.startsWith('/_mock/idp/')) return 'idp';
  if (pattern === '/_mock/ui' || pattern.startsWith('/_mock/ui/')) return 'inspector';
  if (pattern.startsWith('/_mock/')) return 'control';
  throw new Error(`Route ${pattern} belongs to no area (src/http/area.ts)`);
}
