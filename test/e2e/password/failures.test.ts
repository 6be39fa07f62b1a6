import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { PASSWORD, PASSWORD_FIXTURE, passwordProject } from './passwordProject.js';

/** Every refusal of the password calls, raw HTTP: status and Descope's error code (descope-auth-api.md §6.4, §10). */
const mock = useMock({ fixtures: 'none' });

const post = (auth: string, path: string, body: unknown) =>
  mock.http('POST', `/v1/auth/password/${path}`, { auth, body });
const signIn = (auth: string, loginId: string, password: string) =>
  post(auth, 'signin', { loginId, password });

describe('password refusals', () => {
  it('sign-up: an existing login ID (400 E062107), a weak password (400 E011004), nothing (400 E011002)', async () => {
    const { auth } = await passwordProject(mock);
    expectRefused(
      await post(auth, 'signup', { loginId: 'pat@example.com', password: PASSWORD }),
      400,
      'E062107',
    );
    const weak = expectRefused(
      await post(auth, 'signup', { loginId: 'x@example.com', password: 'short' }),
      400,
      'E011004',
    );
    expect(weak.errorMessage).toContain('at least 8 characters');
    expectRefused(await post(auth, 'signup', { loginId: 'x@example.com' }), 400, 'E011002');
    expectRefused(await post(auth, 'signup', { password: PASSWORD }), 400, 'E011002');
  });

  it('sign-in: unknown user 400 E062108, wrong password 401, no password 401, disabled user 400', async () => {
    const { auth } = await passwordProject(mock);
    expectRefused(await signIn(auth, 'nobody@example.com', PASSWORD), 400, 'E062108');
    expectRefused(await signIn(auth, 'pat@example.com', 'Wrong-password-1'), 401, 'E011003');
    expectRefused(await signIn(auth, 'ada@example.com', PASSWORD), 401, 'E011003');
    expectRefused(await signIn(auth, 'dora@example.com', PASSWORD), 400, 'E011004');
    expectRefused(await post(auth, 'signin', { loginId: 'pat@example.com', password: '' }), 400, 'E011002');
    expectRefused(
      await mock.http('POST', '/v1/auth/password/signin', { auth, rawBody: '{' }),
      400,
      'E011001',
    );
  });

  it('sign-in: a password older than the policy expiration answers 401 E062909, before any check of state', async () => {
    const { auth } = await passwordProject(mock, {
      ...PASSWORD_FIXTURE,
      passwordSettings: { expiration: true, expirationWeeks: 1 },
      users: [{ loginId: 'old@example.com', cleartextPassword: PASSWORD, passwordSetTime: 0 }],
    });
    expectRefused(await signIn(auth, 'old@example.com', PASSWORD), 401, 'E062909');
    // The wrong password is still a wrong password: an expired one is only told to whoever knows it.
    expectRefused(await signIn(auth, 'old@example.com', 'Wrong-password-1'), 401, 'E011003');
  });

  it('step-up or MFA without a refresh token (401), or with another user’s (400)', async () => {
    const { auth, sdk } = await passwordProject(mock);
    const body = { loginId: 'pat@example.com', password: PASSWORD, loginOptions: { stepup: true } };
    expectRefused(await post(auth, 'signin', body), 401, 'E011003');
    const other = await sdk.password.signIn('quinn@example.com', PASSWORD);
    expectRefused(await post(`${auth}:${other.data?.refreshJwt}`, 'signin', body), 400, 'E011004');
    expectRefused(
      await post(`${auth}:not-a-jwt`, 'signin', { ...body, loginOptions: { mfa: true } }),
      401,
      'E011003',
    );
  });

  it('replace: wrong old password 401, weak new one 400 E011004 (the old one stays)', async () => {
    const { auth } = await passwordProject(mock);
    const replace = (oldPassword: string, newPassword: string) =>
      post(auth, 'replace', { loginId: 'pat@example.com', oldPassword, newPassword });
    expectRefused(await replace('Wrong-password-1', 'Good-password-2'), 401, 'E011003');
    expectRefused(await replace(PASSWORD, 'weak'), 400, 'E011004');
    expectRefused(await replace(PASSWORD, ''), 400, 'E011002');
    expect((await signIn(auth, 'pat@example.com', PASSWORD)).status).toBe(200);
  });

  it("update: no refresh token 401, another user's login ID 400, a weak password 400", async () => {
    const { auth, sdk } = await passwordProject(mock);
    const update = (bearer: string, loginId: string, newPassword: string) =>
      post(bearer, 'update', { loginId, newPassword });
    expectRefused(await update(auth, 'pat@example.com', 'Good-password-2'), 401, 'E011003');
    const pat = await sdk.password.signIn('pat@example.com', PASSWORD);
    const withRt = `${auth}:${pat.data?.refreshJwt}`;
    expectRefused(await update(withRt, 'quinn@example.com', 'Good-password-2'), 400, 'E011004');
    expectRefused(await update(withRt, 'pat@example.com', 'weak'), 400, 'E011004');
    await sdk.logout(pat.data?.refreshJwt);
    expectRefused(await update(withRt, 'pat@example.com', 'Good-password-2'), 401, 'E064001');
  });

  it('reset: unknown user 400 E062108, a user without email 400 E011004', async () => {
    const { auth } = await passwordProject(mock);
    expectRefused(await post(auth, 'reset', { loginId: 'nobody@example.com' }), 400, 'E062108');
    expectRefused(await post(auth, 'reset', { loginId: 'nomail' }), 400, 'E011004');
    expectRefused(await post(auth, 'reset', {}), 400, 'E011002');
  });

  it('every call needs the project bearer (401 E011003); policy answers without a token', async () => {
    const { auth } = await passwordProject(mock);
    expectRefused(
      await signIn('Bearer P2Nope0000000000000000000000', 'pat@example.com', PASSWORD),
      401,
      'E011003',
    );
    expect((await mock.http('GET', '/v1/auth/password/policy', { auth })).status).toBe(200);
  });
});
