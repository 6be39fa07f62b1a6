import DescopeClient from '@descope/node-sdk';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_SETTINGS } from '../../../src/domain/passwordSettings.js';
import { expectRefused, useMock } from '../../helpers/mock.js';
import { SESSION_FIXTURE, sessionProject } from '../../helpers/session.js';

/** Management `password.getSettings` / `configureSettings` (descope-mgmt-more.md §7). */
const mock = useMock();

const projectSdk = async () => {
  const credentials = await sessionProject(mock);
  return { ...credentials, sdk: DescopeClient({ ...credentials, baseUrl: mock.url }) };
};

/** As the Node SDK's PasswordSettings type has it: `nonAlphaNumeric`, not the wire's `nonAlphanumeric`. */
const { nonAlphanumeric: _, ...DEFAULTS_AS_NODE_TYPES } = DEFAULT_PASSWORD_SETTINGS;
const STRICT = {
  ...DEFAULTS_AS_NODE_TYPES,
  minLength: 12,
  uppercase: true,
  number: true,
  nonAlphaNumeric: true,
  lock: true,
  lockAttempts: 5,
};

describe('management password settings', () => {
  it("answers Descope's default policy for a project that never configured one", async () => {
    const { sdk } = await projectSdk();
    const read = await sdk.management.password.getSettings('');
    expect(read.ok).toBe(true);
    expect(read.data).toEqual({ tenantId: '', ...DEFAULT_PASSWORD_SETTINGS });
    expect(read.data).toMatchObject({ enabled: true, minLength: 8, uppercase: false, lockAttempts: 0 });
  });

  it("keeps the project's and each tenant's policy apart; an unconfigured tenant reads the project's", async () => {
    const { sdk } = await projectSdk();
    const { password } = sdk.management;
    expect((await password.configureSettings('', STRICT)).ok).toBe(true);
    const { nonAlphaNumeric, ...strict } = STRICT;
    const project = { ...strict, nonAlphanumeric: nonAlphaNumeric };
    expect((await password.getSettings('')).data).toEqual({ tenantId: '', ...project });
    expect((await password.getSettings('T2Acme')).data).toEqual({ tenantId: 'T2Acme', ...project });

    const tenant = { ...STRICT, minLength: 6, uppercase: false, nonAlphaNumeric: false };
    expect((await password.configureSettings('T2Acme', tenant)).ok).toBe(true);
    expect((await password.getSettings('T2Acme')).data).toMatchObject({
      tenantId: 'T2Acme',
      minLength: 6,
      uppercase: false,
      nonAlphanumeric: false,
    });
    expect((await password.getSettings('')).data).toMatchObject({ minLength: 12, uppercase: true });
    expect((await password.getSettings('T2Globex')).data).toMatchObject({ minLength: 12 });
  });

  it('replaces every field: a key left out becomes its zero value', async () => {
    const { projectId, managementKey } = await projectSdk();
    const auth = `Bearer ${projectId}:${managementKey}`;
    const configured = await mock.http('POST', '/v1/mgmt/password/settings', {
      auth,
      body: { minLength: 10, lowercase: true },
    });
    expect(configured).toMatchObject({ status: 200, body: {} });
    const read = await mock.http('GET', '/v1/mgmt/password/settings', { auth });
    expect(read.body).toEqual({
      ...DEFAULT_PASSWORD_SETTINGS,
      tenantId: '',
      enabled: false,
      minLength: 10,
      lowercase: true,
    });
  });

  it('refuses an unknown tenant, a wrong type and a negative length (400)', async () => {
    const { projectId, managementKey } = await projectSdk();
    const auth = `Bearer ${projectId}:${managementKey}`;
    expectRefused(
      await mock.http('GET', '/v1/mgmt/password/settings?tenantId=T2Nope', { auth }),
      400,
      'E011004',
    );
    expectRefused(
      await mock.http('POST', '/v1/mgmt/password/settings', { auth, body: { tenantId: 'T2Nope' } }),
      400,
      'E011004',
    );
    expectRefused(
      await mock.http('POST', '/v1/mgmt/password/settings', { auth, body: { minLength: 'long' } }),
      400,
      'E011001',
    );
    expectRefused(
      await mock.http('POST', '/v1/mgmt/password/settings', { auth, body: { minLength: -1 } }),
      400,
      'E011004',
    );
  });

  it("goes with its tenant: a tenant deleted and made again reads the project's policy", async () => {
    const { sdk } = await projectSdk();
    const { password, tenant } = sdk.management;
    expect((await password.configureSettings('T2Globex', { ...STRICT, minLength: 20 })).ok).toBe(true);
    expect((await tenant.delete('T2Globex')).ok).toBe(true);
    expect((await tenant.createWithId('T2Globex', 'Globex again')).ok).toBe(true);
    expect((await password.getSettings('T2Globex')).data).toMatchObject({ minLength: 8 });
  });

  it('is kept by a snapshot and its restore, and a reset goes back to the seeded policy', async () => {
    const seeded = await sessionProject(mock, {
      ...SESSION_FIXTURE,
      passwordSettings: { minLength: 9 },
      tenants: [
        { id: 'T2Acme', name: 'Acme', passwordSettings: { minLength: 7, number: true } },
        { id: 'T2Globex', name: 'Globex' },
      ],
    });
    const { projectId } = seeded;
    const sdk = DescopeClient({ ...seeded, baseUrl: mock.url });
    const { password } = sdk.management;
    expect((await password.getSettings('')).data).toEqual({
      tenantId: '',
      ...DEFAULT_PASSWORD_SETTINGS,
      minLength: 9,
    });
    expect((await password.getSettings('T2Acme')).data).toMatchObject({ minLength: 7, number: true });

    expect((await password.configureSettings('T2Globex', { ...STRICT, minLength: 15 })).ok).toBe(true);
    const snapshot = (await mock.control('GET', `/_mock/projects/${projectId}/snapshot`)).body;
    expect(snapshot.passwordSettings).toEqual({ ...DEFAULT_PASSWORD_SETTINGS, minLength: 9 });
    const globex = snapshot.tenants.find((t: { id: string }) => t.id === 'T2Globex');
    expect(globex.passwordSettings).toMatchObject({ minLength: 15, uppercase: true });

    expect((await mock.control('POST', '/_mock/reset', { projectId })).status).toBe(200);
    expect((await password.getSettings('T2Globex')).data).toMatchObject({ minLength: 9 });

    expect((await mock.control('PUT', `/_mock/projects/${projectId}/snapshot`, snapshot)).status).toBe(200);
    expect((await password.getSettings('T2Globex')).data).toMatchObject({ minLength: 15, uppercase: true });
  });
});
