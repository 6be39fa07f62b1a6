import { describe, expect, it } from 'vitest';
import { CREDENTIALS_FIXTURES, expectRefused, TEST_PROJECT, useMock } from '../../helpers/mock.js';

const TESS = 'U2Tess000000000000000000000';
const NOW_MS = 1_800_000_000_000;

// A pinned clock, so that each code's and link's expiry can be checked exactly.
const mock = useMock({ fixtures: CREDENTIALS_FIXTURES }, { now: () => NOW_MS });
const sdk = mock.sdk();

const outbox = () => mock.app.services.store.outbox.list(TEST_PROJECT.projectId);
const lastMessage = () => outbox().at(-1);

describe('management.user.generateOTPForTestUser', () => {
  it('answers {loginId, code} with a 6-digit code, kept in the outbox for 3 minutes', async () => {
    const result = await sdk.management.user.generateOTPForTestUser('email', 'tess@example.com', {
      mfa: true,
    });
    expect(result.ok).toBe(true);
    expect(result.data).toEqual({ loginId: 'tess@example.com', code: expect.stringMatching(/^\d{6}$/) });
    expect(lastMessage()).toMatchObject({
      kind: 'otp',
      loginId: 'tess@example.com',
      userId: TESS,
      deliveryMethod: 'email',
      token: result.data?.code,
      createdMs: NOW_MS,
      expiresMs: NOW_MS + 3 * 60 * 1000,
      consumed: false,
      payload: { code: result.data?.code, loginOptions: { mfa: true } },
    });
  });

  it('works by phone login ID over sms and by user ID', async () => {
    const bySms = await sdk.management.user.generateOTPForTestUser('sms', '+15555550100');
    expect(bySms.ok).toBe(true);
    expect(lastMessage()).toMatchObject({
      kind: 'otp',
      deliveryMethod: 'sms',
      userId: 'U2Tim0000000000000000000000',
    });
    const byId = await sdk.management.user.generateOTPForTestUser('voice', TESS);
    expect(byId.data?.loginId).toBe(TESS);
    // The response echoes the selector; the outbox records the login the code went to.
    expect(lastMessage()).toMatchObject({ userId: TESS, loginId: 'tess@example.com' });
    const byFormattedPhone = await sdk.management.user.generateOTPForTestUser('whatsapp', '+1-555-555-0100');
    expect(byFormattedPhone.ok).toBe(true);
    expect(lastMessage()).toMatchObject({ loginId: '+15555550100', deliveryMethod: 'whatsapp' });
  });

  it('refuses an unknown user (404), a non-test user (400), a bad delivery method (400), writing nothing', async () => {
    const before = outbox().length;
    const unknown = await sdk.management.user.generateOTPForTestUser('email', 'nobody@example.com');
    expectRefused(unknown, 404, 'E112102');
    const notTest = await sdk.management.user.generateOTPForTestUser('email', 'ada@example.com');
    expect(expectRefused(notTest, 400, 'E011004').errorMessage).toBe('The user is not a test user');
    const badMethod = await sdk.management.user.generateOTPForTestUser(
      'pigeon' as 'email',
      'tess@example.com',
    );
    expectRefused(badMethod, 400, 'E011004');
    const noMethod = await mock.http('POST', '/v1/mgmt/tests/generate/otp', {
      body: { loginId: 'tess@example.com' },
    });
    expectRefused(noMethod, 400, 'E011002');
    expect(outbox().length).toBe(before);
  });
});

describe('management.user.generateMagicLinkForTestUser', () => {
  it('answers {loginId, link} with link <URI>?t=<token>, the token in the outbox for 10 minutes', async () => {
    const result = await sdk.management.user.generateMagicLinkForTestUser(
      'email',
      'tess@example.com',
      'https://app.example.com/verify',
    );
    expect(result.ok).toBe(true);
    expect(result.data?.loginId).toBe('tess@example.com');
    const link = result.data?.link ?? '';
    expect(link).toMatch(/^https:\/\/app\.example\.com\/verify\?t=[0-9a-f]{64}$/);
    const token = new URL(link).searchParams.get('t');
    expect(lastMessage()).toMatchObject({
      kind: 'magiclink',
      deliveryMethod: 'email',
      userId: TESS,
      token,
      expiresMs: NOW_MS + 10 * 60 * 1000,
      payload: { link, redirectUrl: 'https://app.example.com/verify' },
    });
    expect(mock.app.services.store.outbox.findByToken(TEST_PROJECT.projectId, token ?? '')?.kind).toBe(
      'magiclink',
    );
  });

  it('accepts the spec spelling redirectUrl, keeps a query already in the URI, requires a URI', async () => {
    const result = await mock.http('POST', '/v1/mgmt/tests/generate/magiclink', {
      body: {
        deliveryMethod: 'sms',
        loginId: '+15555550100',
        redirectUrl: 'https://app.example.com/v?lang=en',
      },
    });
    expect(result.status).toBe(200);
    expect(result.body.link).toMatch(/^https:\/\/app\.example\.com\/v\?lang=en&t=[0-9a-f]{64}$/);
    expect(lastMessage()?.deliveryMethod).toBe('sms');

    const noUri = await mock.http('POST', '/v1/mgmt/tests/generate/magiclink', {
      body: { deliveryMethod: 'email', loginId: 'tess@example.com' },
    });
    expect(expectRefused(noUri, 400, 'E011002').errorMessage).toBe('The URI field is required');
  });

  it('refuses a non-test user', async () => {
    const result = await sdk.management.user.generateMagicLinkForTestUser(
      'email',
      'bob@example.com',
      'https://x.io',
    );
    expectRefused(result, 400, 'E011004');
  });
});

