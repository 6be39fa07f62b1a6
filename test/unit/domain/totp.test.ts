import { TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { newTotpSeed, provisioningUrl, totpCode, totpMatches } from '../../../src/domain/totp.js';

/** The mock's TOTP against the `otpauth` package's (RFC 6238: SHA-1, 6 digits, 30 s). */
describe('TOTP', () => {
  it('computes the codes otpauth computes, for new seeds at many times', () => {
    for (let i = 0; i < 40; i++) {
      const seed = newTotpSeed();
      expect(seed).toMatch(/^[A-Z2-7]{32}$/);
      const timestamp = 1_700_000_000_000 + i * 987_654;
      const expected = new TOTP({ secret: seed }).generate({ timestamp });
      expect(totpCode(seed, Math.floor(timestamp / 30_000))).toBe(expected);
      expect(totpMatches(seed, expected, timestamp)).toBe(true);
    }
  });

  it("matches RFC 6238's SHA-1 test vector (the seed 12345678901234567890)", () => {
    // Base32 of the ASCII seed; the RFC's 8-digit code 94287082 at 59 s ends in these 6 digits.
    expect(totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1)).toBe('287082');
  });

  it('accepts the step before and after, not two away, and nothing that is not 6 digits', () => {
    const seed = newTotpSeed();
    const now = 1_700_000_015_000;
    const step = Math.floor(now / 30_000);
    expect(totpMatches(seed, totpCode(seed, step - 1), now)).toBe(true);
    expect(totpMatches(seed, totpCode(seed, step + 1), now)).toBe(true);
    const far = totpCode(seed, step + 2);
    const near = [-1, 0, 1].map((drift) => totpCode(seed, step + drift));
    if (!near.includes(far)) expect(totpMatches(seed, far, now)).toBe(false);
    expect(totpMatches(seed, `${totpCode(seed, step)}0`, now)).toBe(false);
    expect(totpMatches(seed, '', now)).toBe(false);
  });

  it('builds the otpauth URL authenticator apps read', () => {
    const url = new URL(provisioningUrl('Acme Corp', 'pat@example.com', 'JBSWY3DPEHPK3PXP'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/Acme Corp:pat@example.com');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Acme Corp',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
