import { describe, expect, it } from 'vitest';
import { useMock } from '../../helpers/mock.js';
import { decoded } from '../../helpers/session.js';
import { outbox, PASSWORD, PASSWORD_FIXTURE, passwordProject } from './passwordProject.js';

/**
 * Password sign-in through the official Node SDK (descope-auth-api.md §6.4): sign-up, sign-in, replace,
 * update, reset and policy, each session checked with validateSession.
 */
const mock = useMock({ fixtures: 'none' });
const NEW_PASSWORD = 'Battery-staple-2';

describe('password.signUp and password.signIn', () => {
  it('signs a new user up (firstSeen, amr pwd), who then signs in with the password', async () => {
    const { sdk, admin, projectId } = await passwordProject(mock);
    const up = await sdk.password.signUp('new@example.com', PASSWORD, { name: 'New One' });
    expect(up.ok).toBe(true);
    expect(up.data).toMatchObject({
      firstSeen: true,
      user: { loginIds: ['new@example.com'], name: 'New One' },
    });
    const session = await sdk.validateSession(up.data?.sessionJwt as string);
    expect(session.token).toMatchObject({
      iss: projectId,
      sub: up.data?.user?.userId,
      amr: ['pwd'],
      drn: 'DS',
    });

    const loaded = await admin.management.user.load('new@example.com');
    expect(loaded.data).toMatchObject({ status: 'enabled', password: true, email: 'new@example.com' });

    const signedIn = await sdk.password.signIn('new@example.com', PASSWORD);
    expect(signedIn.ok).toBe(true);
    expect(signedIn.data?.firstSeen).toBe(false);
    expect((await sdk.validateSession(signedIn.data?.sessionJwt as string)).token.amr).toEqual(['pwd']);
    expect((await admin.management.user.history([up.data?.user?.userId as string])).data).toHaveLength(2);
  });

  it("signs in a fixture user's password, enabling an invited user", async () => {
    const { sdk, admin } = await passwordProject(mock);
    const signedIn = await sdk.password.signIn('quinn@example.com', PASSWORD);
    expect(signedIn.ok).toBe(true);
    expect(signedIn.data).toMatchObject({ firstSeen: true, user: { status: 'enabled' } });
    await sdk.validateSession(signedIn.data?.sessionJwt as string);
    expect((await admin.management.user.load('quinn@example.com')).data?.status).toBe('enabled');
  });

  it('puts client custom claims under nsec; step-up (su) and MFA (amr) continue the bearer refresh token', async () => {
    const { sdk, projectId } = await passwordProject(mock);
    const first = await sdk.password.signIn('pat@example.com', PASSWORD, { customClaims: { plan: 'pro' } });
    const { claims } = decoded(first.data?.sessionJwt as string);
    expect(claims).toMatchObject({ nsec: { plan: 'pro' } });
    expect(claims).not.toHaveProperty('plan');
    // core-js' password.signIn sends no refresh token (web-js appends its own to every call): raw HTTP.
    const auth = `Bearer ${projectId}:${first.data?.refreshJwt}`;
    const body = (loginOptions: object) => ({ loginId: 'pat@example.com', password: PASSWORD, loginOptions });
    const stepped = await mock.http('POST', '/v1/auth/password/signin', {
      auth,
      body: body({ stepup: true }),
    });
    expect(stepped.status).toBe(200);
    const stepup = await sdk.validateSession(stepped.body.sessionJwt);
    expect(stepup.token).toMatchObject({ su: true, amr: ['pwd'], sub: first.data?.user?.userId });
    const mfa = await mock.http('POST', '/v1/auth/password/signin', { auth, body: body({ mfa: true }) });
    expect((await sdk.validateSession(mfa.body.sessionJwt)).token.amr).toEqual(['pwd', 'mfa']);
  });

  it('answers cookies in a cookie-mode project (Set-Cookie, no refreshJwt in the body)', async () => {
    const { sdk } = await passwordProject(mock, {
      ...PASSWORD_FIXTURE,
      refreshTokenInCookie: true,
    });
    const signedIn = await sdk.password.signIn('pat@example.com', PASSWORD);
    expect(signedIn.ok).toBe(true);
    const { cookies, refreshJwt } = signedIn.data as { cookies: string[]; refreshJwt: string };
    expect(cookies.some((cookie) => cookie.startsWith('DSR='))).toBe(true);
    expect(refreshJwt).toEqual(expect.any(String)); // node's withCookie reads it back out of the cookie
  });
});

