import { describe, expect, it } from 'vitest';
import { expectDescopeError, useMock } from '../../helpers/mock.js';
import { expectUser, loaded, type Outcome } from '../../helpers/user.js';

/** update/email, update/phone and update/loginid (descope-api.md 4.9, 3.2, 3.4). */

const mock = useMock();
const sdk = mock.sdk();

type WireUser = Record<string, unknown> & { userId: string; loginIds: string[] };

async function user(loginId: string, options: Record<string, unknown> = {}): Promise<WireUser> {
  const result = await sdk.management.user.create(loginId, options);
  expect(result.ok).toBe(true);
  return result.data as unknown as WireUser;
}

const rejected = (result: Outcome, code = 'E011004') => {
  expect(result.ok).toBe(false);
  expect(result.code).toBe(code === 'E112102' ? 404 : 400);
  expectDescopeError(result.error, code);
};

describe('update/email: management.user.updateEmail', () => {
  it('sets the email and its flag as sent, leaving the login IDs; "" removes both', async () => {
    const before = await user('email-1');
    const verified = await sdk.management.user.updateEmail('email-1', 'e1@example.com', true);
    expectUser(verified.data, { ...before, email: 'e1@example.com', verifiedEmail: true });
    const unverified = await sdk.management.user.updateEmail(before.userId, 'e1b@example.com', false);
    const expected = { ...before, email: 'e1b@example.com', verifiedEmail: false };
    expectUser(unverified.data, expected);
    expectUser(await loaded(sdk, 'email-1'), expected);
    expectUser((await sdk.management.user.updateEmail('email-1', '', true)).data, before);
    expectUser(await loaded(sdk, 'email-1'), before);
  });

  it('moves a login ID that was the email along with it', async () => {
    const before = await user('mover@example.com');
    const result = await sdk.management.user.updateEmail('mover@example.com', 'moved@example.com', true);
    const expected = {
      ...before,
      loginIds: ['moved@example.com'],
      externalIds: ['moved@example.com'],
      email: 'moved@example.com',
    };
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, 'moved@example.com'), expected);
    rejected(await sdk.management.user.load('mover@example.com'), 'E112102');
  });

  it("allows another user's login ID as a plain attribute, unless failOnConflict", async () => {
    const before = await user('email-2');
    rejected(await sdk.management.user.updateEmail('email-2', 'ada@example.com', true, true));
    expectUser(await loaded(sdk, 'email-2'), before);
    const allowed = await sdk.management.user.updateEmail('email-2', 'ada@example.com', true, false);
    expectUser(allowed.data, { ...before, email: 'ada@example.com', verifiedEmail: true });
    expect(await loaded(sdk, 'ada@example.com')).toMatchObject({ userId: 'U2Ada0000000000000000000000' });
  });

  it("refuses to move a login ID onto another user's, and a malformed email, changing nothing", async () => {
    const before = await user('clash@example.com');
    rejected(await sdk.management.user.updateEmail('clash@example.com', 'ada@example.com', true));
    rejected(await sdk.management.user.updateEmail('clash@example.com', 'not an email', true));
    expectUser(await loaded(sdk, 'clash@example.com'), before);
  });
});

describe('update/phone: management.user.updatePhone', () => {
  it('normalises the phone and sets its flag as sent; "" removes both', async () => {
    const before = await user('phone-1');
    const result = await sdk.management.user.updatePhone('phone-1', '+1-555-555-7777', false);
    const expected = { ...before, phone: '+15555557777', verifiedPhone: false };
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, 'phone-1'), expected);
    const verified = await sdk.management.user.updatePhone(before.userId, '+1 (555) 555-7777', true);
    expectUser(verified.data, { ...expected, verifiedPhone: true });
    expectUser((await sdk.management.user.updatePhone('phone-1', '', true)).data, before);
    expectUser(await loaded(sdk, 'phone-1'), before);
  });

  it('moves a phone login ID along with the phone, findable by any spelling', async () => {
    const before = await user('+1 555 555 2000', { phone: '+15555552000' });
    expect(before.loginIds).toEqual(['+15555552000']);
    const result = await sdk.management.user.updatePhone('+1-555-555-2000', '+1-555-555-2001', true);
    const expected = {
      ...before,
      loginIds: ['+15555552001'],
      externalIds: ['+15555552001'],
      phone: '+15555552001',
    };
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, '+1 (555) 555-2001'), expected);
    rejected(await sdk.management.user.load('+15555552000'), 'E112102');
  });

  it("honours failOnConflict against another user's phone login ID; refuses a malformed phone", async () => {
    await user('+15555553000');
    const before = await user('phone-2');
    rejected(await sdk.management.user.updatePhone('phone-2', '+1-555-555-3000', true, true));
    rejected(await sdk.management.user.updatePhone('phone-2', 'call me maybe', true));
    expectUser(await loaded(sdk, 'phone-2'), before);
    const allowed = await sdk.management.user.updatePhone('phone-2', '+1-555-555-3000', true);
    expectUser(allowed.data, { ...before, phone: '+15555553000', verifiedPhone: true });
  });
});

describe('update/loginid: management.user.updateLoginId', () => {
  it('replaces the selected login ID in place; the old one no longer finds the user', async () => {
    const before = await user('li-a', { additionalLoginIds: ['li-b'] });
    const result = await sdk.management.user.updateLoginId('li-b', 'li-c');
    const expected = { ...before, loginIds: ['li-a', 'li-c'], externalIds: ['li-a', 'li-c'] };
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, 'li-c'), expected);
    rejected(await sdk.management.user.load('li-b'), 'E112102');
  });

  it('replaces the first login ID when the user is selected by user ID, normalising a phone', async () => {
    const before = await user('li-d', { additionalLoginIds: ['li-e'] });
    const result = await sdk.management.user.updateLoginId(before.userId, '+1-555-555-4000');
    const expected = { ...before, loginIds: ['+15555554000', 'li-e'], externalIds: ['+15555554000', 'li-e'] };
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, '+1 555 555 4000'), expected);
  });

  it('removes a login ID when none is given, but never the last', async () => {
    const before = await user('li-f', { additionalLoginIds: ['li-g'] });
    const removed = await sdk.management.user.updateLoginId('li-f');
    const expected = { ...before, loginIds: ['li-g'], externalIds: ['li-g'] };
    expectUser(removed.data, expected);
    rejected(await sdk.management.user.updateLoginId('li-g', ''));
    expectUser(await loaded(sdk, 'li-g'), expected);
  });

  it("refuses another user's login ID, in any case, and changes nothing", async () => {
    const before = await user('li-h');
    rejected(await sdk.management.user.updateLoginId('li-h', 'ADA@example.com'));
    expectUser(await loaded(sdk, 'li-h'), before);
  });
});
