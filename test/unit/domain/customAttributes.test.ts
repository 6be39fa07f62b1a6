import { describe, expect, it } from 'vitest';
import { checkCustomAttribute, checkCustomAttributes } from '../../../src/domain/customAttributes.js';
import { plainCatalog, thrownCode } from './plainCatalog.js';

const catalog = plainCatalog();

describe('checkCustomAttribute: one value against its declaration', () => {
  it.each([
    ['text', 'nickname', 'Kit'],
    ['text (empty)', 'nickname', ''],
    ['numeric', 'seats', 3],
    ['numeric (fraction, negative)', 'seats', -1.5],
    ['boolean', 'beta', false],
    ['singleSelect', 'plan', 'pro'],
    ['multiSelect', 'teams', ['red', 'blue']],
    ['multiSelect (none)', 'teams', []],
    ['date (epoch ms)', 'renewal', 1767225600000],
  ])('accepts a %s value', (_, key, value) => {
    expect(checkCustomAttribute(key, value, catalog)).toEqual(value);
  });

  it.each([
    ['text given a number', 'nickname', 1],
    ['numeric given a numeric string', 'seats', '3'],
    ['numeric given NaN', 'seats', Number.NaN],
    ['boolean given a string', 'beta', 'false'],
    ['singleSelect outside its options', 'plan', 'gold'],
    ['multiSelect with an unknown option', 'teams', ['red', 'green']],
    ['multiSelect given a string', 'teams', 'red'],
    ['date given a fraction', 'renewal', 1.5],
    ['date given a string', 'renewal', '2026-01-01'],
    ['an undeclared key', 'shoeSize', 42],
  ])('refuses %s with E011004', (_, key, value) => {
    expect(thrownCode(() => checkCustomAttribute(key, value, catalog))).toBe('E011004');
  });

  it('names the expected type or options in the message', () => {
    expect(() => checkCustomAttribute('plan', 'gold', catalog)).toThrow('value among: free, pro');
    expect(() => checkCustomAttribute('shoeSize', 1, catalog)).toThrow('"shoeSize" is not defined');
  });
});

describe('checkCustomAttributes: a whole map', () => {
  it('drops null entries and checks the rest', () => {
    expect(checkCustomAttributes({ seats: 2, beta: null, plan: 'free' }, catalog)).toEqual({
      seats: 2,
      plan: 'free',
    });
    expect(thrownCode(() => checkCustomAttributes({ seats: 2, plan: 'gold' }, catalog))).toBe('E011004');
  });
});
