import { createHash, createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * A project's signing key: what its session and refresh tokens are signed with, and what the keys endpoints
 * (`/v2/keys/{projectId}`, …) publish. Vendor behaviour (inferred): Descope's docs samples sign with RS256
 * (descope-auth-api.md §2.1, §3.1); the mock signs every token so.
 */
export const SIGNING_ALGORITHM = 'RS256';

/** RFC 7518 §3.3 (and jose, which the SDKs verify with) refuse RS256 with a smaller modulus. */
export const MIN_MODULUS_BITS = 2048;

/** The private half of an RSA key as a JWK (RFC 7518 §6.3). */
export interface RsaPrivateJwk {
  kty: 'RSA';
  n: string;
  e: string;
  d: string;
  p: string;
  q: string;
  dp: string;
  dq: string;
  qi: string;
}

export interface SigningKeyRecord {
  /** The `kid` of the tokens' header and of the published key; stable for the key's life. */
  kid: string;
  jwk: RsaPrivateJwk;
}

/** A key as the keys endpoints publish it: what every SDK needs (descope-auth-api.md §2.2), nothing private. */
export interface PublicJwk {
  kty: 'RSA';
  alg: typeof SIGNING_ALGORITHM;
  use: 'sig';
  kid: string;
  n: string;
  e: string;
}

/** A key that cannot sign the mock's tokens; the message says why, for the fixture's error. */
export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

/**
 * The record of a private key: an RSA key of 2048 bits or more. Without a `kid` given, the kid is the key's
 * RFC 7638 thumbprint, so the same key always gets the same kid (a pinned PEM key gives a kid a test can
 * compute) and two keys never share one.
 */
export function signingKeyOf(privateKey: KeyObject, kid?: string): SigningKeyRecord {
  if (privateKey.type !== 'private') throw new SigningKeyError('not a private key');
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new SigningKeyError(`an RSA key is needed (tokens are signed ${SIGNING_ALGORITHM})`);
  }
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_MODULUS_BITS) {
    throw new SigningKeyError(
      `a ${bits}-bit RSA key; ${SIGNING_ALGORITHM} needs ${MIN_MODULUS_BITS} bits or more`,
    );
  }
  const { kty, n, e, d, p, q, dp, dq, qi } = privateKey.export({ format: 'jwk' }) as RsaPrivateJwk;
  const jwk: RsaPrivateJwk = { kty, n, e, d, p, q, dp, dq, qi };
  return { kid: kid ?? thumbprint(jwk), jwk };
}

/**
 * A key as a fixture pins it (`signingKey`): a PEM private key (PKCS#8 or PKCS#1), or a private JWK whose
 * `kid`, when it has one, is kept (a snapshot exports the key so, and gets the same kid back).
 */
export function parseSigningKey(input: string | Record<string, unknown>): SigningKeyRecord {
  if (typeof input === 'string')
    return signingKeyOf(importKey(() => createPrivateKey(input), 'a PEM private key'));
  if (input.alg !== undefined && input.alg !== SIGNING_ALGORITHM) {
    throw new SigningKeyError(`alg "${String(input.alg)}": the mock signs ${SIGNING_ALGORITHM} only`);
  }
  const kid = typeof input.kid === 'string' && input.kid !== '' ? input.kid : undefined;
  const key = importKey(
    () => createPrivateKey({ key: input as JsonWebKey, format: 'jwk' }),
    'a private JWK (kty "RSA" with n, e, d, p, q, dp, dq, qi)',
  );
  return signingKeyOf(key, kid);
}

function importKey(load: () => KeyObject, expected: string): KeyObject {
  try {
    return load();
  } catch {
    throw new SigningKeyError(`not ${expected}`);
  }
}

/** The key as the keys endpoints serve it. */
export function publicJwkOf({ kid, jwk }: SigningKeyRecord): PublicJwk {
  return { kty: 'RSA', alg: SIGNING_ALGORITHM, use: 'sig', kid, n: jwk.n, e: jwk.e };
}

/** The key as a snapshot carries it (`signingKey`): the private JWK with its kid and alg, loadable as a pin. */
export function fixtureJwkOf({ kid, jwk }: SigningKeyRecord): Record<string, string> {
  return { ...jwk, kid, alg: SIGNING_ALGORITHM };
}

/** RFC 7638: the SHA-256 of the required members in lexicographic order, base64url. */
function thumbprint(jwk: RsaPrivateJwk): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}
