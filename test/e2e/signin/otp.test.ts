import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { decoded } from '../../helpers/session.js';
import { lastSent, outbox, signInProject } from '../../helpers/signIn.js';

/**
 * OTP (descope-auth-api.md §6.1) through the official Node SDK: the start answers the masked address, the
 * code goes to the outbox only, the verification answers a session that validateSession accepts, and the
 * user shows the sign-in in management. Failures with raw HTTP.
 */

/** A clock the tests move forward, so that codes expire. */
let offsetMs = 0;
const mock = useMock({ fixtures: 'none' }, { now: () => Date.now() + offsetMs });
let project: Awaited<ReturnType<typeof signInProject>>;

beforeAll(async () => {
  project = await signInProject(mock);
});

const post = (path: string, body: unknown, auth = project.auth) => mock.http('POST', path, { auth, body });
const codeFor = async (loginId: string) => (await lastSent(mock, project.projectId, 'otp', loginId)).token;

describe('sign-in by email', () => {
  it('sends the code to the outbox only, and verifies it into a session', async () => {
    const { client, management } = project;
    const started = await client.otp.signIn.email('ada@example.com');
    expect(started.ok).toBe(true);
    expect(started.data).toEqual({ maskedEmail: 'a***@example.com' });
    const message = await lastSent(mock, project.projectId, 'otp', 'ada@example.com');
    expect(message).toMatchObject({ deliveryMethod: 'email', consumed: false });
    expect(message.token).toMatch(/^\d{6}$/);
    expect(JSON.stringify(started)).not.toContain(message.token);

    const verified = await client.otp.verify.email('ada@example.com', message.token);
    expect(verified.ok).toBe(true);
    expect(verified.data?.user?.loginIds).toEqual(['ada@example.com']);
    const session = await client.validateSession(verified.data?.sessionJwt as string);
    expect(session.token).toMatchObject({ sub: 'U2Ada0000000000000000000000', amr: ['email'] });
    expect((await client.validateJwt(verified.data?.refreshJwt as string)).token.drn).toBe('DSR');
    const loaded = await management.user.load('ada@example.com');
    expect(loaded.data).toMatchObject({ status: 'enabled', verifiedEmail: true });
    const history = await management.user.history(['U2Ada0000000000000000000000']);
    expect(history.data).toHaveLength(1);
    expect((await lastSent(mock, project.projectId, 'otp', 'ada@example.com')).consumed).toBe(true);
  });

  it('enables an invited user and verifies the email that is the login ID; firstSeen once', async () => {
    const { client, management } = project;
    await client.otp.signIn.email('bob@example.com');
    const first = await client.otp.verify.email('bob@example.com', await codeFor('bob@example.com'));
    expect(first.data?.firstSeen).toBe(true);
    expect((await management.user.load('bob@example.com')).data).toMatchObject({
      status: 'enabled',
      email: 'bob@example.com',
      verifiedEmail: true,
    });
    await client.otp.signIn.email('bob@example.com');
    const second = await client.otp.verify.email('bob@example.com', await codeFor('bob@example.com'));
    expect(second.data?.firstSeen).toBe(false);
  });

  it('puts client custom claims under nsec, and selects the tenant of loginOptions', async () => {
    const { client } = project;
    await client.otp.signIn.email('ada@example.com', { customClaims: { plan: 'pro' }, tenantId: 'T2Acme' });
    const verified = await client.otp.verify.email('ada@example.com', await codeFor('ada@example.com'));
    const { claims } = decoded(verified.data?.sessionJwt as string);
    expect(claims.nsec).toEqual({ plan: 'pro' });
    expect(claims.plan).toBeUndefined();
    expect(claims.dct).toBe('T2Acme');
  });

  it('steps up with the refresh token of the same user (su, both factors)', async () => {
    const { client } = project;
    await client.otp.signIn.email('ada@example.com');
    const first = await client.otp.verify.email('ada@example.com', await codeFor('ada@example.com'));
    const refreshJwt = first.data?.refreshJwt as string;
    const started = await client.otp.signIn.sms('ada@example.com', { stepup: true }, refreshJwt);
    // Ada has no phone: nothing to send an SMS to.
    expectRefused(started, 400, 'E011004');
    await client.otp.signIn.email('ada@example.com', { stepup: true, mfa: true }, refreshJwt);
    const stepped = await client.otp.verify.email('ada@example.com', await codeFor('ada@example.com'));
    const { claims } = decoded(stepped.data?.sessionJwt as string);
    expect(claims.su).toBe(true);
    expect(claims.amr).toEqual(['email', 'mfa']);
    const without = await post('/v1/auth/otp/signin/email', {
      loginId: 'ada@example.com',
      loginOptions: { stepup: true },
    });
    expectRefused(without, 401, 'E011003');
  });
});

