import type { CustomAttributeValue, UserTenantRecord } from '../domain/user.js';

/**
 * Exact equality of the parts of a user that index rows derive from, for the writes that skip index rows
 * whose inputs did not change. The same array or object (a change that kept it, `{ ...user, name }`) is
 * equal at once; anything else is compared item by item, in order, with no JSON text built.
 */

export const sameStrings = (a: readonly string[], b: readonly string[]): boolean =>
  a === b || (a.length === b.length && a.every((item, i) => item === b[i]));

export const sameMemberships = (a: readonly UserTenantRecord[], b: readonly UserTenantRecord[]): boolean =>
  a === b ||
  (a.length === b.length &&
    a.every((membership, i) => {
      const other = b[i] as UserTenantRecord;
      return membership.tenantId === other.tenantId && sameStrings(membership.roleNames, other.roleNames);
    }));

const sameValue = (a: CustomAttributeValue | undefined, b: CustomAttributeValue | undefined): boolean => {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return (a as unknown[]).every((item, i) => item === (b as unknown[])[i]);
};

/** The same attributes with the same values; key order counts, as it does in the stored document. */
export const sameAttributes = (
  a: Readonly<Record<string, CustomAttributeValue>>,
  b: Readonly<Record<string, CustomAttributeValue>>,
): boolean => {
  if (a === b) return true;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  return (
    keys.length === otherKeys.length &&
    keys.every((key, i) => key === otherKeys[i] && sameValue(a[key], b[key]))
  );
};
