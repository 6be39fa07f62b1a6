import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEmail,
  isEmail,
  isPhone,
  normaliseLoginId,
  normalisePhone,
} from '../../../src/domain/contacts.js';
import { thrownCode } from './plainCatalog.js';

describe('normalisePhone', () => {
  it.each([
    ['+1-555-555-1234', '+15555551234'],
    ['+1 (555) 555.1234', '+15555551234'],
    ['+44 20 7946 0000', '+442079460000'],
    ['5555551234', '5555551234'],
    ['', ''],
  ])('stores %s as %s', (given, stored) => {
    expect(normalisePhone(given)).toBe(stored);
  });

  it.each(['call me', '+1-555', '+1234567890123456', 'tel:+15555551234', '++15555551234'])(
    'refuses %s with E011004, naming the field',
    (given) => {
      expect(thrownCode(() => normalisePhone(given, 'recoveryPhone'))).toBe('E011004');
      expect(() => normalisePhone(given, 'recoveryPhone')).toThrow(
        'The recoveryPhone field is not a valid phone number',
      );
    },
  );
});

describe('checkEmail', () => {
  it('keeps an email as given, and "" as the removal it means', () => {
    expect(checkEmail('Ada.L+x@Example.com')).toBe('Ada.L+x@Example.com');
    expect(checkEmail('')).toBe('');
  });

  it.each(['ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com'])(
    'refuses %s with E011004',
    (given) => {
      expect(thrownCode(() => checkEmail(given))).toBe('E011004');
    },
  );
});

describe('login IDs', () => {
  it('tells emails and phones apart', () => {
    expect(isEmail('ada@example.com')).toBe(true);
    expect(isPhone('ada@example.com')).toBe(false);
    expect(isPhone('+1 (555) 555-1234')).toBe(true);
    expect(isPhone('U2Ada0000000000000000000000')).toBe(false);
  });

  it('normalises a phone-shaped login ID and trims, leaving every other login ID as typed', () => {
    expect(normaliseLoginId(' +1-555-555-1234 ')).toBe('+15555551234');
    expect(normaliseLoginId('Ada@Example.com')).toBe('Ada@Example.com');
    expect(normaliseLoginId('jane-doe')).toBe('jane-doe');
    expect(normaliseLoginId('U2Ada0000000000000000000000')).toBe('U2Ada0000000000000000000000');
  });
});

describe('every spelling of a phone is the same login ID', () => {
  it('strips any mix of spaces, dashes, dots and brackets between the digits', () => {
    const separator = fc.constantFrom('', ' ', '-', '.', '(', ')', ' - ');
    const spelled = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 13 })
      .chain((digits) =>
        fc.array(separator, { minLength: digits.length, maxLength: digits.length }).map((seps) => ({
          digits: digits.join(''),
          spelling: `+${digits.map((d, i) => `${seps[i]}${d}`).join('')}`,
        })),
      );
    fc.assert(
      fc.property(spelled, ({ digits, spelling }) => {
        expect(normaliseLoginId(spelling)).toBe(`+${digits}`);
        expect(normalisePhone(spelling)).toBe(`+${digits}`);
      }),
    );
  });
});
