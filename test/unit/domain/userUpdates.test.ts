import { describe, expect, it } from 'vitest';
import { blankUser, type UserRecord } from '../../../src/domain/user.js';
import {
  updateCustomAttribute,
  updateEmail,
  updateImpersonationConsent,
  updateLoginId,
  updateName,
  updatePhone,
  updatePicture,
  updateRecoveryEmail,
  updateRecoveryPhone,
  updateStatus,
} from '../../../src/domain/userUpdates.js';
import { plainContext, thrownCode } from './plainCatalog.js';

const NOW = 1_767_225_600_000;
const user = (changes: Partial<UserRecord> = {}): UserRecord => ({
  ...blankUser('me@example.com', NOW),
  userId: 'U2Me',
  email: 'me@example.com',
  verifiedEmail: true,
  ...changes,
});
/** ada@example.com and +15555550000 belong to another user. */
const ctx = plainContext({ 'ada@example.com': 'U2Ada', '+15555550000': 'U2Ada', 'me@example.com': 'U2Me' });

describe('updateName', () => {
  const named = user({ name: 'Full', givenName: 'G', middleName: 'M', familyName: 'F' });

  it('sets present keys, keeps absent ones, clears "" ones, and never rebuilds name', () => {
    expect(updateName(named, { givenName: 'G2' })).toEqual({ ...named, givenName: 'G2' });
    expect(updateName(named, { name: '', familyName: '' })).toEqual({ ...named, name: '', familyName: '' });
    expect(updateName(named, { givenName: 'A', middleName: 'B', familyName: 'C' }).name).toBe('Full');
    expect(updateName(named, {})).toEqual(named);
  });
});

describe('updatePicture / updateRecoveryEmail / updateRecoveryPhone', () => {
  it('sets and clears, the flag following the value', () => {
    expect(updatePicture(user(), 'https://x/p.png').picture).toBe('https://x/p.png');
    expect(updateRecoveryEmail(user(), 'r@example.com', true)).toMatchObject({
      recoveryEmail: 'r@example.com',
      verifiedRecoveryEmail: true,
    });
    expect(updateRecoveryEmail(user(), '', true)).toMatchObject({
      recoveryEmail: '',
      verifiedRecoveryEmail: false,
    });
    expect(updateRecoveryPhone(user(), '+1-555-555-9999', false)).toMatchObject({
      recoveryPhone: '+15555559999',
      verifiedRecoveryPhone: false,
    });
    expect(thrownCode(() => updateRecoveryPhone(user(), 'x', true))).toBe('E011004');
    expect(thrownCode(() => updateRecoveryEmail(user(), 'x', true))).toBe('E011004');
  });
});

describe('updateEmail / updatePhone', () => {
  const change = (value: string, verified = true, failOnConflict = false) => ({
    value,
    verified,
    failOnConflict,
  });

  it('sets the value and the flag as sent; the login ID follows when it was the old value', () => {
    expect(updateEmail(user(), change('new@example.com', false), ctx)).toMatchObject({
      loginIds: ['new@example.com'],
      email: 'new@example.com',
      verifiedEmail: false,
    });
    const plain = user({ loginIds: ['handle'] });
    expect(updateEmail(plain, change('new@example.com'), ctx).loginIds).toEqual(['handle']);
  });

  it('keeps the login ID when the value is removed, and clears the flag', () => {
    expect(updateEmail(user(), change(''), ctx)).toMatchObject({
      loginIds: ['me@example.com'],
      email: '',
      verifiedEmail: false,
    });
  });

  it('does not duplicate a login ID the user already holds', () => {
    const two = user({ loginIds: ['me@example.com', 'alt@example.com'] });
    expect(updateEmail(two, change('alt@example.com'), ctx).loginIds).toEqual(['alt@example.com']);
  });

  it("allows another user's login ID as an attribute, unless failOnConflict or it would move a login ID", () => {
    const plain = user({ loginIds: ['handle'] });
    expect(updateEmail(plain, change('ada@example.com'), ctx).email).toBe('ada@example.com');
    expect(thrownCode(() => updateEmail(plain, change('ada@example.com', true, true), ctx))).toBe('E011004');
    expect(thrownCode(() => updateEmail(user(), change('ADA@example.com'), ctx))).toBe('E011004');
  });

  it('normalises phones and moves a phone login ID', () => {
    const phoned = user({ loginIds: ['+15555551111'], phone: '+15555551111', verifiedPhone: true });
    expect(updatePhone(phoned, change('+1-555-555-2222', false), ctx)).toMatchObject({
      loginIds: ['+15555552222'],
      phone: '+15555552222',
      verifiedPhone: false,
    });
    expect(thrownCode(() => updatePhone(user(), change('+1 555 555 0000', true, true), ctx))).toBe('E011004');
    expect(thrownCode(() => updatePhone(user(), change('phone'), ctx))).toBe('E011004');
  });
});

