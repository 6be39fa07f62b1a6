import { afterEach, describe, expect, it } from 'vitest';
import { runOperation, type Services } from '../../../src/app/operation.js';
import { ConfigSchema } from '../../../src/config.js';
import { NO_CALLER } from '../../../src/domain/caller.js';
import { bareProject, seedProject } from '../../../src/fixtures/seed.js';
import { createHarness } from '../../../src/harness/index.js';
import { OPERATIONS } from '../../../src/routes/registry.js';
import { openStore, type Store } from '../../../src/store/index.js';

let store: Store | undefined;
afterEach(() => store?.close());

function services(): Services {
  store = openStore(':memory:');
  seedProject(store, bareProject('P2', 'K2'), 'test', 0);
  const config = ConfigSchema.parse({ fixtures: 'none' });
  return { store, config, now: () => 0, harness: createHarness(config) };
}

type Spied = Record<string, (...args: unknown[]) => unknown>;

/**
 * Runs the operation at `path` with `body`, and answers, for each call of `method` on the store part
 * `part` picks, whether it ran inside a transaction.
 */
function transactionsSeen(
  path: string,
  body: unknown,
  part: (store: Store) => object,
  method: string,
): boolean[] {
  const s = services();
  const target = part(s.store) as Spied;
  const original = target[method] as (...args: unknown[]) => unknown;
  const seen: boolean[] = [];
  target[method] = (...args: unknown[]) => {
    seen.push(s.store.db.inTransaction);
    return original.apply(target, args);
  };
  const operation = OPERATIONS.find((candidate) => candidate.path === path);
  if (!operation) throw new Error(`no operation at ${path}`);
  runOperation(
    operation,
    {
      body,
      query: {},
      projectId: 'P2',
      services: s,
      caller: NO_CALLER,
      cookies: [],
      actorId: '',
      remoteAddress: '',
    },
    true,
  );
  return seen;
}

describe('role, tenant and access key searches (sent as POST)', () => {
  it('read without a transaction, so they take no write lock', () => {
    expect(transactionsSeen('/v1/mgmt/role/search', {}, (s) => s.roles, 'listRoles')).toEqual([false]);
    expect(transactionsSeen('/v1/mgmt/tenant/search', {}, (s) => s.tenants, 'list')).toEqual([false]);
    expect(transactionsSeen('/v1/mgmt/accesskey/search', {}, (s) => s.accessKeys, 'list')).toEqual([false]);
  });

  it('while a write sent as POST still runs in one', () => {
    expect(transactionsSeen('/v1/mgmt/tenant/create', { name: 'Acme' }, (s) => s.tenants, 'insert')).toEqual([
      true,
    ]);
  });
});
