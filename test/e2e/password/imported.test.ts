import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { PASSWORD, passwordProject } from './passwordProject.js';

/**
 * Passwords the mock did not hash: imported ones (management create/batch or import `hashedPassword`) sign
 * in where node's crypto can check the scheme, and are refused honestly (501) where it cannot; and a
 * password sign-in from `@descope/core-js-sdk`, the base of the browser SDKs.
 */
const mock = useMock({ fixtures: 'none' });

const salt = Buffer.from('0123456789abcdef');
const pbkdf2 = (digest: string) => pbkdf2Sync(PASSWORD, salt, 1000, 32, digest).toString('base64');

describe('imported password hashes', () => {
  it('signs in with a pbkdf2 or a Django pbkdf2_sha256 hash; a wrong password is still 401', async () => {
    const { sdk, admin, auth } = await passwordProject(mock);
    const djangoHash = pbkdf2Sync(PASSWORD, 'djangosalt', 1000, 32, 'sha256').toString('base64');
    const created = await admin.management.user.createBatch([
      {
        loginId: 'pb@example.com',
        hashedPassword: {
          pbkdf2: { hash: pbkdf2('sha512'), salt: salt.toString('base64'), iterations: 1000, type: 'sha512' },
        },
      },
      {
        loginId: 'dj@example.com',
        hashedPassword: { django: { hash: `pbkdf2_sha256$1000$djangosalt$${djangoHash}` } },
      },
    ] as never);
    expect(created.data?.failedUsers ?? []).toEqual([]);
    for (const loginId of ['pb@example.com', 'dj@example.com']) {
      const signedIn = await sdk.password.signIn(loginId, PASSWORD);
      expect(signedIn.ok).toBe(true);
      expect((await sdk.validateSession(signedIn.data?.sessionJwt as string)).token.amr).toEqual(['pwd']);
      const wrong = await mock.http('POST', '/v1/auth/password/signin', {
        auth,
        body: { loginId, password: 'Wrong-password-1' },
      });
      expectRefused(wrong, 401, 'E011003');
    }
  });

  it('refuses a bcrypt hash it cannot verify: 501 E000501 naming the way out', async () => {
    const { sdk, admin } = await passwordProject(mock);
    const created = await admin.management.user.createBatch([
      {
        loginId: 'bc@example.com',
        hashedPassword: { bcrypt: { hash: '$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy' } },
      },
    ] as never);
    expect(created.ok).toBe(true);
    const refused = await sdk.password.signIn('bc@example.com', PASSWORD);
    const body = expectRefused(refused, 501, 'E000501');
    expect(body.errorMessage).toContain('setActivePassword');
  });
});

describe('@descope/core-js-sdk from Node', () => {
  it('password.signIn, then me with the refresh token', async () => {
    const { projectId, sdk } = await passwordProject(mock);
    const { default: createSdk } = await import('@descope/core-js-sdk');
    const core = createSdk({ projectId, baseUrl: mock.url });
    const signedIn = await core.password.signIn('pat@example.com', PASSWORD);
    expect(signedIn.ok).toBe(true);
    await sdk.validateSession(signedIn.data?.sessionJwt as string);
    const me = await core.me(signedIn.data?.refreshJwt as string);
    expect(me.data).toMatchObject({ loginIds: ['pat@example.com'], password: true });
    const wrong = await core.password.signIn('pat@example.com', 'Wrong-password-1');
    expect(wrong).toMatchObject({ ok: false, code: 401, error: { errorCode: 'E011003' } });
  });
});