describe('phone channels and sign-up', () => {
  it('signs up a new phone user at verification: created, verified phone, amr sms', async () => {
    const { client, management } = project;
    const started = await client.otp.signUp.sms('+1 555 555 0199', { name: 'Nia' });
    expect(started.data).toEqual({ maskedPhone: '+*******0199' });
    expectRefused(await management.user.load('+15555550199'), 404, 'E112102');
    const verified = await client.otp.verify.sms('+15555550199', await codeFor('+15555550199'));
    expect(verified.ok).toBe(true);
    expect(verified.data?.firstSeen).toBe(true);
    const session = await client.validateSession(verified.data?.sessionJwt as string);
    expect(session.token.amr).toEqual(['sms']);
    expect((await management.user.load('+15555550199')).data).toMatchObject({
      name: 'Nia',
      phone: '+15555550199',
      verifiedPhone: true,
      status: 'enabled',
    });
  });

  it.each(['voice', 'whatsapp'] as const)('signs up or in by %s', async (channel) => {
    const { client } = project;
    const started = await client.otp.signUpOrIn[channel]('+15555550100');
    expect(started.data).toEqual({ maskedPhone: '+*******0100' });
    const verified = await client.otp.verify[channel]('+15555550100', await codeFor('+15555550100'));
    expect(verified.ok).toBe(true);
    expect(decoded(verified.data?.sessionJwt as string).claims.amr).toEqual(['sms']);
  });

  it('does not verify a code at another channel', async () => {
    await project.client.otp.signIn.sms('+15555550100');
    const code = await codeFor('+15555550100');
    expectRefused(await post('/v1/auth/otp/verify/voice', { loginId: '+15555550100', code }), 401, 'E061102');
    expect((await project.client.otp.verify.sms('+15555550100', code)).ok).toBe(true);
  });
});

describe('refusals', () => {
  it('answers a wrong code 401 E061102, and five wrong codes lock even the right one (E061103)', async () => {
    await project.client.otp.signIn.email('ada@example.com');
    const code = await codeFor('ada@example.com');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await post('/v1/auth/otp/verify/email', { loginId: 'ada@example.com', code: wrong });
      expectRefused(answer, 401, 'E061102');
    }
    expectRefused(
      await post('/v1/auth/otp/verify/email', { loginId: 'ada@example.com', code }),
      401,
      'E061103',
    );
    expectRefused(await project.client.otp.verify.email('ada@example.com', wrong), 401, 'E061103');
    // A new code is not locked.
    await project.client.otp.signIn.email('ada@example.com');
    expect(
      (await project.client.otp.verify.email('ada@example.com', await codeFor('ada@example.com'))).ok,
    ).toBe(true);
  });

  it('refuses a used code and an expired one (E061102)', async () => {
    await project.client.otp.signIn.email('ada@example.com');
    const used = await codeFor('ada@example.com');
    expect((await project.client.otp.verify.email('ada@example.com', used)).ok).toBe(true);
    const again = await post('/v1/auth/otp/verify/email', { loginId: 'ada@example.com', code: used });
    expectRefused(again, 401, 'E061102');

    await project.client.otp.signIn.email('ada@example.com');
    const late = await codeFor('ada@example.com');
    offsetMs += 3 * 60 * 1000 + 1000;
    const expired = await post('/v1/auth/otp/verify/email', { loginId: 'ada@example.com', code: late });
    expectRefused(expired, 401, 'E061102');
  });

  it('refuses the sign-in of an unknown user, the sign-up of an existing one, a disabled user', async () => {
    const unknown = await post('/v1/auth/otp/signin/email', { loginId: 'nobody@example.com' });
    expectRefused(unknown, 400, 'E062108');
    const taken = await post('/v1/auth/otp/signup/email', { loginId: 'ada@example.com' });
    expectRefused(taken, 400, 'E062107');
    const disabled = await post('/v1/auth/otp/signin/email', { loginId: 'eve@example.com' });
    expectRefused(disabled, 400, 'E011004');
    expectRefused(await post('/v1/auth/otp/signin/email', {}), 400, 'E011002');
    expectRefused(await post('/v1/auth/otp/verify/email', { loginId: 'ada@example.com' }), 400, 'E011002');
    const codes = (await outbox(mock, project.projectId)).filter((m) => m.loginId === 'nobody@example.com');
    expect(codes).toEqual([]);
  });

  it('refuses a code of an unknown user at verification', async () => {
    const answer = await post('/v1/auth/otp/verify/email', { loginId: 'ghost@example.com', code: '123456' });
    expectRefused(answer, 401, 'E061102');
  });
});

