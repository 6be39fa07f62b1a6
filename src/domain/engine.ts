import { missing } from '../errors.js';
import { hashSecret } from './accessKey.js';
import { randomId } from './ids.js';

/** Engines (descope-mgmt-more.md §15, from the Node SDK only: the published spec has none). */

/**
 * A new engine secret and its hash. Vendor behaviour (inferred): the format of engine IDs and secrets is not
 * published; an ID like Descope's other IDs, a long random secret.
 */
export function newEngineSecret(): { cleartext: string; hash: string } {
  const cleartext = randomId('', 48);
  return { cleartext, hash: hashSecret(cleartext) };
}

export const newEngineId = (): string => randomId('EN');

/** An engine's name is required on create and update. Vendor behaviour (inferred): names need not be unique. */
export function engineName(name: string | undefined): string {
  if (!name) throw missing('name');
  return name;
}
