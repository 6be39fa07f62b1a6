import DescopeClient from '@descope/node-sdk';
import { describe, expect, it } from 'vitest';
import { expectRefused, OTHER_PROJECT, TEST_PROJECT, useMock } from '../../helpers/mock.js';

const mock = useMock();

const RENAME = { loginId: 'ada@example.com', displayName: 'Renamed by a stranger' };

/** Ada's name as stored, read with valid credentials. */
async function adaName(): Promise<string> {
  const loaded = await mock.sdk().management.user.load('ada@example.com');
  expect(loaded.ok).toBe(true);
  return loaded.data!.name!;
}

describe('management credentials', () => {
  it.each([
    ['no Authorization header', null, 'Missing Authorization header'],
    ['a project ID without key', `Bearer ${TEST_PROJECT.projectId}`, 'Authorization header must be'],
    ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`, 'Authorization header must be'],
    ['a wrong key', `Bearer ${TEST_PROJECT.projectId}:K2Wrong`, 'Invalid management key for this project'],
    ['a key one character short', `Bearer ${TEST_PROJECT.projectId}:K2TestKe`, 'Invalid management key'],
    ['an unknown project', 'Bearer P2NoSuchProject:K2TestKey', 'Invalid management key for this project'],
    [
      'project A’s key on project B',
      `Bearer ${OTHER_PROJECT.projectId}:${TEST_PROJECT.managementKey}`,
      'Invalid management key',
    ],
    [
      'project B’s key on project A',
      `Bearer ${TEST_PROJECT.projectId}:${OTHER_PROJECT.managementKey}`,
      'Invalid management key',
    ],
  ])('refuses %s with 401 and Descope’s body, changing nothing', async (_name, auth, message) => {
    const response = await mock.http('POST', '/v1/mgmt/user/update/name', { body: RENAME, auth });
    expect(expectRefused(response, 401, 'E011003').errorMessage).toContain(message);
    // The message never echoes the key it was given.
    expect(JSON.stringify(response.body)).not.toContain('K2');
    expect(await adaName()).toBe('Ada Lovelace');
  });

  it('refuses the SDK built without a management key (it sends `Bearer <projectId>`)', async () => {
    const sdk = DescopeClient({ projectId: TEST_PROJECT.projectId, baseUrl: mock.url });
    const result = await sdk.management.user.updateDisplayName('ada@example.com', 'No key');
    expect(result.ok).toBe(false);
    expect(result.code).toBe(401);
    expect(result.error?.errorCode).toBe('E011003');
    expect(await adaName()).toBe('Ada Lovelace');
  });

  it('scopes each key to its own project: the same login ID is another user there', async () => {
    const other = mock.sdk(OTHER_PROJECT);
    expect((await other.management.user.load('ada@example.com')).code).toBe(404);
    const created = await other.management.user.create('ada@example.com', { displayName: 'Other Ada' });
    expect(created.ok).toBe(true);
    expect(created.data?.userId).not.toBe('U2Ada0000000000000000000000');
    expect(await adaName()).toBe('Ada Lovelace');
    expect((await other.management.user.load('ada@example.com')).data?.name).toBe('Other Ada');
  });

  it('opens the default project beside the fixture projects, bare', async () => {
    const sdk = mock.sdk({
      projectId: 'P2MockProject000000000000000',
      managementKey: 'K2MockManagementKey000000000',
    });
    const missing = await sdk.management.user.load('ada@example.com');
    expect(missing.code).toBe(404);
    expect(missing.error?.errorCode).toBe('E112102');
  });

  it('answers /_mock/health without credentials', async () => {
    const health = await mock.http('GET', '/_mock/health', { auth: null });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
  });
});