describe('management.user.generateEnchantedLinkForTestUser', () => {
  it('answers {loginId, link, pendingRef}, both kept in the outbox', async () => {
    const result = await sdk.management.user.generateEnchantedLinkForTestUser(
      'tess@example.com',
      'https://x.io/e',
    );
    expect(result.ok).toBe(true);
    const { link, pendingRef } = result.data ?? { link: '', pendingRef: '' };
    expect(link).toMatch(/^https:\/\/x\.io\/e\?t=[0-9a-f]{64}$/);
    expect(pendingRef).toMatch(/^[0-9a-f]{32}$/);
    expect(lastMessage()).toMatchObject({
      kind: 'enchantedlink',
      deliveryMethod: 'email',
      token: new URL(link).searchParams.get('t'),
      expiresMs: NOW_MS + 10 * 60 * 1000,
      payload: { link, pendingRef },
    });
  });

  it('refuses an unknown user with 404 E112102', async () => {
    const result = await sdk.management.user.generateEnchantedLinkForTestUser(
      'nobody@example.com',
      'https://x.io',
    );
    expectRefused(result, 404, 'E112102');
  });
});

describe('management.user.generateEmbeddedLink / generateSignUpEmbeddedLink', () => {
  it('issues a sign-in token for any existing user, living `timeout` seconds, claims kept', async () => {
    const result = await sdk.management.user.generateEmbeddedLink('ada@example.com', { plan: 'pro' }, 120);
    expect(result.ok).toBe(true);
    // EmbeddedLinkSignInResponse in full: the masks are always present (empty: nothing was delivered).
    expect(result.data).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
      maskedEmail: '',
      maskedPhone: '',
    });
    expect(lastMessage()).toMatchObject({
      kind: 'embeddedlink',
      loginId: 'ada@example.com',
      userId: 'U2Ada0000000000000000000000',
      deliveryMethod: 'embedded',
      token: result.data?.token,
      expiresMs: NOW_MS + 120_000,
      payload: { customClaims: { plan: 'pro' }, signUp: false },
    });
  });

  it('defaults to 10 minutes, 404s for an unknown user, refuses a negative timeout', async () => {
    await sdk.management.user.generateEmbeddedLink('bob@example.com');
    expect(lastMessage()?.expiresMs).toBe(NOW_MS + 600_000);
    const unknown = await sdk.management.user.generateEmbeddedLink('nobody@example.com');
    expectRefused(unknown, 404, 'E112102');
    const negative = await sdk.management.user.generateEmbeddedLink('bob@example.com', {}, -5);
    expectRefused(negative, 400, 'E011004');
  });

  it('issues a sign-up token for a login ID that does not exist yet, with the user details kept', async () => {
    const result = await sdk.management.user.generateSignUpEmbeddedLink(
      'newbie@example.com',
      { name: 'New Bie', email: 'newbie@example.com' },
      true,
      false,
      { customClaims: { source: 'invite' } },
      300,
    );
    expect(result.ok).toBe(true);
    expect(result.data).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{64}$/),
      maskedEmail: '',
      maskedPhone: '',
    });
    expect(lastMessage()).toMatchObject({
      kind: 'embeddedlink',
      loginId: 'newbie@example.com',
      userId: '',
      token: result.data?.token,
      expiresMs: NOW_MS + 300_000,
      payload: {
        signUp: true,
        user: { name: 'New Bie', email: 'newbie@example.com' },
        emailVerified: true,
        phoneVerified: false,
        loginOptions: { customClaims: { source: 'invite' } },
      },
    });
    // The user is only created when the token is verified.
    expect((await sdk.management.user.load('newbie@example.com')).code).toBe(404);
  });

  it('names the existing user of a sign-up token, and requires a login ID', async () => {
    await sdk.management.user.generateSignUpEmbeddedLink(TESS);
    expect(lastMessage()).toMatchObject({ userId: TESS, loginId: 'tess@example.com' });
    const empty = await mock.http('POST', '/v1/mgmt/user/signup/embeddedlink', { body: {} });
    expectRefused(empty, 400, 'E011002');
  });
});
