import { describe, expect, it } from 'vitest';
import { type AccessKeyRecord, exchangeRefusal, permitsIp } from '../../../src/domain/accessKey.js';

describe('permitsIp', () => {
  it('lets any address use a key without permitted IPs', () => {
    expect(permitsIp([], '203.0.113.9')).toBe(true);
    expect(permitsIp([], '2001:db8::1')).toBe(true);
  });

  it('matches IPv4 addresses and CIDRs', () => {
    expect(permitsIp(['203.0.113.9'], '203.0.113.9')).toBe(true);
    expect(permitsIp(['203.0.113.9'], '203.0.113.10')).toBe(false);
    expect(permitsIp(['10.0.0.0/8'], '10.200.3.4')).toBe(true);
    expect(permitsIp(['10.0.0.0/8'], '11.0.0.1')).toBe(false);
    expect(permitsIp(['0.0.0.0/0'], '198.51.100.1')).toBe(true);
  });

  it('matches IPv6 addresses and CIDRs, in any spelling', () => {
    expect(permitsIp(['::1'], '::1')).toBe(true);
    expect(permitsIp(['::1'], '0:0:0:0:0:0:0:1')).toBe(true);
    expect(permitsIp(['2001:db8::/32'], '2001:db8:ffff::7')).toBe(true);
    expect(permitsIp(['2001:db8::/32'], '2001:db9::7')).toBe(false);
    expect(permitsIp(['::1'], '127.0.0.1')).toBe(false);
  });

  it('takes an IPv4 address and its IPv4-mapped IPv6 form as one, both ways', () => {
    expect(permitsIp(['127.0.0.1'], '::ffff:127.0.0.1')).toBe(true);
    expect(permitsIp(['127.0.0.0/8'], '::ffff:127.0.0.1')).toBe(true);
    expect(permitsIp(['::ffff:127.0.0.1'], '127.0.0.1')).toBe(true);
    expect(permitsIp(['10.0.0.0/8'], '::ffff:127.0.0.1')).toBe(false);
  });

  it('reads an entry that is neither an address nor a CIDR as permitting nothing, never throwing', () => {
    const odd = ['localhost', '10.0.0.0/33', '10.0.0.0/x', '10.0.0.0/8/8', '::/129', '', ' 127.0.0.1 '];
    expect(permitsIp(odd, '10.1.1.1')).toBe(false);
    // Spaces around an entry are trimmed.
    expect(permitsIp(odd, '127.0.0.1')).toBe(true);
    expect(permitsIp(['127.0.0.1'], 'not an address')).toBe(false);
  });
});

describe('exchangeRefusal', () => {
  const key = {
    status: 'active',
    expireTime: 2_000,
    permittedIps: ['127.0.0.1'],
  } as AccessKeyRecord;

  it('passes an active key before its expiry from a permitted address', () => {
    expect(exchangeRefusal(key, 1_999_999, '127.0.0.1')).toBeUndefined();
    expect(exchangeRefusal({ ...key, expireTime: 0 }, 9e12, '127.0.0.1')).toBeUndefined();
  });

  it('names why it refuses: inactive, expired (at its expiry second), address', () => {
    expect(exchangeRefusal({ ...key, status: 'inactive' }, 0, '127.0.0.1')).toMatch(/inactive/);
    expect(exchangeRefusal(key, 2_000_000, '127.0.0.1')).toMatch(/expired/);
    expect(exchangeRefusal(key, 0, '10.0.0.1')).toMatch(/not permitted from 10\.0\.0\.1/);
  });
});
