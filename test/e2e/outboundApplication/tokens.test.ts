import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';

const mock = useMock();
const sdk = mock.sdk();
const outbound = () => sdk.management.outboundApplication;

const ADA = 'U2Ada0000000000000000000000';
const APP = 'crm';
const OTHER_APP = 'wiki';

beforeAll(async () => {
  await outbound().createApplication({ id: APP, name: 'CRM' });
  await outbound().createApplication({ id: OTHER_APP, name: 'Wiki' });
});

describe('management.outboundApplication user tokens', () => {
  it('uploads a token and fetches it back, latest and by scopes; the refresh token only when asked', async () => {
    const upload = await outbound().uploadUserToken({
      appId: APP,
      userId: ADA,
      accessToken: 'at-1',
      refreshToken: 'rt-1',
      accessTokenExpiry: 1_900_000_000,
      accessTokenType: 'Bearer',
      scopes: ['read', 'write'],
      externalIdentifier: 'ada-at-crm',
      grantedBy: 'ada',
      verifyRefresh: true,
    });
    expect(upload.ok).toBe(true);
    const latest = await outbound().fetchToken(APP, ADA);
    expect(latest.data).toEqual({
      id: expect.stringMatching(/^OT/),
      appId: APP,
      userId: ADA,
      tenantId: '',
      tokenSub: 'ada-at-crm',
      accessToken: 'at-1',
      accessTokenType: 'Bearer',
      accessTokenExpiry: '1900000000',
      hasRefreshToken: true,
      refreshToken: '',
      scopes: ['read', 'write'],
      grantedBy: 'ada',
      externalIdentifier: 'ada-at-crm',
    });
    const withRefresh = await outbound().fetchToken(APP, ADA, undefined, { withRefreshToken: true });
    expect(withRefresh.data!.refreshToken).toBe('rt-1');
    expect((await outbound().fetchTokenByScopes(APP, ADA, ['read'])).data!.id).toBe(latest.data!.id);
    expect((await outbound().fetchTokenByScopes(APP, ADA, [])).data!.id).toBe(latest.data!.id);
    expectRefused(await outbound().fetchTokenByScopes(APP, ADA, ['admin']), 400, 'E011004');
    expectRefused(await outbound().fetchToken(OTHER_APP, ADA), 400, 'E011004');
  });

  it("a new upload replaces the owner's token; a tenant's token is apart from the user's own", async () => {
    await outbound().uploadUserToken({ appId: APP, userId: ADA, accessToken: 'old', scopes: ['a'] });
    await outbound().uploadUserToken({ appId: APP, userId: ADA, accessToken: 'new', scopes: ['b'] });
    await outbound().uploadUserToken({ appId: APP, userId: ADA, tenantId: 'T2Acme', accessToken: 'in-acme' });
    expect((await outbound().fetchToken(APP, ADA)).data!.accessToken).toBe('new');
    expectRefused(await outbound().fetchTokenByScopes(APP, ADA, ['a']), 400, 'E011004');
    expect((await outbound().fetchToken(APP, ADA, 'T2Acme')).data).toMatchObject({
      accessToken: 'in-acme',
      tenantId: 'T2Acme',
      hasRefreshToken: false,
    });
    const inAcme = await outbound().fetchTokenByScopes(APP, ADA, [], undefined, 'T2Acme');
    expect(inAcme.data!.accessToken).toBe('in-acme');
  });

  it('lists the apps the user holds a usable token for, and deletes tokens by ID, app or user', async () => {
    await outbound().uploadUserApiKey(OTHER_APP, ADA, 'wiki-key');
    expect((await outbound().fetchToken(OTHER_APP, ADA)).data).toMatchObject({
      accessToken: 'wiki-key',
      accessTokenType: 'apikey',
    });
    expect((await outbound().listAppsWithUserToken(ADA)).data!.sort()).toEqual([APP, OTHER_APP]);
    expect((await outbound().listAppsWithUserToken(ADA, 'T2Acme')).data).toEqual([APP]);

    const wiki = (await outbound().fetchToken(OTHER_APP, ADA)).data!;
    expect((await outbound().deleteTokenById(wiki.id)).ok).toBe(true);
    expectRefused(await outbound().deleteTokenById(wiki.id), 400, 'E011004');
    expect((await outbound().listAppsWithUserToken(ADA)).data).toEqual([APP]);

    await outbound().uploadUserApiKey(OTHER_APP, ADA, 'wiki-key-2');
    expect((await outbound().deleteUserTokens(APP)).ok).toBe(true);
    expect((await outbound().listAppsWithUserToken(ADA)).data).toEqual([OTHER_APP]);
    expect((await outbound().deleteUserTokens(undefined, ADA)).ok).toBe(true);
    expect((await outbound().listAppsWithUserToken(ADA)).data).toEqual([]);
    expectRefused(await outbound().deleteUserTokens(), 400, 'E011002');
  });

  it('an expired access token without a refresh token is not usable', async () => {
    await outbound().uploadUserToken({
      appId: APP,
      userId: ADA,
      accessToken: 'stale',
      accessTokenExpiry: 1000,
    });
    expect((await outbound().listAppsWithUserToken(ADA)).data).toEqual([]);
    expect((await outbound().fetchToken(APP, ADA)).data!.accessTokenExpiry).toBe('1000');
    await outbound().deleteUserTokens(APP, ADA);
  });

  it('refuses uploads and fetches that name nothing or something unknown, or are too large', async () => {
    const token = { appId: APP, userId: ADA, accessToken: 'x' };
    expectRefused(await outbound().uploadUserToken({ ...token, appId: '' }), 400, 'E011002');
    expectRefused(await outbound().uploadUserToken({ ...token, userId: '' }), 400, 'E011002');
    expectRefused(await outbound().uploadUserToken({ appId: APP, userId: ADA }), 400, 'E011002');
    expectRefused(await outbound().uploadUserToken({ ...token, appId: 'nope' }), 400, 'E011004');
    expectRefused(await outbound().uploadUserToken({ ...token, userId: 'U2Nobody' }), 400, 'E011004');
    expectRefused(await outbound().uploadUserToken({ ...token, tenantId: 'T2Nope' }), 400, 'E011004');
    const huge = { ...token, accessToken: 'x'.repeat(16 * 1024 + 1) };
    expectRefused(await outbound().uploadUserToken(huge), 400, 'E011004');
    expectRefused(await outbound().uploadUserApiKey(APP, ADA, ''), 400, 'E011002');
    expectRefused(await outbound().fetchToken(APP, ''), 400, 'E011002');
    expectRefused(await outbound().fetchToken('nope', ADA), 400, 'E011004');
    expectRefused(await outbound().listAppsWithUserToken(''), 400, 'E011002');
    expect((await outbound().listAppsWithUserToken(ADA)).data).toEqual([]);
  });
});

