import { generateKeyPair, type KeyObject } from 'node:crypto';
import { MIN_MODULUS_BITS, type SigningKeyRecord, signingKeyOf } from '../domain/signingKey.js';
import type { DescopeError } from '../errors.js';
import type { Store } from '../store/index.js';
import type { Services } from './operation.js';

/**
 * Keys generated now and not yet written, per store and project: two first uses at once share one
 * generation. Keyed by store, since a process may run several servers (tests, the library).
 */
const generating = new WeakMap<Store, Map<string, Promise<SigningKeyRecord>>>();

/**
 * The project's signing key, made on its first use and kept. An RSA key takes 60-500 ms to generate on a
 * busy machine, so a project gets one only when it first needs it (a token, a keys request), never when it
 * is created, seeded or the server starts; and it is generated off the event loop (node's thread pool), so
 * the server goes on answering meanwhile. `unknownProject` is the caller's answer to a project that does
 * not exist (or is deleted while its key is made).
 */
export async function projectSigningKey(
  services: Services,
  projectId: string,
  unknownProject: () => DescopeError,
): Promise<SigningKeyRecord> {
  const { store } = services;
  const kept = store.signingKeys.find(projectId);
  if (kept) return kept;
  if (!store.projects.exists(projectId)) throw unknownProject();
  const pending = generating.get(store) ?? new Map<string, Promise<SigningKeyRecord>>();
  generating.set(store, pending);
  let key = pending.get(projectId);
  if (!key) {
    key = newPrivateKey()
      .then((privateKey) => keep(services, projectId, signingKeyOf(privateKey), unknownProject))
      .finally(() => pending.delete(projectId));
    pending.set(projectId, key);
  }
  return key;
}

/** Writes the new key unless one came first (a pinned key restored meanwhile), and answers the kept one. */
function keep(
  services: Services,
  projectId: string,
  key: SigningKeyRecord,
  unknownProject: () => DescopeError,
): SigningKeyRecord {
  const { store } = services;
  return store.transaction(() => {
    if (!store.projects.exists(projectId)) throw unknownProject();
    store.signingKeys.addIfAbsent(projectId, key, services.now());
    return store.signingKeys.find(projectId) as SigningKeyRecord;
  });
}

function newPrivateKey(): Promise<KeyObject> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: MIN_MODULUS_BITS }, (error, _publicKey, privateKey) =>
      error ? reject(error) : resolve(privateKey),
    );
  });
}
