import { createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { SIGNING_ALGORITHM, type SigningKeyRecord } from '../domain/signingKey.js';

/**
 * Signs a token's claims with the project's key, header `{alg, kid, typ:"JWT"}` (descope-auth-api.md §3.1).
 * The claims are the domain's, whole: nothing (no `iat`, no `aud`) is added here.
 */
export function signToken(key: SigningKeyRecord, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .sign(privateKeyOf(key));
}

/** Each record's key imported once: a mint signs two tokens, and importing an RSA JWK is not free. */
const imported = new WeakMap<SigningKeyRecord, KeyObject>();

function privateKeyOf(key: SigningKeyRecord): KeyObject {
  let object = imported.get(key);
  if (!object) {
    object = createPrivateKey({ key: { ...key.jwk }, format: 'jwk' });
    imported.set(key, object);
  }
  return object;
}