describe('temporary and expired passwords', () => {
  it('setTemporaryPassword: sign-in refused 401 E062909 until password.replace, then both work', async () => {
    const { sdk, admin } = await passwordProject(mock);
    expect((await admin.management.user.setTemporaryPassword('pat@example.com', 'Temporary-1')).ok).toBe(
      true,
    );
    const refused = await sdk.password.signIn('pat@example.com', 'Temporary-1');
    expect(refused).toMatchObject({ ok: false, code: 401, error: { errorCode: 'E062909' } });

    const replaced = await sdk.password.replace('pat@example.com', 'Temporary-1', NEW_PASSWORD);
    expect(replaced.ok).toBe(true);
    expect((await sdk.validateSession(replaced.data?.sessionJwt as string)).token.amr).toEqual(['pwd']);
    expect((await sdk.password.signIn('pat@example.com', NEW_PASSWORD)).ok).toBe(true);
    expect((await sdk.password.signIn('pat@example.com', 'Temporary-1')).code).toBe(401);
  });

  it('expirePassword: refused 401 E062909 until replaced; setActivePassword signs in at once', async () => {
    const { sdk, admin } = await passwordProject(mock);
    expect((await admin.management.user.expirePassword('pat@example.com')).ok).toBe(true);
    const refused = await sdk.password.signIn('pat@example.com', PASSWORD);
    expect(refused).toMatchObject({ ok: false, code: 401, error: { errorCode: 'E062909' } });
    expect((await sdk.password.replace('pat@example.com', PASSWORD, NEW_PASSWORD)).ok).toBe(true);
    expect((await sdk.password.signIn('pat@example.com', NEW_PASSWORD)).ok).toBe(true);

    expect((await admin.management.user.setActivePassword('pat@example.com', 'Active-pass-3')).ok).toBe(true);
    const active = await sdk.password.signIn('pat@example.com', 'Active-pass-3');
    expect(active.ok).toBe(true);
    await sdk.validateSession(active.data?.sessionJwt as string);
  });
});

describe('password.update, sendReset and policy', () => {
  it("password.update sets the refresh token's user's new password", async () => {
    const { sdk } = await passwordProject(mock);
    const signedIn = await sdk.password.signIn('pat@example.com', PASSWORD);
    const updated = await sdk.password.update('pat@example.com', NEW_PASSWORD, signedIn.data?.refreshJwt);
    expect(updated).toMatchObject({ ok: true });
    expect((await sdk.password.signIn('pat@example.com', PASSWORD)).code).toBe(401);
    const again = await sdk.password.signIn('pat@example.com', NEW_PASSWORD);
    await sdk.validateSession(again.data?.sessionJwt as string);
  });

  it('password.sendReset puts a magic link in the outbox, masks the email, shows no token', async () => {
    const { sdk, projectId } = await passwordProject(mock);
    const sent = await sdk.password.sendReset('pat@example.com', 'http://localhost:3000/reset');
    expect(sent.ok).toBe(true);
    expect(sent.data).toEqual({ resetMethod: 'magiclink', maskedEmail: 'p***@example.com' });
    const [message] = (await outbox(mock, projectId)).filter((m) => m.loginId === 'pat@example.com');
    expect(message).toMatchObject({ kind: 'magiclink', deliveryMethod: 'email', consumed: false });
    expect(message?.token).toMatch(/^[0-9a-f]{64}$/);
    expect(message?.payload).toMatchObject({
      link: `http://localhost:3000/reset?t=${message?.token}`,
      purpose: 'passwordReset',
    });
    expect(JSON.stringify(sent.data)).not.toContain(message?.token as string);
  });

  it('completes a reset: the link verifies (magicLink.verify) into a session that sets the new password', async () => {
    const { sdk, projectId } = await passwordProject(mock);
    await sdk.password.sendReset('pat@example.com', 'http://localhost:3000/reset');
    const [message] = (await outbox(mock, projectId)).filter((m) => m.loginId === 'pat@example.com');
    const verified = await sdk.magicLink.verify(message?.token as string);
    expect(verified.ok).toBe(true);
    await sdk.validateSession(verified.data?.sessionJwt as string);
    const updated = await sdk.password.update('pat@example.com', NEW_PASSWORD, verified.data?.refreshJwt);
    expect(updated.ok).toBe(true);
    expect((await sdk.password.signIn('pat@example.com', NEW_PASSWORD)).ok).toBe(true);
    // The link is single use.
    expect((await sdk.magicLink.verify(message?.token as string)).code).toBe(401);
  });

  it('password.policy answers the project policy management configures; sign-up follows it', async () => {
    const { sdk, admin } = await passwordProject(mock);
    expect((await sdk.password.policy()).data).toEqual({
      minLength: 8,
      lowercase: false,
      uppercase: false,
      number: false,
      nonAlphanumeric: false,
      strengthScoreEnabled: false,
      strengthScore: 0,
    });
    const settings = (await admin.management.password.getSettings('')).data;
    const strict = { ...settings, minLength: 10, number: true, nonAlphaNumeric: true } as never;
    expect((await admin.management.password.configureSettings('', strict)).ok).toBe(true);
    expect((await sdk.password.policy()).data).toMatchObject({ minLength: 10, number: true });
    const weak = await sdk.password.signUp('weak@example.com', 'Abcdefgh-1');
    expect(weak.ok).toBe(true);
    const refused = await sdk.password.signUp('weaker@example.com', 'abcdefghij');
    expect(refused).toMatchObject({ ok: false, code: 400, error: { errorCode: 'E011004' } });
    expect(refused.error?.errorMessage).toContain('a number');
  });
});
