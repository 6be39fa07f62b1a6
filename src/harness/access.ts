import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DescopeError } from '../errors.js';

/** Control-plane paths anyone who reaches the port may read: the health check and the docs. */
const OPEN_PATHS = /^\/_mock\/(health|docs|openapi)(\/|\.|$)/;
export const isOpenControlPath = (path: string): boolean => OPEN_PATHS.test(path);

const isLoopback = (address: string | undefined): boolean =>
  address !== undefined &&
  (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'));

/**
 * Who may drive the control plane (`/_mock/…`): with an admin token configured, only requests carrying
 * `Authorization: Bearer <token>`, from anywhere; without one, only loopback clients, since it can wipe and
 * rewrite every project.
 */
export function checkControlAccess(
  request: FastifyRequest,
  path: string,
  adminToken: string | undefined,
): void {
  if (isOpenControlPath(path)) return;
  if (adminToken !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match || !sameSecret(match[1] ?? '', adminToken)) {
      throw new DescopeError('UNAUTHORIZED', 'The control plane needs "Authorization: Bearer <admin token>"');
    }
    return;
  }
  if (!isLoopback(request.socket.remoteAddress)) {
    throw new DescopeError(
      'FORBIDDEN',
      'The control plane answers loopback clients only; start the mock with --admin-token to open it',
    );
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
