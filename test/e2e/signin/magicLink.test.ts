import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { decoded } from '../../helpers/session.js';
import { lastSent, signInProject } from '../../helpers/signIn.js';

/**
 * Magic link (descope-auth-api.md §6.2) through the official Node SDK: the link `<URI>?t=<token>` goes to the
 * outbox only, `magicLink.verify` answers a session once; test-user and embedded links verify too.
 */

/** A clock the tests move forward, so that links expire. */
let offsetMs = 0;
const mock = useMock({ fixtures: 'none' }, { now: () => Date.now() + offsetMs });
let project: Awaited<ReturnType<typeof signInProject>>;
const URI = 'http://localhost:3000/verify';

beforeAll(async () => {
  project = await signInProject(mock);
});

const post = (path: string, body: unknown, auth = project.auth) => mock.http('POST', path, { auth, body });
const sent = (loginId: string) => lastSent(mock, project.projectId, 'magiclink', loginId);
const tokenOf = (link: string) => new URL(link).searchParams.get('t') as string;

describe('sign-in and sign-up', () => {
  it('sends <URI>?t=<token> to the outbox only, and verifies the token into a session', async () => {
    const { client, management } = project;
    const started = await client.magicLink.signIn.email('ada@example.com', URI);
    expect(started.data).toEqual({ maskedEmail: 'a***@example.com' });
    const message = await sent('ada@example.com');
    expect(message.payload.link).toBe(`${URI}?t=${message.token}`);
    expect(JSON.stringify(started)).not.toContain(message.token);
    const verified = await client.magicLink.verify(tokenOf(message.payload.link));
    expect(verified.ok).toBe(true);
    const session = await client.validateSession(verified.data?.sessionJwt as string);
    expect(session.token).toMatchObject({ sub: 'U2Ada0000000000000000000000', amr: ['email'] });
    expect((await management.user.load('ada@example.com')).data).toMatchObject({ verifiedEmail: true });
    expect(await management.user.history(['U2Ada0000000000000000000000'])).toMatchObject({
      data: [expect.objectContaining({ userId: 'U2Ada0000000000000000000000' })],
    });
  });

  it('keeps the query of a URI, appending &t=', async () => {
    await project.client.magicLink.signIn.email('ada@example.com', `${URI}?next=home`);
    const message = await sent('ada@example.com');
    expect(message.payload.link).toBe(`${URI}?next=home&t=${message.token}`);
  });

  it('signs up a new phone user by sms at verification (verified phone, amr sms)', async () => {
    const { client, management } = project;
    const started = await client.magicLink.signUp.sms('+15555550177', URI, { name: 'Ola' });
    expect(started.data).toEqual({ maskedPhone: '+*******0177' });
    expectRefused(await management.user.load('+15555550177'), 404, 'E112102');
    const verified = await client.magicLink.verify((await sent('+15555550177')).token);
    expect(verified.data?.firstSeen).toBe(true);
    expect(decoded(verified.data?.sessionJwt as string).claims.amr).toEqual(['sms']);
    expect((await management.user.load('+15555550177')).data).toMatchObject({
      name: 'Ola',
      verifiedPhone: true,
      status: 'enabled',
    });
  });

  it('signs up or in by whatsapp, and enables an invited user by email', async () => {
    const { client, management } = project;
    expect((await client.magicLink.signUpOrIn.whatsapp('+15555550100', URI)).ok).toBe(true);
    expect((await client.magicLink.verify((await sent('+15555550100')).token)).ok).toBe(true);
    await client.magicLink.signUpOrIn.email('bob@example.com', URI);
    expect((await client.magicLink.verify((await sent('bob@example.com')).token)).ok).toBe(true);
    expect((await management.user.load('bob@example.com')).data?.status).toBe('enabled');
  });
});