describe('updateLoginId', () => {
  const two = user({ loginIds: ['me@example.com', 'handle'] });

  it('replaces the selected login ID in place, or the first when selected by user ID', () => {
    expect(updateLoginId(two, 'HANDLE', 'handle2', ctx).loginIds).toEqual(['me@example.com', 'handle2']);
    expect(updateLoginId(two, 'U2Me', '+1 555 555 3333', ctx).loginIds).toEqual(['+15555553333', 'handle']);
    expect(updateLoginId(two, 'handle', 'me@example.com', ctx).loginIds).toEqual(['me@example.com']);
  });

  it('removes with an empty new login ID, never the last one', () => {
    expect(updateLoginId(two, 'me@example.com', '', ctx).loginIds).toEqual(['handle']);
    expect(thrownCode(() => updateLoginId(user(), 'me@example.com', '', ctx))).toBe('E011004');
  });

  it("refuses another user's login ID", () => {
    expect(thrownCode(() => updateLoginId(two, 'handle', 'Ada@Example.com', ctx))).toBe('E011004');
  });
});

describe('updateStatus', () => {
  it('sets a settable status; E011002 without one, E011004 for any other', () => {
    expect(updateStatus(user(), 'disabled').status).toBe('disabled');
    expect(updateStatus(user({ status: 'disabled' }), 'invited').status).toBe('invited');
    expect(thrownCode(() => updateStatus(user(), undefined))).toBe('E011002');
    expect(thrownCode(() => updateStatus(user(), ''))).toBe('E011002');
    expect(thrownCode(() => updateStatus(user(), 'expired'))).toBe('E011004');
  });
});

describe('updateCustomAttribute', () => {
  const held = user({ customAttributes: { seats: 2, plan: 'pro' } });

  it('sets one attribute keeping the others, and removes it on null or absent', () => {
    expect(updateCustomAttribute(held, 'beta', true, ctx).customAttributes).toEqual({
      seats: 2,
      plan: 'pro',
      beta: true,
    });
    expect(updateCustomAttribute(held, 'seats', null, ctx).customAttributes).toEqual({ plan: 'pro' });
    expect(updateCustomAttribute(held, 'plan', undefined, ctx).customAttributes).toEqual({ seats: 2 });
  });

  it('refuses a missing key (E011002), an undeclared one or a misfit (E011004)', () => {
    expect(thrownCode(() => updateCustomAttribute(held, undefined, 1, ctx))).toBe('E011002');
    expect(thrownCode(() => updateCustomAttribute(held, 'shoeSize', 1, ctx))).toBe('E011004');
    expect(thrownCode(() => updateCustomAttribute(held, 'shoeSize', null, ctx))).toBe('E011004');
    expect(thrownCode(() => updateCustomAttribute(held, 'plan', 'gold', ctx))).toBe('E011004');
  });
});

describe('updateImpersonationConsent', () => {
  it('sets the expiry N seconds from now, 0 withdraws, negative is E011004', () => {
    expect(updateImpersonationConsent(user(), 60, NOW + 999).consentExpiration).toBe(NOW / 1000 + 60);
    expect(updateImpersonationConsent(user({ consentExpiration: 5 }), 0, NOW).consentExpiration).toBe(0);
    expect(thrownCode(() => updateImpersonationConsent(user(), -1, NOW))).toBe('E011004');
  });
});
