import { describe, expect, it } from 'vitest';
import { toWireProviderToken, toWireTrustedDevice } from '../../src/domain/credentials.js';
import { checkNewPassword, hashPassword, verifyPassword } from '../../src/domain/passwords.js';
import { checkDeliveryMethod, embeddedTtlMs, linkWithToken, newOtpCode } from '../../src/domain/testUsers.js';
import { thrownCode } from './domain/plainCatalog.js';

describe('passwords', () => {
  it('hashes with a fresh salt each time and verifies only the same password', () => {
    const first = hashPassword('s3cret!');
    const second = hashPassword('s3cret!');
    expect(first).not.toBe(second);
    expect(verifyPassword('s3cret!', first)).toBe(true);
    expect(verifyPassword('s3cret!', second)).toBe(true);
    expect(verifyPassword('s3cret', first)).toBe(false);
    expect(verifyPassword('s3cret!', 'bcrypt$whatever')).toBe(false);
  });

  it('refuses an empty or absent password as a missing argument', () => {
    expect(thrownCode(() => checkNewPassword(''))).toBe('E011002');
    expect(thrownCode(() => checkNewPassword(undefined))).toBe('E011002');
    expect(checkNewPassword('x')).toBe('x');
  });
});

describe('test-user helpers', () => {
  it("accepts Descope's delivery methods in any case, Node's `Embedded` too, and nothing else", () => {
    expect(checkDeliveryMethod('Embedded')).toBe('embedded');
    expect(checkDeliveryMethod('whatsapp')).toBe('whatsapp');
    expect(thrownCode(() => checkDeliveryMethod('fax'))).toBe('E011004');
    expect(thrownCode(() => checkDeliveryMethod(undefined))).toBe('E011002');
  });

  it('appends the token as ?t= or, after an existing query, &t=', () => {
    expect(linkWithToken('https://a.io/v', 'abc')).toBe('https://a.io/v?t=abc');
    expect(linkWithToken('https://a.io/v?x=1', 'abc')).toBe('https://a.io/v?x=1&t=abc');
  });

  it('makes six-digit codes and embedded lifetimes from seconds (0 or absent: 10 minutes)', () => {
    for (let i = 0; i < 50; i++) expect(newOtpCode()).toMatch(/^\d{6}$/);
    expect(embeddedTtlMs(30)).toBe(30_000);
    expect(embeddedTtlMs(0)).toBe(600_000);
    expect(embeddedTtlMs(undefined)).toBe(600_000);
    expect(thrownCode(() => embeddedTtlMs(-1))).toBe('E011004');
  });
});

describe('wire shapes', () => {
  it('sends trusted-device times as strings and no current device', () => {
    const device = {
      id: 'd',
      name: 'n',
      deviceType: 't',
      lastLoginTime: 1,
      expirationTime: 2,
      lastLocation: '',
    };
    expect(toWireTrustedDevice(device, 'U2x')).toEqual({
      ...device,
      userId: 'U2x',
      lastLoginTime: '1',
      expirationTime: '2',
      isCurrentDevice: false,
    });
  });

  it('hands out the refresh token only when asked for', () => {
    const token = {
      provider: 'google',
      providerUserId: 'g',
      accessToken: 'a',
      refreshToken: 'r',
      expiration: 9,
      scopes: ['openid'],
    };
    expect(toWireProviderToken(token, false).refreshToken).toBe('');
    expect(toWireProviderToken(token, true).refreshToken).toBe('r');
  });
});