describe('secrets in the request journal', () => {
  it('masks uploaded tokens, API keys and fetched tokens', async () => {
    await outbound().uploadUserToken({
      appId: APP,
      userId: ADA,
      accessToken: 'journal-at',
      refreshToken: 'journal-rt',
    });
    await outbound().uploadTenantApiKey(APP, 'T2Globex', 'journal-key');
    await outbound().fetchToken(APP, ADA, undefined, { withRefreshToken: true });
    const journal = JSON.stringify((await mock.control('GET', '/_mock/requests')).body);
    expect(journal).toContain('/v1/mgmt/outbound/app/user/token/latest');
    for (const secret of ['journal-at', 'journal-rt', 'journal-key']) expect(journal).not.toContain(secret);
    await outbound().deleteUserTokens(APP, ADA);
  });
});

describe('management.outboundApplication tenant tokens and batches', () => {
  it("uploads a tenant's token and API key and fetches them back", async () => {
    await outbound().uploadTenantToken({
      appId: APP,
      tenantId: 'T2Acme',
      refreshToken: 'acme-rt',
      scopes: ['admin'],
    });
    expect((await outbound().fetchTenantToken(APP, 'T2Acme', { withRefreshToken: true })).data).toMatchObject(
      {
        userId: '',
        tenantId: 'T2Acme',
        accessToken: '',
        refreshToken: 'acme-rt',
        hasRefreshToken: true,
      },
    );
    expect((await outbound().fetchTenantTokenByScopes(APP, 'T2Acme', ['admin'])).data!.refreshToken).toBe('');
    expectRefused(await outbound().fetchTenantTokenByScopes(APP, 'T2Acme', ['root']), 400, 'E011004');
    await outbound().uploadTenantApiKey(OTHER_APP, 'T2Globex', 'globex-key');
    expect((await outbound().fetchTenantToken(OTHER_APP, 'T2Globex')).data!.accessToken).toBe('globex-key');
    expectRefused(await outbound().fetchTenantToken(OTHER_APP, 'T2Acme'), 400, 'E011004');
    expectRefused(await outbound().fetchTenantToken(APP, ''), 400, 'E011002');
    expectRefused(
      await outbound().uploadTenantToken({ appId: APP, tenantId: '', accessToken: 'x' }),
      400,
      'E011002',
    );
  });

  it('a batch is all or nothing: one failure stores none and lists every failure', async () => {
    const failed = await outbound().batchUploadUserTokens([
      { appId: APP, userId: ADA, accessToken: 'batch-1' },
      { appId: 'nope', userId: ADA, accessToken: 'batch-2' },
      { appId: APP, userId: 'U2Nobody', accessToken: 'batch-3' },
    ]);
    expect(failed.ok).toBe(true);
    expect(failed.data!.failures).toEqual([
      { appId: 'nope', userId: ADA, errorCode: 'E011004', reason: expect.stringContaining('nope') },
      { appId: APP, userId: 'U2Nobody', errorCode: 'E011004', reason: expect.stringContaining('U2Nobody') },
    ]);
    expectRefused(await outbound().fetchToken(APP, ADA), 400, 'E011004');

    const stored = await outbound().batchUploadUserTokens([
      { appId: APP, userId: ADA, accessToken: 'batch-1' },
      { appId: OTHER_APP, userId: ADA, accessToken: 'batch-2', tenantId: 'T2Globex' },
    ]);
    expect(stored.data).toEqual({ failures: [] });
    expect((await outbound().fetchToken(APP, ADA)).data!.accessToken).toBe('batch-1');
    expect((await outbound().fetchToken(OTHER_APP, ADA, 'T2Globex')).data!.accessToken).toBe('batch-2');

    const tenants = await outbound().batchUploadTenantTokens([
      { appId: OTHER_APP, tenantId: 'T2Acme', accessToken: 'acme-batch' },
      { appId: OTHER_APP, tenantId: 'T2Nope', accessToken: 'nope' },
    ]);
    expect(tenants.data!.failures).toEqual([
      {
        appId: OTHER_APP,
        tenantId: 'T2Nope',
        errorCode: 'E011004',
        reason: expect.stringContaining('T2Nope'),
      },
    ]);
    expect(
      (
        await outbound().batchUploadTenantTokens([
          { appId: OTHER_APP, tenantId: 'T2Acme', accessToken: 'ok' },
        ])
      ).data,
    ).toEqual({ failures: [] });
    expect((await outbound().fetchTenantToken(OTHER_APP, 'T2Acme')).data!.accessToken).toBe('ok');
    expectRefused(await outbound().batchUploadUserTokens([]), 400, 'E011002');
  });
});
