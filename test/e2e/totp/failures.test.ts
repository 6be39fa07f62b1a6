import { TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { PASSWORD, PASSWORD_FIXTURE, passwordProject } from '../password/passwordProject.js';

/**
 * TOTP refusals, raw HTTP, on a mock whose clock is pinned: the codes are computed at that time, so the
 * window (the step before and after) is exact.
 */
const PINNED_MS = Math.floor(Date.now() / 30_000) * 30_000 + 10_000;
const mock = useMock({ fixtures: 'none' }, { now: () => PINNED_MS });
const SEED = 'JBSWY3DPEHPK3PXP';
const codeAt = (stepsAway: number) =>
  new TOTP({ secret: SEED }).generate({ timestamp: PINNED_MS + stepsAway * 30_000 });

const project = () =>
  passwordProject(mock, {
    ...PASSWORD_FIXTURE,
    users: [...PASSWORD_FIXTURE.users, { loginId: 'tim@example.com', totpSeed: SEED, status: 'enabled' }],
  });

describe('totp refusals', () => {
  it('verify: a wrong code or one two steps away is 401 E061102; one step away passes', async () => {
    const { auth } = await project();
    const verify = (code: string) =>
      mock.http('POST', '/v1/auth/totp/verify', { auth, body: { loginId: 'tim@example.com', code } });
    const near = new Set([codeAt(-1), codeAt(0), codeAt(1)]);
    const wrong = ['000000', '123456', '999999'].find((code) => !near.has(code)) as string;
    expectRefused(await verify(wrong), 401, 'E061102');
    expectRefused(await verify('12345'), 401, 'E061102');
    if (!near.has(codeAt(2))) expectRefused(await verify(codeAt(2)), 401, 'E061102');
    if (!near.has(codeAt(-2))) expectRefused(await verify(codeAt(-2)), 401, 'E061102');
    expect((await verify(codeAt(-1))).status).toBe(200);
    expect((await verify(codeAt(1))).status).toBe(200);
    expect((await verify(codeAt(0))).status).toBe(200);
  });

  it('verify: unknown user 400 E062108, no seed 400 E011004, no code 400 E011002, disabled 400', async () => {
    const { auth } = await project();
    const verify = (body: object) => mock.http('POST', '/v1/auth/totp/verify', { auth, body });
    expectRefused(await verify({ loginId: 'nobody@example.com', code: codeAt(0) }), 400, 'E062108');
    expectRefused(await verify({ loginId: 'pat@example.com', code: codeAt(0) }), 400, 'E011004');
    expectRefused(await verify({ loginId: 'tim@example.com' }), 400, 'E011002');
    expectRefused(await verify({ loginId: 'dora@example.com', code: codeAt(0) }), 400, 'E011004');
    const stepup = { loginId: 'tim@example.com', code: codeAt(0), loginOptions: { stepup: true } };
    expectRefused(await verify(stepup), 401, 'E011003');
  });

  it('signUp: an existing login ID 400 E062107, no login ID 400 E011002', async () => {
    const { auth } = await project();
    const signUp = (body: object) => mock.http('POST', '/v1/auth/totp/signup', { auth, body });
    expectRefused(await signUp({ loginId: 'tim@example.com' }), 400, 'E062107');
    expectRefused(await signUp({}), 400, 'E011002');
  });

  it("update: no refresh token 401 E011003, another user's login ID 400 E011004 (the seed stays)", async () => {
    const { auth, sdk } = await project();
    const update = (bearer: string, loginId: string) =>
      mock.http('POST', '/v1/auth/totp/update', { auth: bearer, body: { loginId } });
    expectRefused(await update(auth, 'pat@example.com'), 401, 'E011003');
    const pat = await sdk.password.signIn('pat@example.com', PASSWORD);
    expectRefused(await update(`${auth}:${pat.data?.refreshJwt}`, 'tim@example.com'), 400, 'E011004');
    const verified = await sdk.totp.verify('tim@example.com', codeAt(0));
    expect(verified.ok).toBe(true);
  });
});
