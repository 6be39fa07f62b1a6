import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { SIGNING_ALGORITHM, type SigningKeyRecord } from '../domain/signingKey.js';
import { DescopeError } from '../errors.js';

/**
 * Signs a token's claims with the project's key, header `{alg, kid, typ:"JWT"}` (descope-auth-api.md §3.1).
 * The claims are the domain's, whole: nothing (no `iat`, no `aud`) is added here.
 */
export function signToken(
  key: SigningKeyRecord,
  claims: Record<string, unknown>,
  /** An RSA algorithm the key can sign with; RS256 unless the caller asked for another (client assertions). */
  alg: string = SIGNING_ALGORITHM,
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid: key.kid, typ: 'JWT' })
    .sign(keyObjectsOf(key).privateKey);
}

/**
 * The claims of a token this project's key signed, checked as every SDK checks a session (§2.3): the
 * signature and algorithm, and the expiry against the server's clock (`clockMs`, so a test clock can expire
 * a token), without leeway. Anything else (no token, another project's, tampered, expired) is a 401.
 * Vendor behaviour (inferred): Descope's code for a bad token on a session route is not published; the
 * unauthorized code, 401, which web-js reads as a dead session (§5).
 */
export async function verifyToken(
  key: SigningKeyRecord | undefined,
  jwt: string,
  clockMs: number,
): Promise<Record<string, unknown>> {
  if (!key) throw badToken('the project has never signed a token');
  try {
    const { payload } = await jwtVerify(jwt, keyObjectsOf(key).publicKey, {
      algorithms: [SIGNING_ALGORITHM],
      currentDate: new Date(clockMs),
    });
    return payload as Record<string, unknown>;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw badToken('the token has expired');
    if (error instanceof joseErrors.JOSEError) throw badToken('the token is not one this project signed');
    throw error;
  }
}

const badToken = (why: string): DescopeError => new DescopeError('UNAUTHORIZED', `Invalid token: ${why}`);

interface KeyObjects {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Each record's key imported once: a mint signs two tokens, and importing an RSA JWK is not free. */
const imported = new WeakMap<SigningKeyRecord, KeyObjects>();

function keyObjectsOf(key: SigningKeyRecord): KeyObjects {
  let objects = imported.get(key);
  if (!objects) {
    const privateKey = createPrivateKey({ key: { ...key.jwk }, format: 'jwk' });
    objects = { privateKey, publicKey: createPublicKey(privateKey) };
    imported.set(key, objects);
  }
  return objects;
}
