import { describe, expect, it } from 'vitest';
import { CREDENTIALS_FIXTURES, expectRefused, TEST_PROJECT, useMock } from '../../helpers/mock.js';

const ADA = 'U2Ada0000000000000000000000';
const TESS = 'U2Tess000000000000000000000';
const NOW_MS = 1_800_000_000_000;

// A pinned clock, so that the recorded revocation time can be checked exactly.
const mock = useMock({ fixtures: CREDENTIALS_FIXTURES }, { now: () => NOW_MS });
const sdk = mock.sdk();

const { projectId } = TEST_PROJECT;

describe('management.user.logoutUser / logoutUserByUserId', () => {
  it('logs a user out by login ID: {} and the revocation time kept for later sign-ins', async () => {
    expect(mock.app.services.store.sessions.revokedAt(projectId, ADA)).toBeUndefined();
    const result = await sdk.management.user.logoutUser('ada@example.com');
    expect(result.ok).toBe(true);
    expect(result.data).toEqual({});
    expect(mock.app.services.store.sessions.revokedAt(projectId, ADA)).toBe(NOW_MS);
  });

  it('logs a user out by user ID, and a later logout moves the time', async () => {
    const result = await sdk.management.user.logoutUserByUserId(TESS);
    expect(result.ok).toBe(true);
    expect(mock.app.services.store.sessions.revokedAt(projectId, TESS)).toBe(NOW_MS);

    mock.app.services.now = () => NOW_MS + 5000;
    await sdk.management.user.logoutUserByUserId(TESS);
    expect(mock.app.services.store.sessions.revokedAt(projectId, TESS)).toBe(NOW_MS + 5000);
    mock.app.services.now = () => NOW_MS;
  });

  it('404s (E112102) for an unknown login ID or user ID, 400 (E011002) with neither', async () => {
    for (const result of [
      await sdk.management.user.logoutUser('nobody@example.com'),
      await sdk.management.user.logoutUserByUserId('U2Nobody000000000000000000'),
    ]) {
      expectRefused(result, 404, 'E112102');
    }
    const empty = await mock.http('POST', '/v1/mgmt/user/logout', { body: { sessionTypes: ['web'] } });
    expectRefused(empty, 400, 'E011002');
  });
});

describe('management.user.history and POST /v2/mgmt/user/history', () => {
  it('answers a bare array of sign-ins, newest first per user, users in the order asked', async () => {
    const result = await sdk.management.user.history([TESS, ADA]);
    expect(result.ok).toBe(true);
    expect(result.data).toEqual([
      {
        userId: TESS,
        loginTime: 1724000000,
        city: 'Berlin',
        country: 'DE',
        ip: '192.0.2.12',
        selectedTenant: '',
      },
      {
        userId: ADA,
        loginTime: 1724411111,
        city: 'London',
        country: 'GB',
        ip: '192.0.2.11',
        selectedTenant: '',
      },
      {
        userId: ADA,
        loginTime: 1724400000,
        city: 'Paris',
        country: 'FR',
        ip: '192.0.2.10',
        selectedTenant: 'T2Acme',
      },
    ]);
  });

  it('is empty for users who never signed in and for unknown user IDs; a non-array body is 400', async () => {
    const result = await sdk.management.user.history([
      'U2Bob0000000000000000000000',
      'U2Nobody000000000000000000',
    ]);
    expect(result.ok).toBe(true);
    expect(result.data).toEqual([]);

    const wrong = await mock.http('POST', '/v1/mgmt/user/history', { body: { userIds: [ADA] } });
    expectRefused(wrong, 400, 'E011001');
  });

  it('v2 takes {userIds} and wraps the list as {usersAuthHistory}', async () => {
    const result = await mock.http('POST', '/v2/mgmt/user/history', { body: { userIds: [TESS] } });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      usersAuthHistory: [
        {
          userId: TESS,
          loginTime: 1724000000,
          city: 'Berlin',
          country: 'DE',
          ip: '192.0.2.12',
          selectedTenant: '',
        },
      ],
    });
  });
});

