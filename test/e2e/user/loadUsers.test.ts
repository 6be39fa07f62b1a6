import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { loaded } from '../../helpers/user.js';

/** management.user.loadUsers: POST /v1/mgmt/users/load (descope-api.md 4.7). */

const mock = useMock();
const sdk = mock.sdk();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const batch = await sdk.management.user.createBatch([
    { loginId: 'on@example.com', status: 'enabled' },
    { loginId: 'off@example.com', status: 'disabled' },
    { loginId: 'new@example.com' },
  ]);
  for (const user of batch.data!.createdUsers) ids[user.loginIds[0]!] = user.userId;
});

describe('management.user.loadUsers', () => {
  it('answers the valid users asked for, in order, without the disabled ones', async () => {
    const request = [
      ids['new@example.com']!,
      ids['off@example.com']!,
      'U2Unknown000000000000000000',
      ids['on@example.com']!,
    ];
    const result = await sdk.management.user.loadUsers(request);
    expect(result.error).toBeUndefined();
    expect(result.data?.map((user) => user.loginIds[0])).toEqual(['new@example.com', 'on@example.com']);
    expect(result.data?.[0]).toEqual(await loaded(sdk, 'new@example.com'));
  });

  it('includeInvalidUsers adds the disabled ones; total counts the users answered', async () => {
    const raw = await mock.http('POST', '/v1/mgmt/users/load', {
      body: { userIds: [ids['off@example.com'], ids['on@example.com']], includeInvalidUsers: true },
    });
    expect(raw.status).toBe(200);
    expect(raw.body.total).toBe(2);
    expect(raw.body.users.map((user: { status: string }) => user.status)).toEqual(['disabled', 'enabled']);
  });

  it('an empty list is 400 E011002', async () => {
    const result = await sdk.management.user.loadUsers([]);
    expectRefused(result, 400, 'E011002');
  });
});
