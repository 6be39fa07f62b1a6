import { invalid, missing } from '../errors.js';
import { randomId } from './ids.js';
import { inIpRanges, ipFamilyOf, isIpOrRange } from './ipRanges.js';

/**
 * IP and text lists (descope-mgmt-more.md §11): a named list of addresses and CIDR ranges (`ips`), of strings
 * (`texts`), or one JSON object (`json`), the type names Descope's live tests use. An address item is kept
 * trimmed; a text item exactly as given.
 */
export const LIST_TYPES = ['ips', 'texts', 'json'] as const;
export type ListType = (typeof LIST_TYPES)[number];

/** `data`: the items of an `ips` or `texts` list, the object of a `json` list. */
export type ListData = string[] | Record<string, unknown>;

export interface ListRecord {
  id: string;
  name: string;
  description: string;
  type: ListType;
  data: ListData;
}

/** What list create, update, import and a fixture give. */
export interface ListInput {
  name?: string;
  description?: string;
  type?: string;
  data?: unknown;
}

/**
 * Bounds on what a list holds, so that one request cannot make the mock keep (and answer on every load) an
 * unbounded document. Vendor behaviour (inferred): Descope publishes no limits; these are far above what a
 * test or a demo needs.
 */
export const MAX_LIST_ITEMS = 10_000;
export const MAX_LIST_ITEM_LENGTH = 1_024;
/** Characters of the JSON text of a `json` list's object. */
export const MAX_LIST_JSON_LENGTH = 256 * 1024;

/**
 * A new list, or what the list `id` becomes: update replaces every field (descope-mgmt-more.md §11, live
 * tests), so an absent `data` empties it. The name is required; its uniqueness is the store's (an index).
 */
export function buildList(input: ListInput, id = randomId('LI')): ListRecord {
  if (!input.name) throw missing('name');
  if (!input.type) throw missing('type');
  const type = listTypeOf(input.type);
  return {
    id,
    name: input.name,
    description: input.description ?? '',
    type,
    data: listDataOf(type, input.data),
  };
}

function listTypeOf(type: string): ListType {
  if (!(LIST_TYPES as readonly string[]).includes(type)) {
    throw invalid(`List type "${type}" is not one of ${LIST_TYPES.join(', ')}`);
  }
  return type as ListType;
}

/**
 * `data` checked against the type. Vendor behaviour (inferred): an `ips` entry that is neither an address
 * nor a CIDR range, a non-string item, or data of the other kind is refused (400), as is a list past the
 * bounds above; duplicates are dropped, first occurrence kept.
 */
function listDataOf(type: ListType, data: unknown): ListData {
  if (type === 'json') {
    if (data === undefined) return {};
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw invalid('The data of a json list must be an object');
    }
    if (JSON.stringify(data).length > MAX_LIST_JSON_LENGTH) {
      throw invalid(`The data of a json list must be at most ${MAX_LIST_JSON_LENGTH} characters of JSON`);
    }
    return data as Record<string, unknown>;
  }
  if (data === undefined) return [];
  if (!Array.isArray(data) || data.some((item) => typeof item !== 'string')) {
    throw invalid(`The data of an ${type} list must be an array of strings`);
  }
  return withItems(type, [], data as string[]);
}

/** `items` added to the list's, checked and deduplicated. */
function withItems(type: ListType, current: readonly string[], items: readonly string[]): string[] {
  const next = new Set(current);
  for (const raw of items) {
    const item = type === 'ips' ? raw.trim() : raw;
    if (!item) throw invalid('A list item cannot be empty');
    if (item.length > MAX_LIST_ITEM_LENGTH) {
      throw invalid(`A list item must be at most ${MAX_LIST_ITEM_LENGTH} characters`);
    }
    if (type === 'ips' && !isIpOrRange(item)) {
      throw invalid(`"${item}" is not an IP address or a CIDR range`);
    }
    next.add(item);
  }
  if (next.size > MAX_LIST_ITEMS) throw invalid(`A list holds at most ${MAX_LIST_ITEMS} items`);
  return [...next];
}

/**
 * The list's items, when it is of `type`. Vendor behaviour (inferred): an IP call on a text or json list,
 * or a text call on an IP or json list, is refused (400).
 */
function itemsOf(list: ListRecord, type: 'ips' | 'texts'): string[] {
  if (list.type !== type) throw invalid(`List "${list.name}" is a ${list.type} list, not an ${type} list`);
  return list.data as string[];
}

/** ip/add and text/add: the list with the items added, each once. */
export function addItems(list: ListRecord, type: 'ips' | 'texts', items: readonly string[]): ListRecord {
  return { ...list, data: withItems(type, itemsOf(list, type), items) };
}

/** ip/remove and text/remove: the list without the items; an item it does not hold is ignored. */
export function removeItems(list: ListRecord, type: 'ips' | 'texts', items: readonly string[]): ListRecord {
  const removed = new Set(type === 'ips' ? items.map((item) => item.trim()) : items);
  return { ...list, data: itemsOf(list, type).filter((item) => !removed.has(item)) };
}

/** clear: no items, or an empty object for a json list. */
export const clearedList = (list: ListRecord): ListRecord => ({
  ...list,
  data: list.type === 'json' ? {} : [],
});

/**
 * ip/check: the address is listed, or inside a listed CIDR range. Vendor behaviour (inferred): a value that
 * is not an address is refused (400), as add refuses it.
 */
export function listHoldsIp(list: ListRecord, ip: string): boolean {
  const items = itemsOf(list, 'ips');
  if (!ipFamilyOf(ip.trim())) throw invalid(`"${ip}" is not an IP address`);
  return inIpRanges(items, ip.trim());
}

/** text/check: an exact, case-sensitive match. */
export const listHoldsText = (list: ListRecord, text: string): boolean =>
  itemsOf(list, 'texts').includes(text);