describe('refusals', () => {
  it('refuses a used, an expired and an unknown token: 401 E062504', async () => {
    await project.client.magicLink.signIn.email('ada@example.com', URI);
    const used = (await sent('ada@example.com')).token;
    expect((await project.client.magicLink.verify(used)).ok).toBe(true);
    expectRefused(await post('/v1/auth/magiclink/verify', { token: used }), 401, 'E062504');
    expectRefused(await post('/v1/auth/magiclink/verify', { token: 'nope' }), 401, 'E062504');
    await project.client.magicLink.signIn.email('ada@example.com', URI);
    const late = (await sent('ada@example.com')).token;
    offsetMs += 10 * 60 * 1000 + 1000;
    expectRefused(await post('/v1/auth/magiclink/verify', { token: late }), 401, 'E062504');
    expectRefused(await post('/v1/auth/magiclink/verify', {}), 400, 'E011002');
  });

  it('refuses an unknown user, an existing one at sign-up, a disabled one, a start without URI', async () => {
    const body = (loginId: string) => ({ loginId, URI });
    expectRefused(await post('/v1/auth/magiclink/signin/email', body('nobody@example.com')), 400, 'E062108');
    expectRefused(await post('/v1/auth/magiclink/signup/email', body('ada@example.com')), 400, 'E062107');
    expectRefused(await post('/v1/auth/magiclink/signin/email', body('eve@example.com')), 400, 'E011004');
    const noUri = await post('/v1/auth/magiclink/signin/email', { loginId: 'ada@example.com' });
    expectRefused(noUri, 400, 'E011002');
  });
});

describe('management links', () => {
  it('verifies a test user magic link and an embedded link (its claims top level)', async () => {
    const { client, management } = project;
    await management.user.createTestUser('tester@example.com');
    const generated = await management.user.generateMagicLinkForTestUser('email', 'tester@example.com', URI);
    const verified = await client.magicLink.verify(tokenOf(generated.data?.link as string));
    expect(verified.ok).toBe(true);
    const embedded = await management.user.generateEmbeddedLink('ada@example.com', { plan: 'pro' });
    const session = await client.magicLink.verify(embedded.data?.token as string);
    expect(session.ok).toBe(true);
    expect((await client.validateSession(session.data?.sessionJwt as string)).token).toMatchObject({
      sub: 'U2Ada0000000000000000000000',
      plan: 'pro',
    });
    expectRefused(await post('/v1/auth/magiclink/verify', { token: embedded.data?.token }), 401, 'E062504');
  });

  it('creates the user of an embedded sign-up link at verification', async () => {
    const { client, management } = project;
    const link = await management.user.generateSignUpEmbeddedLink(
      'newbie@example.com',
      { name: 'Newbie' },
      true,
    );
    expect(link.ok).toBe(true);
    const verified = await client.magicLink.verify(link.data?.token as string);
    expect(verified.ok).toBe(true);
    expect((await management.user.load('newbie@example.com')).data).toMatchObject({
      name: 'Newbie',
      verifiedEmail: true,
      status: 'enabled',
    });
  });
});

describe('update', () => {
  it('changes the email, then the phone, once each link is verified', async () => {
    const { client, management } = project;
    await management.user.create('fay@example.com', { email: 'fay@example.com' });
    await client.magicLink.signIn.email('fay@example.com', URI);
    const first = await client.magicLink.verify((await sent('fay@example.com')).token);
    const refreshJwt = first.data?.refreshJwt as string;

    const email = await client.magicLink.update.email('fay@example.com', 'fay@new.example', URI, refreshJwt);
    expect(email.data).toEqual({ maskedEmail: 'f***@new.example' });
    expect((await client.magicLink.verify((await sent('fay@example.com')).token)).ok).toBe(true);
    expect((await management.user.load('fay@new.example')).data).toMatchObject({
      email: 'fay@new.example',
      verifiedEmail: true,
    });

    const phone = await client.magicLink.update.phone.sms('fay@new.example', '+15555550155', URI, refreshJwt);
    expect(phone.data).toEqual({ maskedPhone: '+*******0155' });
    expect((await client.magicLink.verify((await sent('fay@new.example')).token)).ok).toBe(true);
    expect((await management.user.load('fay@new.example')).data).toMatchObject({
      phone: '+15555550155',
      verifiedPhone: true,
    });
    const noToken = await post('/v1/auth/magiclink/update/email', {
      loginId: 'fay@new.example',
      email: 'x@example.com',
      URI,
    });
    expectRefused(noToken, 401, 'E011003');
  });
});
