import { describe, expect, it } from 'vitest';
import { ConfigSchema, parseOrigins } from '../../../src/config.js';

/** `--cors-origins`: a comma-separated list of origins, or any origin when absent, empty or `*`. */
describe('--cors-origins', () => {
  it('reads a list, lower-cased and without trailing slashes', () => {
    expect(parseOrigins(' https://App.test/, http://localhost:5173 ')).toEqual([
      'https://app.test',
      'http://localhost:5173',
    ]);
  });

  it('means any origin when absent, empty or *', () => {
    for (const value of [undefined, '', ' , ', '*', 'https://app.test,*'])
      expect(parseOrigins(value)).toBeUndefined();
  });

  it('refuses an entry that is not an origin, naming it', () => {
    const parsed = ConfigSchema.safeParse({ corsOrigins: 'https://app.test,localhost:3000/path' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('localhost:3000/path');
    expect(ConfigSchema.safeParse({ corsOrigins: 'https://app.test' }).success).toBe(true);
  });
});
