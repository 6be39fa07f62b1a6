import { invalid } from '../errors.js';

/**
 * Names that are not plain data as keys of a JavaScript object: `__proto__` reaches the prototype and
 * `constructor` / `prototype` name its machinery, so a value stored under one is lost or misread.
 * Descope (Go) stores any key; the mock refuses these three with E011004 wherever a caller's key becomes an
 * object property (custom attribute names and values, every map of a request body), rather than accept
 * them and lose them.
 */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** E011004 naming the field, when `key` is one of the reserved names. */
export function refuseReservedKey(key: string, field: string): void {
  if (RESERVED_KEYS.has(key)) {
    throw invalid(`The ${field} field cannot use the name "${key}": it is reserved`);
  }
}
