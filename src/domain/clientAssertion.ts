import { invalid, missing } from '../errors.js';
import { randomId } from './ids.js';
import { SIGNING_ALGORITHM } from './signingKey.js';

/**
 * management.jwt.generateClientAssertionJwt (descope-mgmt-more.md §4): a JWT signed with the project's key
 * that a client presents as its assertion (RFC 7523) to another party.
 */

/**
 * The algorithms the project's key can sign with. The SDK offers RS256, RS384 and ES384; the mock's keys are
 * RSA, so ES384 (and anything else) is a 400. Vendor behaviour (inferred): Descope's answer to an algorithm
 * its key cannot sign with is not published.
 */
const RSA_ALGORITHMS = new Set([SIGNING_ALGORITHM, 'RS384', 'RS512']);

export interface ClientAssertionInput {
  issuer?: string;
  subject?: string;
  audience?: string[];
  expiresIn?: number;
  flattenAudience?: boolean;
  algorithm?: string;
}

/**
 * The claims and algorithm of the assertion: iss, sub, aud, iat, exp (iat + expiresIn) and a fresh jti.
 * Vendor behaviour (inferred): `flattenAudience` makes a one-audience `aud` a string (several stay an
 * array); every argument is required, `expiresIn` positive.
 */
export function clientAssertionClaims(
  input: ClientAssertionInput,
  nowMs: number,
): { claims: Record<string, unknown>; algorithm: string } {
  if (!input.issuer) throw missing('issuer');
  if (!input.subject) throw missing('subject');
  const audience = (input.audience ?? []).filter((entry) => entry !== '');
  if (audience.length === 0) throw missing('audience');
  if (input.expiresIn === undefined || input.expiresIn === 0) throw missing('expiresIn');
  if (input.expiresIn < 0) throw invalid('expiresIn must be a positive number of seconds');
  const algorithm = input.algorithm || SIGNING_ALGORITHM;
  if (!RSA_ALGORITHMS.has(algorithm)) {
    throw invalid(
      `algorithm "${algorithm}" is not one the project's RSA key signs with (RS256, RS384, RS512)`,
    );
  }
  const iat = Math.floor(nowMs / 1000);
  return {
    claims: {
      iss: input.issuer,
      sub: input.subject,
      aud: input.flattenAudience && audience.length === 1 ? audience[0] : audience,
      iat,
      exp: iat + input.expiresIn,
      jti: randomId('', 32),
    },
    algorithm,
  };
}
