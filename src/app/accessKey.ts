import {
  type AccessKeyRecord,
  buildAccessKey,
  searchAccessKeys as matchingAccessKeys,
  newSecret,
  setStatus,
  toWireAccessKey,
  updateAccessKey as updatedAccessKey,
} from '../domain/accessKey.js';
import { missing } from '../errors.js';
import type {
  AccessKeyIdBody,
  AccessKeyIdsBody,
  AccessKeyQuery,
  AccessKeyResponse,
  AccessKeysResponse,
  CreateAccessKeyBody,
  CreatedAccessKeyResponse,
  SearchAccessKeysBody,
  UpdateAccessKeyBody,
} from '../schemas/accessKey.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Store } from '../store/index.js';
import { requireAccessKey } from './lookup.js';
import type { Services } from './operation.js';

/** Access keys (descope-api.md 5.4). The cleartext is answered once (create, rotate); only its hash is kept. */

export function createAccessKey(
  services: Services,
  projectId: string,
  body: CreateAccessKeyBody,
): CreatedAccessKeyResponse {
  const { store } = services;
  const ctx = {
    catalog: store.catalog.forProject(projectId),
    nowMs: services.now(),
    userExists: (userId: string) => store.users.findByUserId(projectId, userId) !== undefined,
  };
  const key = buildAccessKey(body, ctx);
  const secret = newSecret();
  store.accessKeys.insert(projectId, key, secret.hash);
  return { key: toWireAccessKey(key, ctx.catalog), cleartext: secret.cleartext };
}

export function loadAccessKey(
  services: Services,
  projectId: string,
  query: AccessKeyQuery,
): AccessKeyResponse {
  const { store } = services;
  const key = requireAccessKey(store, projectId, query.id);
  return { key: toWireAccessKey(key, store.catalog.forProject(projectId)) };
}

export function searchAccessKeys(
  services: Services,
  projectId: string,
  body: SearchAccessKeysBody,
): AccessKeysResponse {
  const { store } = services;
  // One catalog for the whole answer: its tenant and role lookups are memoised across keys.
  const catalog = store.catalog.forProject(projectId);
  const keys = matchingAccessKeys(store.accessKeys.list(projectId), body);
  return { keys: keys.map((key) => toWireAccessKey(key, catalog)) };
}

export function updateAccessKey(
  services: Services,
  projectId: string,
  body: UpdateAccessKeyBody,
): AccessKeyResponse {
  const { store } = services;
  const catalog = store.catalog.forProject(projectId);
  const next = updatedAccessKey(requireAccessKey(store, projectId, body.id), body, catalog);
  store.accessKeys.update(projectId, next);
  return { key: toWireAccessKey(next, catalog) };
}

export function rotateAccessKey(
  services: Services,
  projectId: string,
  body: AccessKeyIdBody,
): CreatedAccessKeyResponse {
  const { store } = services;
  const key = requireAccessKey(store, projectId, body.id);
  const secret = newSecret();
  store.accessKeys.replaceSecret(projectId, key.id, secret.hash);
  return { key: toWireAccessKey(key, store.catalog.forProject(projectId)), cleartext: secret.cleartext };
}

type KeyChange = (store: Store, projectId: string, key: AccessKeyRecord) => void;

const activate: KeyChange = (store, projectId, key) =>
  store.accessKeys.update(projectId, setStatus(key, 'active'));
const deactivate: KeyChange = (store, projectId, key) =>
  store.accessKeys.update(projectId, setStatus(key, 'inactive'));
const remove: KeyChange = (store, projectId, key) => {
  store.accessKeys.delete(projectId, key.id);
};

function changeOne(
  services: Services,
  projectId: string,
  body: AccessKeyIdBody,
  change: KeyChange,
): VoidResponse {
  change(services.store, projectId, requireAccessKey(services.store, projectId, body.id));
  return {};
}

/** A batch is all or none: the operation's one transaction rolls back every key when one fails. */
function changeEach(
  services: Services,
  projectId: string,
  body: AccessKeyIdsBody,
  change: KeyChange,
): VoidResponse {
  // An empty list is proto3's absent list: E011002, as for every batch call of users, roles and permissions.
  if (!body.ids?.length) throw missing('ids');
  for (const id of body.ids)
    change(services.store, projectId, requireAccessKey(services.store, projectId, id));
  return {};
}

export const activateAccessKey = (services: Services, projectId: string, body: AccessKeyIdBody) =>
  changeOne(services, projectId, body, activate);
export const activateAccessKeys = (services: Services, projectId: string, body: AccessKeyIdsBody) =>
  changeEach(services, projectId, body, activate);
export const deactivateAccessKey = (services: Services, projectId: string, body: AccessKeyIdBody) =>
  changeOne(services, projectId, body, deactivate);
export const deactivateAccessKeys = (services: Services, projectId: string, body: AccessKeyIdsBody) =>
  changeEach(services, projectId, body, deactivate);
export const deleteAccessKey = (services: Services, projectId: string, body: AccessKeyIdBody) =>
  changeOne(services, projectId, body, remove);
export const deleteAccessKeys = (services: Services, projectId: string, body: AccessKeyIdsBody) =>
  changeEach(services, projectId, body, remove);
