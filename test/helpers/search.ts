import { expect } from 'vitest';
import type { Sdk } from './mock.js';

/**
 * The project of test/fixtures/search.json. Its non-test users, oldest first: ada, grace, alan, edsger,
 * barbara; its test users: tess, tom.
 */
export const SEARCH_FIXTURES = new URL('../fixtures/search.json', import.meta.url).pathname;
export const SEARCH_PROJECT = { projectId: 'P2SearchProject00000000000000', managementKey: 'K2SearchKey' };
/** A second project of the same file, with one test user named like one of the first project. */
export const SEARCH_OTHER_PROJECT = {
  projectId: 'P2SearchOther000000000000000',
  managementKey: 'K2SearchOther',
};

export type SearchRequest = Parameters<Sdk['management']['user']['search']>[0];

/**
 * `found(request)` bound to `sdk`: runs management.user.search and answers the local part of each user's
 * first login ID, in order, and the total.
 */
export function finder(sdk: Sdk): (request: SearchRequest) => Promise<{ names: string[]; total: number }> {
  return async (request) => {
    const result = await sdk.management.user.search(request);
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    return { names: result.data!.users.map((user) => nameOf(user.loginIds[0]!)), total: result.data!.total };
  };
}

export const nameOf = (loginId: string): string => loginId.split('@')[0]!;
