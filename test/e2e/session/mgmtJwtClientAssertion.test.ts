import { createPublicKey } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { expectRefused, TEST_PROJECT, useMock } from '../../helpers/mock.js';

/** `management.jwt.generateClientAssertionJwt` (`POST /v1/mgmt/token/clientassertion`). */

const clockMs = Date.UTC(2026, 5, 1, 12);
const mock = useMock({}, { now: () => clockMs });
const sdk = mock.sdk();

/** The assertion's claims, its signature checked against the project's published key. */
async function verified(jwt: string) {
  const { keys } = (await mock.http('GET', `/v2/keys/${TEST_PROJECT.projectId}`, { auth: null })).body;
  const { kid } = decodeProtectedHeader(jwt);
  const jwk = keys.find((key: { kid: string }) => key.kid === kid);
  const { payload, protectedHeader } = await jwtVerify(jwt, createPublicKey({ key: jwk, format: 'jwk' }), {
    currentDate: new Date(clockMs),
  });
  return { payload, alg: protectedHeader.alg };
}

describe('generateClientAssertionJwt', () => {
  it("signs iss, sub, aud, iat, exp and a fresh jti with the project's key (RS256)", async () => {
    const audience = ['https://idp.example.com/token', 'https://other.example.com'];
    const first = await sdk.management.jwt.generateClientAssertionJwt('client-1', 'client-1', audience, 300);
    expect(first.ok).toBe(true);
    const { payload, alg } = await verified(first.data!.jwt);
    const iat = Math.floor(clockMs / 1000);
    expect(alg).toBe('RS256');
    expect(payload).toEqual({
      iss: 'client-1',
      sub: 'client-1',
      aud: audience,
      iat,
      exp: iat + 300,
      jti: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
    });
    const second = await sdk.management.jwt.generateClientAssertionJwt('client-1', 'client-1', audience, 300);
    expect((await verified(second.data!.jwt)).payload.jti).not.toBe(payload.jti);
  });

  it('flattens a single audience to a string when asked, and signs RS384 when asked', async () => {
    const flat = await sdk.management.jwt.generateClientAssertionJwt(
      'i',
      's',
      ['https://a'],
      60,
      true,
      'RS384',
    );
    const { payload, alg } = await verified(flat.data!.jwt);
    expect(alg).toBe('RS384');
    expect(payload.aud).toBe('https://a');
    const kept = await sdk.management.jwt.generateClientAssertionJwt('i', 's', ['https://a'], 60, false);
    expect((await verified(kept.data!.jwt)).payload.aud).toEqual(['https://a']);
  });

  it('refuses an algorithm the RSA key cannot sign with, and missing arguments', async () => {
    const jwt = sdk.management.jwt;
    expectRefused(await jwt.generateClientAssertionJwt('i', 's', ['a'], 60, false, 'ES384'), 400, 'E011004');
    expectRefused(await jwt.generateClientAssertionJwt('', 's', ['a'], 60), 400, 'E011002');
    expectRefused(await jwt.generateClientAssertionJwt('i', '', ['a'], 60), 400, 'E011002');
    expectRefused(await jwt.generateClientAssertionJwt('i', 's', [], 60), 400, 'E011002');
    expectRefused(await jwt.generateClientAssertionJwt('i', 's', ['a'], 0), 400, 'E011002');
    expectRefused(await jwt.generateClientAssertionJwt('i', 's', ['a'], -5), 400, 'E011004');
  });
});
