import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DescopeError } from '../errors.js';

const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined &&
  (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'));

/**
 * A `Host` header naming this machine's loopback: `localhost` (and `*.localhost`, which browsers resolve to
 * loopback themselves), `127.x.x.x` or `[::1]`, with any port. A page on another site that rebinds its own
 * DNS name to 127.0.0.1 still sends its own name here, which is how DNS rebinding is told apart.
 */
function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, ''))
    .toLowerCase()
    .replace(/\.$/, '');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) ||
    name === '[::1]'
  );
}

/**
 * Who may drive the control plane (`/_mock/…` but the health check and the docs), which can wipe and rewrite
 * every project and read every key:
 * - with an admin token configured, only requests carrying `Authorization: Bearer <token>`, from anywhere;
 * - without one, only loopback clients that name a loopback host (no DNS rebinding).
 * Either way, a browser page from another origin is refused (its `Origin` is not the mock's own), and a body
 * must be declared JSON: the "simple" requests a page may send cross-site without asking (`text/plain`, forms)
 * never reach a handler.
 */
export function checkControlAccess(request: FastifyRequest, adminToken: string | undefined): void {
  const { headers } = request;
  if (adminToken !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
    if (!match || !sameSecret(match[1] ?? '', adminToken)) {
      throw new DescopeError('UNAUTHORIZED', 'The control plane needs "Authorization: Bearer <admin token>"');
    }
  } else if (!isLoopbackAddress(request.socket.remoteAddress)) {
    throw forbidden(
      'The control plane answers loopback clients only; start the mock with --admin-token to open it',
    );
  } else if (!isLoopbackHost(headers.host)) {
    throw forbidden(
      `The control plane answers requests for a loopback host only (Host "${headers.host ?? ''}"); ` +
        'start the mock with --admin-token to reach it by another name',
    );
  }
  const { origin } = headers;
  if (origin !== undefined && !isOwnOrigin(origin, headers.host)) {
    throw forbidden(`The control plane does not answer pages from another origin ("${origin}")`);
  }
  if (hasBody(request) && !isJson(headers['content-type'])) {
    throw new DescopeError(
      'UNSUPPORTED_MEDIA_TYPE',
      'The control plane takes JSON bodies only: send "Content-Type: application/json"',
    );
  }
}

/**
 * Who may load the inspector's page and assets (`/_mock/ui`): the control plane's clients when no admin token
 * is set (loopback, a loopback host). With a token, anyone who reaches the port: a browser cannot send a
 * bearer when it navigates, the page and its script hold no state, and the page asks for the token before
 * its first control-plane call, which is where the token is checked.
 */
export function checkInspectorAccess(request: FastifyRequest, adminToken: string | undefined): void {
  if (adminToken === undefined) checkControlAccess(request, adminToken);
}

/**
 * Who may use the IdP page (`/_mock/idp/<id>`, src/app/idpPage.ts). A browser reaches it by a top-level
 * navigation from the application's origin, so it can carry no admin token and no loopback promise; it is
 * open like the Descope API that starts its sign-ins (whoever may call `oauth/authorize` with a login hint
 * can sign in without the page anyway), and the page's random ID, which only the authorize answer holds, is
 * the way in. What the page must never be is a target for another site's forms (login CSRF: a page that
 * posts a choice into someone's pending sign-in): a POST must come from the page itself (an `Origin`, when
 * sent, of the mock's own; `Sec-Fetch-Site`, when sent, `same-origin`) and be the page's form encoding.
 */
export function checkIdpAccess(request: FastifyRequest): void {
  if (request.method !== 'POST') return;
  const { headers } = request;
  const { origin } = headers;
  if (origin !== undefined && !isOwnOrigin(origin, headers.host)) {
    throw forbidden(`The IdP page takes its own form only, not a post from "${origin}"`);
  }
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    throw forbidden('The IdP page takes its own form only, not a cross-site post');
  }
  const type = headers['content-type'];
  if (type === undefined || !/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type.trim())) {
    throw new DescopeError(
      'UNSUPPORTED_MEDIA_TYPE',
      'The IdP page takes its own form: "Content-Type: application/x-www-form-urlencoded"',
    );
  }
}

/** The mock's own pages (the docs, the inspector) send their own origin: same host, http or https. */
function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  const own = host.toLowerCase();
  const given = origin.toLowerCase();
  return given === `http://${own}` || given === `https://${own}`;
}

const hasBody = (request: FastifyRequest): boolean => {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
};

const isJson = (type: string | undefined): boolean =>
  type !== undefined && /^application\/json\s*(;|$)/i.test(type.trim());

const forbidden = (message: string): DescopeError => new DescopeError('FORBIDDEN', message);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
