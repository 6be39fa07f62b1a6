import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../../src/routes/registry.js';

/**
 * Every management write says what it audits (descope-mgmt-more.md §5): an `audit` declaration, or an explicit
 * `notAudited(reason)` for what Descope does not audit. A new write that forgets fails here.
 */
describe('audit declarations', () => {
  const writes = OPERATIONS.filter(
    (operation) =>
      /^\/v[12]\/mgmt\//.test(operation.path) && !(operation.readOnly ?? operation.method === 'GET'),
  );

  it('covers the management writes', () => {
    expect(writes.length).toBeGreaterThan(60);
  });

  it.each(writes.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    '%s declares its audit',
    (_name, operation) => {
      const { audit } = operation;
      if (typeof audit === 'function') return;
      expect(audit, 'audit: an event declaration, or notAudited(reason)').toBeDefined();
      expect(audit?.none).toMatch(/\w{3}/);
    },
  );
});
