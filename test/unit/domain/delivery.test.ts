import { describe, expect, it } from 'vitest';
import { addressOf, amrOf, maskEmail, maskPhone, newLinkId } from '../../../src/domain/delivery.js';

describe('the masked replies', () => {
  it('keeps the first character and the domain of an email', () => {
    expect(maskEmail('ada@example.com')).toBe('a***@example.com');
    expect(maskEmail('x@y.io')).toBe('x***@y.io');
  });

  it('keeps the last four digits and the + of a phone', () => {
    expect(maskPhone('+15555550100')).toBe('+*******0100');
    expect(maskPhone('0100')).toBe('0100');
  });
});

describe('addressOf', () => {
  const none = { email: '', phone: '' };

  it("prefers the user's address, then the login ID, then the sign-up's", () => {
    expect(addressOf('email', 'ada', { email: 'ada@example.com', phone: '' })).toBe('ada@example.com');
    expect(addressOf('email', 'bob@example.com', none)).toBe('bob@example.com');
    expect(addressOf('sms', 'cleo', undefined, { phone: '+1 555 555 0199' })).toBe('+15555550199');
  });

  it('refuses a channel with nowhere to send (400 E011004)', () => {
    expect(() => addressOf('sms', 'ada@example.com', none)).toThrow(/no phone number/);
    expect(() => addressOf('email', '+15555550100', none)).toThrow(/no email address/);
  });
});

describe('the factor and the link ID', () => {
  it('names email for email and sms for every phone channel', () => {
    expect(['email', 'sms', 'voice', 'whatsapp', 'im'].map(amrOf)).toEqual([
      'email',
      'sms',
      'sms',
      'sms',
      'sms',
    ]);
  });

  it('makes two-digit link IDs', () => {
    for (let i = 0; i < 50; i++) expect(newLinkId()).toMatch(/^[1-9]\d$/);
  });
});