describe('management.user.listTrustedDevices / removeTrustedDevices', () => {
  const ADA_DEVICES = [
    {
      id: 'dev-1',
      name: 'Chrome on macOS',
      deviceType: 'desktop',
      userId: ADA,
      lastLoginTime: '1724411111',
      expirationTime: '1727003111',
      lastLocation: 'London, GB',
      isCurrentDevice: false,
    },
    {
      id: 'dev-2',
      name: 'Safari on iPhone',
      deviceType: 'mobile',
      userId: ADA,
      lastLoginTime: '1724400000',
      expirationTime: '1726992000',
      lastLocation: 'Paris, FR',
      isCurrentDevice: false,
    },
  ];

  it('lists the devices of several users (login ID or user ID), the times as strings of epoch seconds', async () => {
    const result = await sdk.management.user.listTrustedDevices(['ada@example.com', TESS]);
    expect(result.ok).toBe(true);
    expect(result.data).toEqual([
      ...ADA_DEVICES,
      {
        id: 'dev-3',
        name: 'Firefox on Linux',
        deviceType: '',
        userId: TESS,
        lastLoginTime: '1724000000',
        expirationTime: '1726592000',
        lastLocation: '',
        isCurrentDevice: false,
      },
    ]);
  });

  it('404s when an identifier names no user, 400 without identifiers', async () => {
    const unknown = await sdk.management.user.listTrustedDevices(['ada@example.com', 'nobody@example.com']);
    expectRefused(unknown, 404, 'E112102');
    const empty = await sdk.management.user.listTrustedDevices([]);
    expectRefused(empty, 400, 'E011002');
  });

  it('removes the named devices of one user (sent as `identifier`), skipping IDs it does not hold', async () => {
    const result = await sdk.management.user.removeTrustedDevices('ada@example.com', [
      'dev-2',
      'dev-3',
      'dev-x',
    ]);
    expect(result.ok).toBe(true);
    expect(result.data).toEqual({});
    const stored = mock.app.services.store.credentials;
    expect(stored.trustedDevices(projectId, ADA).map((device) => device.id)).toEqual(['dev-1']);
    // dev-3 is Tess's: removing it through Ada leaves it alone.
    expect(stored.trustedDevices(projectId, TESS).map((device) => device.id)).toEqual(['dev-3']);
  });

  it('accepts the spec spelling `loginId`, refuses empty deviceIds (400) and unknown users (404)', async () => {
    const bySpec = await mock.http('POST', '/v1/mgmt/user/trusteddevices/remove', {
      body: { loginId: TESS, deviceIds: ['dev-3'] },
    });
    expect(bySpec.status).toBe(200);
    expect(mock.app.services.store.credentials.trustedDevices(projectId, TESS)).toEqual([]);

    const empty = await sdk.management.user.removeTrustedDevices('ada@example.com', []);
    expectRefused(empty, 400, 'E011002');
    const unknown = await sdk.management.user.removeTrustedDevices('nobody@example.com', ['dev-1']);
    expectRefused(unknown, 404, 'E112102');
  });
});

describe('management.user.getProviderToken', () => {
  it('answers the stored token, with the refresh token only when asked for', async () => {
    const plain = await sdk.management.user.getProviderToken('ada@example.com', 'google');
    expect(plain.ok).toBe(true);
    expect(plain.data).toEqual({
      provider: 'google',
      providerUserId: 'g-123',
      accessToken: 'ya29.ada',
      expiration: 1893456000,
      scopes: ['openid', 'email'],
      refreshToken: '',
    });
    const withRefresh = await sdk.management.user.getProviderToken(ADA, 'google', { withRefreshToken: true });
    expect((withRefresh.data as { refreshToken?: string }).refreshToken).toBe('1//ada-refresh');
  });

  it('forceRefresh issues and keeps a new access token valid for an hour', async () => {
    const result = await sdk.management.user.getProviderToken('ada@example.com', 'google', {
      forceRefresh: true,
    });
    expect(result.ok).toBe(true);
    expect(result.data?.accessToken).toMatch(/^mock-access-[0-9a-f]{64}$/);
    expect(result.data?.expiration).toBe(NOW_MS / 1000 + 3600);
    const stored = mock.app.services.store.credentials.providerToken(projectId, ADA, 'google');
    expect(stored?.accessToken).toBe(result.data?.accessToken);
    expect(stored?.refreshToken).toBe('1//ada-refresh');
  });

  it('is a 400 E011004 for a provider the user has no token for, 404 for an unknown user', async () => {
    const none = await sdk.management.user.getProviderToken('ada@example.com', 'github');
    expect(expectRefused(none, 400, 'E011004').errorMessage).toBe('User has no token for provider "github"');
    const unknown = await sdk.management.user.getProviderToken('nobody@example.com', 'google');
    expectRefused(unknown, 404, 'E112102');
    const noProvider = await mock.http('GET', '/v1/mgmt/user/provider/token?loginId=ada%40example.com');
    expectRefused(noProvider, 400, 'E011002');
  });
});
