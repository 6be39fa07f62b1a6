import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREDENTIALS_FIXTURES, useMock } from '../../helpers/mock.js';

/**
 * The user calls that only read run in no transaction, whatever their method (runOperation opens one for a
 * write only, src/app/operation.ts): searches, loads, lists and history are POSTs that take no write lock.
 * provider/token is a GET that may write (forceRefresh), so it runs in one.
 */

const mock = useMock({ fixtures: CREDENTIALS_FIXTURES });

/** How many transactions (savepoints included) the store opened while `call` ran. */
async function transactionsDuring(call: () => Promise<{ status: number }>): Promise<number> {
  const spy = vi.spyOn(mock.app.services.store, 'transaction');
  const { status } = await call();
  expect(status).toBe(200);
  return spy.mock.calls.length;
}

afterEach(() => vi.restoreAllMocks());

describe('user calls that only read', () => {
  const reads: [string, unknown][] = [
    ['/v2/mgmt/user/search', { limit: 5 }],
    ['/v2/mgmt/user/search/test', {}],
    ['/v1/mgmt/user/search', {}],
    ['/v1/mgmt/users/load', { userIds: ['U2Ada0000000000000000000000'] }],
    ['/v1/mgmt/user/passkeys/list', { loginId: 'ada@example.com' }],
    ['/v1/mgmt/user/history', ['U2Ada0000000000000000000000']],
    ['/v2/mgmt/user/history', { userIds: ['U2Ada0000000000000000000000'] }],
    ['/v1/mgmt/user/trusteddevices/list', { identifiers: ['ada@example.com'] }],
    ['/v1/mgmt/user/recovery-codes/delete', { loginId: 'ada@example.com' }],
  ];
  it.each(reads)('POST %s opens no transaction', async (path, body) => {
    expect(await transactionsDuring(() => mock.http('POST', path, { body }))).toBe(0);
  });

  it('a write still opens one: update/name', async () => {
    const rename = () =>
      mock.http('POST', '/v1/mgmt/user/update/name', {
        body: { loginId: 'bob@example.com', displayName: 'B' },
      });
    expect(await transactionsDuring(rename)).toBe(1);
  });

  it('GET provider/token opens one, since forceRefresh writes a new access token', async () => {
    const path = '/v1/mgmt/user/provider/token?loginId=ada%40example.com&provider=google&forceRefresh=true';
    expect(await transactionsDuring(() => mock.http('GET', path))).toBe(1);
  });
});
