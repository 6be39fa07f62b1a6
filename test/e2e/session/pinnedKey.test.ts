import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import DescopeClient from '@descope/node-sdk';
import { calculateJwkThumbprint, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { expectDescopeError, startMock, useMock } from '../../helpers/mock.js';
import { decoded, mint, SESSION_FIXTURE, sessionProject } from '../../helpers/session.js';

/** Fixture keys: a pinned `signingKey`, the lifetimes, and a snapshot carrying both to another mock. */

const mock = useMock({ fixtures: 'none' });
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;

const keysOf = async (projectId: string) =>
  (await mock.http('GET', `/v2/keys/${projectId}`, { auth: null })).body;

describe('signingKey', () => {
  it('a pinned PEM key signs the tokens, with its RFC 7638 thumbprint as kid', async () => {
    const { projectId } = await sessionProject(mock, { ...SESSION_FIXTURE, signingKey: PEM });
    const publicJwk = createPublicKey(PEM).export({ format: 'jwk' });
    const kid = await calculateJwkThumbprint({ kty: 'RSA', n: publicJwk.n, e: publicJwk.e });
    expect(await keysOf(projectId)).toEqual({
      keys: [{ kty: 'RSA', alg: 'RS256', use: 'sig', kid, n: publicJwk.n, e: publicJwk.e }],
    });
    const minted = await mint(mock, projectId, { loginId: 'ada@example.com' });
    expect(decoded(minted.body.sessionJwt).header.kid).toBe(kid);
    // Verifiable with the pinned key's public half alone, no keys endpoint needed.
    const { payload } = await jwtVerify(minted.body.sessionJwt, createPublicKey(PEM), { issuer: projectId });
    expect(payload.sub).toBe('U2Ada0000000000000000000000');
  });

  it("a pinned private JWK keeps its kid, and the SDK's publicKey option validates without fetching", async () => {
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'pinned-1' };
    const { projectId } = await sessionProject(mock, { ...SESSION_FIXTURE, signingKey: jwk });
    expect((await keysOf(projectId)).keys[0].kid).toBe('pinned-1');
    const minted = await mint(mock, projectId, { loginId: 'ada@example.com' });
    const [published] = (await keysOf(projectId)).keys;
    const offline = DescopeClient({ projectId, publicKey: JSON.stringify(published) });
    await expect(offline.validateSession(minted.body.sessionJwt)).resolves.toBeDefined();
  });

  it('refuses a key that cannot sign RS256, naming the fixture key', async () => {
    const { privateKey: short } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    for (const signingKey of ['not a key', short.export({ format: 'pem', type: 'pkcs8' }), { kty: 'RSA' }]) {
      const created = await mock.control('POST', '/_mock/projects', { signingKey });
      expect(created.status).toBe(400);
      expect(expectDescopeError(created.body, 'E011004').errorMessage).toMatch(
        /signingKey.*: (not|a 1024-bit)/,
      );
    }
  });

  it('a reset goes back to the pinned key, even after a restore brought another', async () => {
    const { projectId } = await sessionProject(mock, { ...SESSION_FIXTURE, signingKey: PEM });
    const pinned = (await keysOf(projectId)).keys[0].kid;
    const { privateKey: other } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    const restored = { ...snapshot, signingKey: other.export({ format: 'pem', type: 'pkcs8' }) };
    expect((await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, restored)).status).toBe(200);
    expect((await keysOf(projectId)).keys[0].kid).not.toBe(pinned);
    await mock.control('POST', '/_mock/reset', { projectId });
    expect((await keysOf(projectId)).keys[0].kid).toBe(pinned);
  });
});

describe('sessionTokenTtl and refreshTokenTtl', () => {
  it("set the project's lifetimes, in seconds", async () => {
    const { projectId } = await sessionProject(mock, {
      ...SESSION_FIXTURE,
      sessionTokenTtl: 120,
      refreshTokenTtl: 3600,
    });
    const minted = await mint(mock, projectId, { loginId: 'ada@example.com' });
    const session = decoded(minted.body.sessionJwt).claims;
    const refresh = decoded(minted.body.refreshJwt).claims;
    expect(session.exp - session.iat).toBe(120);
    expect((refresh.exp as number) - (refresh.iat as number)).toBe(3600);
    expect(minted.body.cookieMaxAge).toBe(3600);
  });

  it('refuses a lifetime that is not a positive number of seconds', async () => {
    for (const bad of [{ sessionTokenTtl: 0 }, { refreshTokenTtl: -5 }, { sessionTokenTtl: 1.5 }]) {
      const created = await mock.control('POST', '/_mock/projects', bad);
      expect(created.status, JSON.stringify(bad)).toBe(400);
    }
  });
});

describe('a snapshot', () => {
  it('carries the key and the lifetimes: restored into another mock, its tokens still validate', async () => {
    const { projectId } = await sessionProject(mock, { ...SESSION_FIXTURE, sessionTokenTtl: 900 });
    const minted = await mint(mock, projectId, { loginId: 'ada@example.com' });
    const kid = (await keysOf(projectId)).keys[0].kid;
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    expect(snapshot.signingKey).toMatchObject({ kty: 'RSA', kid, alg: 'RS256', d: expect.any(String) });
    expect(snapshot.sessionTokenTtl).toBe(900);
    expect(snapshot).not.toHaveProperty('refreshTokenTtl');

    const elsewhere = await startMock({ fixtures: 'none' });
    try {
      expect((await elsewhere.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot)).status).toBe(
        201,
      );
      const keys = await elsewhere.http('GET', `/v2/keys/${projectId}`, { auth: null });
      expect(keys.body.keys[0].kid).toBe(kid);
      const descope = DescopeClient({ projectId, baseUrl: elsewhere.url });
      await expect(descope.validateSession(minted.body.sessionJwt)).resolves.toBeDefined();
      const again = await mint(elsewhere, projectId, { loginId: 'ada@example.com' });
      const claims = decoded(again.body.sessionJwt).claims;
      expect(claims.exp - claims.iat).toBe(900);
      // Snapshot, restore, snapshot gives the same document.
      expect((await elsewhere.control('GET', `/_mock/projects/${projectId}/snapshot`)).body).toEqual(
        snapshot,
      );
    } finally {
      await elsewhere.close();
    }
  });

  it('of a project that never used its key carries none, and the restore keeps the key it has', async () => {
    const { projectId } = await sessionProject(mock);
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    expect(snapshot).not.toHaveProperty('signingKey');
    const kid = (await keysOf(projectId)).keys[0].kid;
    await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot);
    expect((await keysOf(projectId)).keys[0].kid).toBe(kid);
  });
});