describe('test users', () => {
  it('verifies a code of tests/generate/otp, generated even before the sign-up call', async () => {
    const { client, management } = project;
    expect((await management.user.createTestUser('tester@example.com')).ok).toBe(true);
    const generated = await management.user.generateOTPForTestUser('email', 'tester@example.com');
    // A test user's sign-up goes through (py-e2e), and leaves the generated code valid.
    expect((await client.otp.signUp.email('tester@example.com')).ok).toBe(true);
    const verified = await client.otp.verify.email('tester@example.com', generated.data?.code as string);
    expect(verified.ok).toBe(true);
    expect((await client.validateSession(verified.data?.sessionJwt as string)).token.sub).toBe(
      verified.data?.user?.userId,
    );
  });
});

describe('update', () => {
  const signedIn = async (loginId: string) => {
    await project.client.otp.signIn.email(loginId);
    const verified = await project.client.otp.verify.email(loginId, await codeFor(loginId));
    return verified.data?.refreshJwt as string;
  };

  it('changes the email once the code sent to the new one is verified (addToLoginIDs)', async () => {
    const { client, management } = project;
    await management.user.create('cleo@example.com', { email: 'cleo@example.com' });
    const refreshJwt = await signedIn('cleo@example.com');
    const started = await client.otp.update.email('cleo@example.com', 'cleo@new.example', refreshJwt, {
      addToLoginIDs: true,
    });
    expect(started.data).toEqual({ maskedEmail: 'c***@new.example' });
    expect((await management.user.load('cleo@example.com')).data?.email).toBe('cleo@example.com');
    const message = await lastSent(mock, project.projectId, 'otp', 'cleo@example.com');
    expect(message.payload.to).toBe('cleo@new.example');
    const verified = await client.otp.verify.email('cleo@example.com', message.token);
    expect(verified.ok).toBe(true);
    expect((await management.user.load('cleo@new.example')).data).toMatchObject({
      email: 'cleo@new.example',
      verifiedEmail: true,
      loginIds: ['cleo@new.example'],
    });
  });

  it('changes the phone (sms), keeping the login IDs without addToLoginIDs', async () => {
    const { client, management } = project;
    await management.user.create('dan@example.com', { email: 'dan@example.com' });
    const refreshJwt = await signedIn('dan@example.com');
    const started = await client.otp.update.phone.sms('dan@example.com', '+15555550123', refreshJwt);
    expect(started.data).toEqual({ maskedPhone: '+*******0123' });
    const verified = await client.otp.verify.sms('dan@example.com', await codeFor('dan@example.com'));
    expect(verified.ok).toBe(true);
    expect((await management.user.load('dan@example.com')).data).toMatchObject({
      phone: '+15555550123',
      verifiedPhone: true,
      loginIds: ['dan@example.com'],
    });
  });

  it('needs the refresh token of the user named, and refuses a merge (addToLoginIDs on a taken ID)', async () => {
    const noToken = await post('/v1/auth/otp/update/email', {
      loginId: 'ada@example.com',
      email: 'x@example.com',
    });
    expectRefused(noToken, 401, 'E011003');
    const refreshJwt = await signedIn('ada@example.com');
    const auth = `${project.auth}:${refreshJwt}`;
    const other = await post(
      '/v1/auth/otp/update/email',
      { loginId: 'bob@example.com', email: 'x@example.com' },
      auth,
    );
    expectRefused(other, 400, 'E011004');
    const merge = await post(
      '/v1/auth/otp/update/email',
      { loginId: 'ada@example.com', email: 'bob@example.com', addToLoginIDs: true },
      auth,
    );
    expectRefused(merge, 400, 'E011004');
    expectRefused(
      await post('/v1/auth/otp/update/email', { loginId: 'ada@example.com' }, auth),
      400,
      'E011002',
    );
  });
});

describe('@descope/core-js-sdk from Node', () => {
  it('signs in and verifies with createSdk', async () => {
    const { default: createSdk } = await import('@descope/core-js-sdk');
    const core = createSdk({ projectId: project.projectId, baseUrl: mock.url });
    const started = await core.otp.signIn.email('ada@example.com');
    expect(started.ok).toBe(true);
    expect(started.data).toEqual({ maskedEmail: 'a***@example.com' });
    const verified = await core.otp.verify.email('ada@example.com', await codeFor('ada@example.com'));
    expect(verified.ok).toBe(true);
    expect(decoded(verified.data?.sessionJwt as string).claims.sub).toBe('U2Ada0000000000000000000000');
  });
});
