import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { lastSent, signInProject } from '../../helpers/signIn.js';

/**
 * Enchanted link (descope-auth-api.md §6.3) through the official Node SDK: the start answers linkId, pendingRef
 * and the masked email; pending-session answers 401 E062503 until the link's token is verified, then the
 * session, once (`enchantedLink.waitForSession` polls it).
 */

let offsetMs = 0;
const mock = useMock({ fixtures: 'none' }, { now: () => Date.now() + offsetMs });
let project: Awaited<ReturnType<typeof signInProject>>;
const URI = 'http://localhost:3000/enchanted';

beforeAll(async () => {
  project = await signInProject(mock);
});

const post = (path: string, body: unknown, auth = project.auth) => mock.http('POST', path, { auth, body });
const sent = (loginId: string) => lastSent(mock, project.projectId, 'enchantedlink', loginId);
const pending = (pendingRef: string) => post('/v1/auth/enchantedlink/pending-session', { pendingRef });
const POLLING = { pollingIntervalMs: 1000, timeoutMs: 30_000 };

describe('sign-in', () => {
  it('answers the pending session only once the link is verified, then never again', async () => {
    const { client, management } = project;
    const started = await client.enchantedLink.signIn('ada@example.com', URI);
    // The Node SDK adds `cookies` of its own.
    expect(started.data).toMatchObject({
      linkId: expect.stringMatching(/^\d{2}$/),
      pendingRef: expect.any(String),
      maskedEmail: 'a***@example.com',
    });
    const { pendingRef } = started.data as { pendingRef: string };
    const message = await sent('ada@example.com');
    expect(message.payload).toMatchObject({ link: `${URI}?t=${message.token}`, pendingRef });
    expect(JSON.stringify(started)).not.toContain(message.token);
    expectRefused(await pending(pendingRef), 401, 'E062503');

    const waiting = client.enchantedLink.waitForSession(pendingRef, POLLING);
    const verified = await client.enchantedLink.verify(message.token);
    expect(verified.ok).toBe(true);
    const session = await waiting;
    expect(session.ok).toBe(true);
    const validated = await client.validateSession(session.data?.sessionJwt as string);
    expect(validated.token).toMatchObject({ sub: 'U2Ada0000000000000000000000', amr: ['email'] });
    expect((await management.user.load('ada@example.com')).data?.verifiedEmail).toBe(true);
    expectRefused(await pending(pendingRef), 401, 'E062504');
    expectRefused(await post('/v1/auth/enchantedlink/verify', { token: message.token }), 401, 'E062504');
  });

  it('answers {} to verify (core-js parses every success as JSON)', async () => {
    const started = await project.client.enchantedLink.signIn('ada@example.com', URI);
    const answer = await post('/v1/auth/enchantedlink/verify', {
      token: (await sent('ada@example.com')).token,
    });
    expect(answer).toMatchObject({ status: 200, body: {} });
    const session = await pending(started.data?.pendingRef as string);
    expect(session.status).toBe(200);
    expect(session.body.user.loginIds).toEqual(['ada@example.com']);
  });

  it('signs up a new user when the session is collected, and signs up or in an invited one', async () => {
    const { client, management } = project;
    const started = await client.enchantedLink.signUp('gus@example.com', URI, { name: 'Gus' });
    expect(started.data?.maskedEmail).toBe('g***@example.com');
    await client.enchantedLink.verify((await sent('gus@example.com')).token);
    const session = await pending(started.data?.pendingRef as string);
    expect(session.status).toBe(200);
    expect(session.body.firstSeen).toBe(true);
    expect((await management.user.load('gus@example.com')).data).toMatchObject({
      name: 'Gus',
      status: 'enabled',
      verifiedEmail: true,
    });
    const bob = await client.enchantedLink.signUpOrIn('bob@example.com', URI);
    await client.enchantedLink.verify((await sent('bob@example.com')).token);
    expect((await pending(bob.data?.pendingRef as string)).status).toBe(200);
    expect((await management.user.load('bob@example.com')).data?.status).toBe('enabled');
  });
});

describe('refusals', () => {
  it('refuses an unknown user, an existing one at sign-up, a disabled one, a start without URI', async () => {
    const body = (loginId: string) => ({ loginId, URI });
    expectRefused(
      await post('/v1/auth/enchantedlink/signin/email', body('nobody@example.com')),
      400,
      'E062108',
    );
    expectRefused(await post('/v1/auth/enchantedlink/signup/email', body('ada@example.com')), 400, 'E062107');
    expectRefused(await post('/v1/auth/enchantedlink/signin/email', body('eve@example.com')), 400, 'E011004');
    expectRefused(
      await post('/v1/auth/enchantedlink/signin/email', { loginId: 'ada@example.com' }),
      400,
      'E011002',
    );
    expectRefused(await pending('unknown'), 401, 'E062504');
    expectRefused(await post('/v1/auth/enchantedlink/pending-session', {}), 400, 'E011002');
    expectRefused(await post('/v1/auth/enchantedlink/verify', { token: 'nope' }), 401, 'E062504');
  });

  it('refuses an expired link, at verify and at pending-session', async () => {
    const started = await project.client.enchantedLink.signIn('ada@example.com', URI);
    const { token } = await sent('ada@example.com');
    offsetMs += 10 * 60 * 1000 + 1000;
    expectRefused(await post('/v1/auth/enchantedlink/verify', { token }), 401, 'E062504');
    expectRefused(await pending(started.data?.pendingRef as string), 401, 'E062504');
  });
});

describe('test users and update', () => {
  it('collects the session of a test user enchanted link', async () => {
    const { client, management } = project;
    await management.user.createTestUser('tester@example.com');
    const generated = await management.user.generateEnchantedLinkForTestUser('tester@example.com', URI);
    const token = new URL(generated.data?.link as string).searchParams.get('t') as string;
    expect((await client.enchantedLink.verify(token)).ok).toBe(true);
    const session = await pending(generated.data?.pendingRef as string);
    expect(session.status).toBe(200);
    expect(session.body.user.loginIds).toEqual(['tester@example.com']);
  });

  it('changes the email under the refresh token once the new address is verified', async () => {
    const { client, management } = project;
    await management.user.create('hal@example.com', { email: 'hal@example.com' });
    const signIn = await client.enchantedLink.signIn('hal@example.com', URI);
    await client.enchantedLink.verify((await sent('hal@example.com')).token);
    const refreshJwt = (await pending(signIn.data?.pendingRef as string)).body.refreshJwt;
    const started = await client.enchantedLink.update.email(
      'hal@example.com',
      'hal@new.example',
      URI,
      refreshJwt,
    );
    expect(started.data).toMatchObject({ maskedEmail: 'h***@new.example', pendingRef: expect.any(String) });
    await client.enchantedLink.verify((await sent('hal@example.com')).token);
    expect((await pending(started.data?.pendingRef as string)).status).toBe(200);
    expect((await management.user.load('hal@new.example')).data).toMatchObject({
      email: 'hal@new.example',
      verifiedEmail: true,
    });
    const noToken = await post('/v1/auth/enchantedlink/update/email', {
      loginId: 'hal@new.example',
      email: 'x@example.com',
      URI,
    });
    expectRefused(noToken, 401, 'E011003');
  });
});
