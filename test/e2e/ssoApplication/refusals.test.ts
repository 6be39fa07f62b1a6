import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { appProject } from './project.js';

/** What management `ssoApplication.*` refuses (descope-mgmt-more.md §3, §0: codes inferred). */
const mock = useMock();

describe('what the calls refuse', () => {
  it('a missing name or ID (E011002), a taken, unknown or wrongly typed ID (E011004)', async () => {
    const { sdk, projectId, managementKey } = await appProject(mock);
    const { ssoApplication } = sdk.management;
    expectRefused(await ssoApplication.createOidcApplication({ name: '', loginPageUrl: '' }), 400, 'E011002');
    expect(
      (await ssoApplication.createSamlApplication({ id: 'taken', name: 'A', loginPageUrl: '' })).ok,
    ).toBe(true);
    for (const again of [
      await ssoApplication.createOidcApplication({ id: 'taken', name: 'B', loginPageUrl: '' }),
      await ssoApplication.createOidcApplication({ id: 'descope-default-oidc', name: 'B', loginPageUrl: '' }),
    ]) {
      expectRefused(again, 400, 'E011004');
    }
    expectRefused(
      await ssoApplication.updateOidcApplication({ id: 'taken', name: 'A', loginPageUrl: '' }),
      400,
      'E011004',
    );
    expectRefused(
      await ssoApplication.updateSamlApplication({ id: 'taken', name: '', loginPageUrl: '' }),
      400,
      'E011002',
    );
    const nowhere = { id: 'nowhere', name: 'N', loginPageUrl: '', realm: '', replyUrl: '' };
    expectRefused(await ssoApplication.updateWsFedApplication(nowhere), 400, 'E011004');
    expectRefused(await ssoApplication.delete('nowhere'), 400, 'E011004');
    expectRefused(await ssoApplication.load('nowhere'), 400, 'E011004');

    const auth = `Bearer ${projectId}:${managementKey}`;
    expectRefused(await mock.http('GET', '/v1/mgmt/sso/idp/app/load', { auth }), 400, 'E011002');
    expectRefused(await mock.http('POST', '/v1/mgmt/sso/idp/app/delete', { auth, body: {} }), 400, 'E011002');
    expectRefused(
      await mock.http('POST', '/v1/mgmt/sso/idp/app/oidc/update', { auth, body: { name: 'X' } }),
      400,
      'E011002',
    );
    const wrongType = { auth, body: { name: 5 } };
    expectRefused(await mock.http('POST', '/v1/mgmt/sso/idp/app/oidc/create', wrongType), 400, 'E011001');
    // Nothing half-made: the refused creates left only the two apps.
    expect((await ssoApplication.loadAll()).data?.map((app) => app.id)).toEqual([
      'descope-default-oidc',
      'taken',
    ]);
  });

  it("keeps projects apart: another project's app is unknown here", async () => {
    const first = await appProject(mock);
    const second = await appProject(mock);
    await first.sdk.management.ssoApplication.createOidcApplication({
      id: 'mine',
      name: 'Mine',
      loginPageUrl: '',
    });
    expectRefused(await second.sdk.management.ssoApplication.load('mine'), 400, 'E011004');
  });
});
