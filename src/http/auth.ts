import type { FastifyRequest } from 'fastify';
import { type Caller, NO_CALLER } from '../domain/caller.js';
import { grantAdmits } from '../domain/managementKey.js';
import { DescopeError } from '../errors.js';
import type { ProjectStore } from '../store/projects.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The project named by the bearer header (set on every management request that passed the check) or by
     * the path of an open Descope route (the keys); else ''.
     */
    projectId: string;
    /** The audit trail's actor: the ID of the management key that passed the check (its record's, managementKeyIdOf); else ''. */
    actorId: string;
    /** The credentials of an authentication route's call (src/domain/caller.ts); undefined elsewhere. */
    caller: Caller | undefined;
  }
}

/**
 * The bearer check of every management call: `Authorization: Bearer <ProjectID>:<ManagementKey>` for a
 * project that exists here with that key. The project named there scopes everything the request touches.
 */
export function authenticate(
  request: FastifyRequest,
  projects: ProjectStore,
  now: () => number = Date.now,
): void {
  const header = request.headers.authorization;
  if (!header) throw unauthorized('Missing Authorization header');
  const match = /^Bearer\s+([^:\s]+):(\S+)\s*$/i.exec(header);
  if (!match) {
    // The Node SDK sends `Bearer <projectId>` alone when built without a management key.
    throw unauthorized('Authorization header must be "Bearer <ProjectID>:<ManagementKey>"');
  }
  const [, projectId = '', key = ''] = match;
  const keyId = admittedKeyId(projects, projectId, key, request.ip, now);
  if (keyId === undefined) {
    throw unauthorized('Invalid management key for this project');
  }
  request.projectId = projectId;
  request.actorId = keyId;
}

/**
 * Whether `key` opens `projectId` now, from `ip`: a key of the mock that is active, not expired, permitted
 * from that address, and whose reBac names the project (or none: src/domain/managementKey.ts).
 */
/** The ID of the key when it opens `projectId` from `ip` now (one look-up by its hash), else undefined. */
function admittedKeyId(
  projects: ProjectStore,
  projectId: string,
  key: string,
  ip: string,
  now: () => number,
): string | undefined {
  const grants = projects.keyGrants(key);
  if (grants.length === 0) return undefined;
  const nowMs = now();
  return grants.find((grant) => grantAdmits(grant, projectId, ip, nowMs))?.keyId;
}

// Vendor behaviour (inferred): a bad or missing management key is a 401 with the usual error body.
const unauthorized = (message: string): DescopeError => new DescopeError('UNAUTHORIZED', message);

/** `Bearer <projectId>[:<token>[:<managementKey>]]`, each part without spaces or colons. */
const AUTH_BEARER = /^Bearer\s+([^:\s]+)(?::([^:\s]*))?(?::([^:\s]*))?\s*$/i;

/**
 * The check of every authentication call (`/v1/auth/…`, descope-auth-api.md §1.2): the bearer names a
 * project that exists here; a token, when sent, is the route's to judge; a management key, when appended,
 * must be the project's (Vendor behaviour (inferred): a wrong one is refused, 401, as on management calls,
 * rather than silently ignored). The refresh cookie is read here too, so a handler sees one `Caller`.
 */
export function authenticateCaller(
  request: FastifyRequest,
  projects: ProjectStore,
  now: () => number = Date.now,
): void {
  const header = request.headers.authorization;
  if (!header) throw unauthorized('Missing Authorization header');
  const match = AUTH_BEARER.exec(header);
  if (!match) throw unauthorized('Authorization header must be "Bearer <ProjectID>[:<Token>]"');
  const [, projectId = '', second, third] = match;
  if (!projects.exists(projectId)) throw unauthorized(`Unknown project "${projectId}"`);
  if (third && admittedKeyId(projects, projectId, third, request.ip, now) === undefined) {
    throw unauthorized('Invalid management key for this project');
  }
  // The Node SDK's `authManagementKey` is appended after the token, or stands alone where the call has no
  // token (`Bearer <projectId>:<managementKey>`): a second part that is the project's management key is one.
  // No refresh JWT or access key can equal a management key.
  const keyAlone =
    !third &&
    Boolean(second) &&
    admittedKeyId(projects, projectId, second as string, request.ip, now) !== undefined;
  const token = keyAlone ? undefined : second;
  request.projectId = projectId;
  request.caller = {
    ...(token ? { token } : {}),
    ...refreshCookieOf(request),
    managementKey: Boolean(third) || keyAlone,
    ip: request.ip,
    origin: ownOrigin(request),
  };
}

/** A `Host` header fit to build a URL from: a name or address and a port, nothing that could add a path. */
const URL_HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * The mock's origin as the client named it (its `Host`), for URLs that send a browser back here: the IdP
 * page, the OIDC endpoints. The mock serves plain HTTP; a `Host` unfit for a URL falls back to the socket's
 * own address.
 */
export function ownOrigin(request: FastifyRequest): string {
  const { host } = request.headers;
  if (typeof host === 'string' && URL_HOST.test(host)) return `http://${host.toLowerCase()}`;
  const { localAddress, localPort } = request.socket;
  const address = localAddress?.includes(':') ? `[${localAddress}]` : (localAddress ?? '127.0.0.1');
  return `http://${address}:${localPort ?? 80}`;
}

/** Cookie names are RFC 6265 tokens; a longer or odd name in the header falls back to `DSR`. */
const COOKIE_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;

/**
 * The refresh JWT a browser sends as a cookie: `DSR`, or the name the client gives in
 * `x-descope-refresh-cookie-name` (web-js echoes a project's custom cookie name there, §1.2).
 */
function refreshCookieOf(request: FastifyRequest): { refreshCookie?: string } {
  const { cookie } = request.headers;
  if (typeof cookie !== 'string') return {};
  const asked = request.headers['x-descope-refresh-cookie-name'];
  const name = typeof asked === 'string' && COOKIE_NAME.test(asked) ? asked : 'DSR';
  for (const pair of cookie.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) {
      const value = pair.slice(at + 1).trim();
      return value ? { refreshCookie: value } : {};
    }
  }
  return {};
}

/**
 * The request's caller: the checked credentials of an authentication call, NO_CALLER on any other route
 * (an operation that answers URLs of the mock gets its origin: `answersUrls`).
 */
export const callerOf = (request: FastifyRequest): Caller => request.caller ?? NO_CALLER;
