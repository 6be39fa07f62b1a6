import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { parseSigningKey, publicJwkOf, SigningKeyError } from '../../../src/domain/signingKey.js';

/** Keys as a fixture pins them: what is taken, the kid it gets, what is refused and why. */

const rsa = (modulusLength: number) => generateKeyPairSync('rsa', { modulusLength });
const { privateKey, publicKey } = rsa(2048);

describe('parseSigningKey', () => {
  it('takes a PEM private key, PKCS#8 or PKCS#1, with the RFC 7638 thumbprint as kid', async () => {
    const pkcs8 = parseSigningKey(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    const pkcs1 = parseSigningKey(privateKey.export({ format: 'pem', type: 'pkcs1' }) as string);
    const published = publicKey.export({ format: 'jwk' });
    expect(pkcs8.kid).toBe(await calculateJwkThumbprint({ kty: 'RSA', n: published.n, e: published.e }));
    expect(pkcs1).toEqual(pkcs8);
    expect(publicJwkOf(pkcs8)).toEqual({
      kty: 'RSA',
      alg: 'RS256',
      use: 'sig',
      kid: pkcs8.kid,
      ...published,
    });
  });

  it("takes a private JWK, keeping its kid (a snapshot's key comes back the same)", () => {
    const jwk = privateKey.export({ format: 'jwk' });
    expect(parseSigningKey({ ...jwk, kid: 'my-key', alg: 'RS256', use: 'sig' }).kid).toBe('my-key');
    expect(parseSigningKey({ ...jwk }).kid).toBe(parseSigningKey({ ...jwk, kid: '' }).kid);
  });

  it('refuses what cannot sign RS256: a public key, an EC key, a short key, another alg, garbage', () => {
    const refusals: [unknown, RegExp][] = [
      [publicKey.export({ format: 'pem', type: 'spki' }), /not a PEM private key/],
      [publicKey.export({ format: 'jwk' }), /not a private JWK/],
      [generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ format: 'jwk' }), /an RSA key/],
      [rsa(1024).privateKey.export({ format: 'pem', type: 'pkcs8' }), /1024-bit.*2048/],
      [{ ...privateKey.export({ format: 'jwk' }), alg: 'RS512' }, /alg "RS512"/],
      ['-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', /not a PEM private key/],
    ];
    for (const [input, message] of refusals) {
      expect(() => parseSigningKey(input as string)).toThrow(SigningKeyError);
      expect(() => parseSigningKey(input as string)).toThrow(message);
    }
  });
});
