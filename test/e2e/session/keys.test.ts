import { createRemoteJWKSet, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectDescopeError, useMock } from '../../helpers/mock.js';
import { decoded, mint, sessionProject } from '../../helpers/session.js';

/** The keys endpoints on the wire, and a backend that validates tokens with a generic JWT library. */

const mock = useMock({ fixtures: 'none' });
let projectId: string;

beforeAll(async () => {
  ({ projectId } = await sessionProject(mock));
});

describe('GET /v2/keys/{projectId}', () => {
  it('answers {keys:[{kty, alg, use, kid, n, e}]} without credentials', async () => {
    const response = await mock.http('GET', `/v2/keys/${projectId}`, { auth: null });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(['keys']);
    expect(response.body.keys).toHaveLength(1);
    const [key] = response.body.keys;
    expect(Object.keys(key)).toEqual(['kty', 'alg', 'use', 'kid', 'n', 'e']);
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    // A 2048-bit modulus: 256 bytes, 342 base64url characters.
    expect(Buffer.from(key.n, 'base64url')).toHaveLength(256);
  });

  it('ignores whatever Authorization header comes along, and the ?certs query', async () => {
    const plain = await mock.http('GET', `/v2/keys/${projectId}`, { auth: null });
    const noisy = await mock.http('GET', `/v2/keys/${projectId}?certs=true`, { auth: 'Bearer nonsense' });
    expect(noisy.status).toBe(200);
    expect(noisy.body).toEqual(plain.body);
  });

  it('keeps one key: the same kid on every call, and in the tokens the project signs', async () => {
    const first = await mock.http('GET', `/v2/keys/${projectId}`, { auth: null });
    const minted = await mint(mock, projectId, { loginId: 'ada@example.com' });
    const second = await mock.http('GET', `/v2/keys/${projectId}`, { auth: null });
    expect(second.body).toEqual(first.body);
    expect(decoded(minted.body.sessionJwt).header).toEqual({
      alg: 'RS256',
      kid: first.body.keys[0].kid,
      typ: 'JWT',
    });
  });

  it('makes one key for a new project, however many first requests arrive at once', async () => {
    const { projectId: fresh } = await sessionProject(mock, {});
    const answers = await Promise.all([
      mock.http('GET', `/v2/keys/${fresh}`, { auth: null }),
      mock.http('GET', `/v1/keys/${fresh}`, { auth: null }),
      mock.http('GET', `/${fresh}/.well-known/jwks.json`, { auth: null }),
    ]);
    const kids = [answers[0].body.keys[0].kid, answers[1].body[0].kid, answers[2].body.keys[0].kid];
    expect(new Set(kids).size).toBe(1);
    const other = await mock.http('GET', `/v2/keys/${projectId}`, { auth: null });
    expect(other.body.keys[0].kid).not.toBe(kids[0]);
  });

  it("answers an unknown project with Descope's error body", async () => {
    const response = await mock.http('GET', '/v2/keys/P2NoSuchProject0000000000000', { auth: null });
    expect(response.status).toBe(400);
    expectDescopeError(response.body, 'E011004');
    for (const path of ['/v1/keys/P2NoSuchProject', '/P2NoSuchProject/.well-known/jwks.json']) {
      const other = await mock.http('GET', path, { auth: null });
      expect(other.status, path).toBe(400);
      expectDescopeError(other.body, 'E011004');
    }
  });
});

describe('GET /v1/keys/{projectId} and /{projectId}/.well-known/jwks.json', () => {
  it('/v1/keys answers the same keys as a bare array, as the SDKs read it', async () => {
    const v2 = await mock.http('GET', `/v2/keys/${projectId}`, { auth: null });
    const v1 = await mock.http('GET', `/v1/keys/${projectId}`, { auth: null });
    expect(v1.status).toBe(200);
    expect(Array.isArray(v1.body)).toBe(true);
    expect(v1.body).toEqual(v2.body.keys);
  });

  it('the OIDC jwks_uri answers {keys}, the same as /v2/keys', async () => {
    const v2 = await mock.http('GET', `/v2/keys/${projectId}`, { auth: null });
    const wellKnown = await mock.http('GET', `/${projectId}/.well-known/jwks.json`, { auth: null });
    expect(wellKnown.status).toBe(200);
    expect(wellKnown.body).toEqual(v2.body);
  });
});

describe('a backend without the Descope SDK', () => {
  it("validates a minted session with jose's createRemoteJWKSet and jwtVerify, issuer = project ID", async () => {
    const minted = await mint(mock, projectId, { loginId: 'ada@example.com', tenantId: 'T2Acme' });
    const keys = createRemoteJWKSet(new URL(`${mock.url}/v2/keys/${projectId}`));
    const { payload, protectedHeader } = await jwtVerify(minted.body.sessionJwt, keys, {
      issuer: projectId,
      algorithms: ['RS256'],
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({ sub: 'U2Ada0000000000000000000000', drn: 'DS', dct: 'T2Acme' });
    expect(payload.aud).toBeUndefined();
    expect(payload.nbf).toBeUndefined();
    // The refresh token is signed by the same key.
    await expect(jwtVerify(minted.body.refreshJwt, keys, { issuer: projectId })).resolves.toBeDefined();
  });

  it('refuses it against another project', async () => {
    const minted = await mint(mock, projectId, { loginId: 'ada@example.com' });
    const { projectId: other } = await sessionProject(mock, {});
    const otherKeys = createRemoteJWKSet(new URL(`${mock.url}/v2/keys/${other}`));
    await expect(jwtVerify(minted.body.sessionJwt, otherKeys)).rejects.toThrow();
  });
});

describe('the harness on the key routes', () => {
  it('journals them under the path as called, with the project the path names', async () => {
    await mock.control('DELETE', '/_mock/requests');
    await mock.http('GET', `/v1/keys/${projectId}`, { auth: null });
    const journal = await mock.control('GET', `/_mock/requests?path=/v1/keys/*`);
    expect(journal.body.requests).toEqual([
      expect.objectContaining({ method: 'GET', path: `/v1/keys/${projectId}`, projectId, status: 200 }),
    ]);
  });

  it('lets a fault hit them, by path and project', async () => {
    const fault = await mock.control('POST', '/_mock/faults', {
      path: '/v2/keys/*',
      projectId,
      status: 500,
      times: 1,
    });
    expect(fault.status).toBe(201);
    const hit = await mock.http('GET', `/v2/keys/${projectId}`, { auth: null });
    expect(hit.status).toBe(500);
    const after = await mock.http('GET', `/v2/keys/${projectId}`, { auth: null });
    expect(after.status).toBe(200);
  });
});
