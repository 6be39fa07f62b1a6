import {
  addItems,
  buildList,
  clearedList,
  type ListRecord,
  listHoldsIp,
  listHoldsText,
  removeItems,
} from '../domain/list.js';
import { invalid, missing } from '../errors.js';
import type {
  CheckIpBody,
  CheckTextBody,
  CreateListBody,
  ImportListsBody,
  ListCheckResponse,
  ListIdBody,
  ListIpsBody,
  ListResponse,
  ListsResponse,
  ListTextsBody,
  UpdateListBody,
} from '../schemas/list.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Store } from '../store/index.js';
import type { Services } from './operation.js';

/**
 * IP and text lists (descope-mgmt-more.md §11). Vendor behaviour (inferred): an unknown list ID or name is a
 * bad argument (400 E011004), as for the other management objects (./lookup.ts).
 */

function requireList(store: Store, projectId: string, id: string | undefined): ListRecord {
  if (!id) throw missing('id');
  const list = store.lists.find(projectId, id);
  if (!list) throw invalid(`List "${id}" does not exist`);
  return list;
}

export function createList(services: Services, projectId: string, body: CreateListBody): ListResponse {
  const list = buildList(body);
  services.store.lists.insert(projectId, list);
  return { list };
}

/** Replaces the list's name, description, type and data (an absent `data` empties it). */
export function updateList(services: Services, projectId: string, body: UpdateListBody): ListResponse {
  const { store } = services;
  const list = buildList(body, requireList(store, projectId, body.id).id);
  store.lists.update(projectId, list);
  return { list };
}

export function deleteList(services: Services, projectId: string, body: ListIdBody): VoidResponse {
  const { store } = services;
  store.lists.delete(projectId, requireList(store, projectId, body.id).id);
  return {};
}

export const loadList = (services: Services, projectId: string, id: string | undefined): ListResponse => ({
  list: requireList(services.store, projectId, id),
});

export function loadListByName(
  services: Services,
  projectId: string,
  name: string | undefined,
): ListResponse {
  if (!name) throw missing('name');
  const list = services.store.lists.findByName(projectId, name);
  if (!list) throw invalid(`List named "${name}" does not exist`);
  return { list };
}

export const loadAllLists = (services: Services, projectId: string): ListsResponse => ({
  lists: services.store.lists.all(projectId),
});

/**
 * Creates each list, all or none (the operation's transaction). Vendor behaviour (inferred): a list whose
 * name the project already has is replaced, keeping its ID, so that importing the same lists twice (one
 * project's lists into another) is not an error; an `id` in the request is not kept.
 */
export function importLists(services: Services, projectId: string, body: ImportListsBody): VoidResponse {
  const { store } = services;
  if (!body.lists?.length) throw missing('lists');
  for (const input of body.lists) {
    const existing = input.name ? store.lists.findByName(projectId, input.name) : undefined;
    const list = buildList(input, existing?.id);
    if (existing) store.lists.update(projectId, list);
    else store.lists.insert(projectId, list);
  }
  return {};
}

function changeItems(
  services: Services,
  projectId: string,
  id: string | undefined,
  change: (list: ListRecord) => ListRecord,
): VoidResponse {
  const { store } = services;
  store.lists.update(projectId, change(requireList(store, projectId, id)));
  return {};
}

export const addIps = (services: Services, projectId: string, body: ListIpsBody): VoidResponse =>
  changeItems(services, projectId, body.id, (list) => addItems(list, 'ips', required(body.ips, 'ips')));

export const removeIps = (services: Services, projectId: string, body: ListIpsBody): VoidResponse =>
  changeItems(services, projectId, body.id, (list) => removeItems(list, 'ips', required(body.ips, 'ips')));

export const addTexts = (services: Services, projectId: string, body: ListTextsBody): VoidResponse =>
  changeItems(services, projectId, body.id, (list) => addItems(list, 'texts', required(body.texts, 'texts')));

export const removeTexts = (services: Services, projectId: string, body: ListTextsBody): VoidResponse =>
  changeItems(services, projectId, body.id, (list) =>
    removeItems(list, 'texts', required(body.texts, 'texts')),
  );

export const clearList = (services: Services, projectId: string, body: ListIdBody): VoidResponse =>
  changeItems(services, projectId, body.id, clearedList);

export function checkIp(services: Services, projectId: string, body: CheckIpBody): ListCheckResponse {
  const list = requireList(services.store, projectId, body.id);
  if (!body.ip) throw missing('ip');
  return { exists: listHoldsIp(list, body.ip) };
}

export function checkText(services: Services, projectId: string, body: CheckTextBody): ListCheckResponse {
  const list = requireList(services.store, projectId, body.id);
  if (body.text === undefined) throw missing('text');
  return { exists: listHoldsText(list, body.text) };
}

/** Vendor behaviour (inferred): an add or remove without items is a missing argument (E011002). */
function required(items: string[] | undefined, field: string): string[] {
  if (!items?.length) throw missing(field);
  return items;
}
