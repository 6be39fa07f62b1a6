import { type AccessKeyRecord, hashSecret, newSecret } from '../domain/accessKey.js';
import type { Catalog } from '../domain/catalog.js';
import { randomId } from '../domain/ids.js';
import { dedupe } from '../domain/tenant.js';
import type { AccessKeyFixture } from '../fixtureParts.js';
import { isConstraintViolation } from '../store/errors.js';
import type { Store } from '../store/index.js';
import { checkMemberships, checkProjectRoles, fail } from './paths.js';

/**
 * The fixture's access keys, after its users (a key may be bound to one). The secret is a cleartext
 * (`secret`: only its hash is kept, as for a key made by accesskey/create), a snapshot's `secretHash`, or
 * neither (a random secret nobody knows). `path(i)` is the path of the i-th key (`projects[0].accessKeys[2]`).
 */
export function seedAccessKeys(
  store: Store,
  catalog: Catalog,
  projectId: string,
  keys: readonly AccessKeyFixture[],
  path: (i: number) => string,
  nowMs: number,
): void {
  keys.forEach((key, i) => {
    const where = path(i);
    checkProjectRoles(key.roleNames, catalog, `${where}.roleNames`);
    checkMemberships(key.keyTenants, catalog, `${where}.keyTenants`);
    if (key.boundUserId !== '' && !store.users.findByUserId(projectId, key.boundUserId)) {
      fail(`${where}.boundUserId`, `unknown user "${key.boundUserId}" (pin that user's userId in users[])`);
    }
    if (key.secret !== undefined && key.secretHash !== undefined) {
      fail(`${where}.secret`, 'give either secret or secretHash, not both');
    }
    const { secret, secretHash, ...fields } = key;
    const record: AccessKeyRecord = {
      ...fields,
      id: key.id ?? randomId('K2'),
      clientId: key.clientId ?? randomId('C2'),
      createdTime: key.createdTime ?? Math.floor(nowMs / 1000),
      roleNames: dedupe(key.roleNames),
      keyTenants: key.keyTenants.map(({ tenantId, roleNames }) => ({
        tenantId,
        roleNames: dedupe(roleNames),
      })),
    };
    const hash = secretHash ?? (secret === undefined ? newSecret().hash : hashSecret(secret));
    try {
      store.accessKeys.insert(projectId, record, hash);
    } catch (error) {
      if (!isConstraintViolation(error)) throw error;
      if (error.message.includes('secret_hash')) {
        fail(
          `${where}.${secret === undefined ? 'secretHash' : 'secret'}`,
          'another access key has this secret',
        );
      }
      fail(`${where}.id`, `duplicate access key ID "${record.id}"`);
    }
  });
}
