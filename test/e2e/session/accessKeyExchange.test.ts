import DescopeClient from '@descope/node-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, startMock, useMock } from '../../helpers/mock.js';
import { decoded, sessionProject } from '../../helpers/session.js';

/**
 * `POST /v1/auth/accesskey/exchange` (descope-auth-api.md §6.10, §3.4): a key made through the management
 * SDK, exchanged through the official SDK's `exchangeAccessKey` and validated by it locally.
 */

const mock = useMock({ fixtures: 'none' });
const PATH = '/v1/auth/accesskey/exchange';
let projectId: string;
let managementKey: string;
let sdk: ReturnType<typeof DescopeClient>;

beforeAll(async () => {
  ({ projectId, managementKey } = await sessionProject(mock));
  sdk = DescopeClient({ projectId, managementKey, baseUrl: mock.url });
});

interface KeyOptions {
  expireTime?: number;
  roles?: string[];
  tenants?: { tenantId: string; roleNames: string[] }[];
  customClaims?: Record<string, unknown>;
  permittedIps?: string[];
}

/** A new key through `management.accessKey.create`: its ID and cleartext. */
async function createKey(options: KeyOptions = {}, client = sdk): Promise<{ id: string; cleartext: string }> {
  const created = await client.management.accessKey.create(
    'exchange test',
    options.expireTime ?? 0,
    options.roles,
    options.tenants,
    undefined,
    options.customClaims,
    undefined,
    options.permittedIps,
  );
  expect(created.ok).toBe(true);
  return { id: created.data!.key.id, cleartext: created.data!.cleartext };
}

const exchangeRaw = (bearer: string, body: unknown = { loginOptions: {} }) =>
  mock.http('POST', PATH, { auth: `Bearer ${bearer}`, body });

describe('exchangeAccessKey through the SDK', () => {
  it('answers a session of the key: its ID as subject, its roles, tenants and claims, validated by the SDK', async () => {
    const { id, cleartext } = await createKey({
      roles: ['Viewer', 'Auditor'],
      tenants: [
        { tenantId: 'T2Acme', roleNames: ['Approver'] },
        { tenantId: 'T2Globex', roleNames: [] },
      ],
      customClaims: { team: 'ci' },
    });
    const info = await sdk.exchangeAccessKey(cleartext, {
      customClaims: { run: 42 },
      selectedTenant: 'T2Acme',
    });
    expect(info.token).toMatchObject({
      sub: id,
      iss: projectId,
      drn: 'DS',
      roles: ['Viewer', 'Auditor'],
      permissions: ['Read Reports'],
      tenants: { T2Acme: { roles: ['Approver'], permissions: ['Approve Invoices'] }, T2Globex: {} },
      dct: 'T2Acme',
      team: 'ci',
      nsec: { run: 42 },
    });
    // No amr for an access key (§12), no refresh expiry without a refresh token, and the client's claims
    // never at the top level without a management key.
    expect(info.token).not.toHaveProperty('amr');
    expect(info.token).not.toHaveProperty('rexp');
    expect(info.token).not.toHaveProperty('run');
    expect(sdk.validateRoles(info, ['Viewer', 'Auditor'])).toBe(true);
    expect(sdk.validateRoles(info, ['Approver'])).toBe(false);
    expect(sdk.validatePermissions(info, ['Read Reports'])).toBe(true);
    expect(sdk.validateTenantRoles(info, 'T2Acme', ['Approver'])).toBe(true);
    expect(sdk.validateTenantPermissions(info, 'T2Acme', ['Approve Invoices'])).toBe(true);
    expect(sdk.validateTenantRoles(info, 'T2Globex', [])).toBe(true);
    expect(sdk.validateTenantRoles(info, 'T2Globex', ['Approver'])).toBe(false);
    await expect(sdk.validateSession(info.jwt)).resolves.toBeDefined();
  });

  it('answers keyId, sessionJwt and expiration (the session exp) and lives the project session TTL', async () => {
    const { id, cleartext } = await createKey({ roles: ['Viewer'] });
    const answer = await sdk.accessKey.exchange(cleartext);
    expect(answer.ok).toBe(true);
    expect(Object.keys(answer.data!).sort()).toEqual(['expiration', 'keyId', 'sessionJwt']);
    const { claims } = decoded(answer.data!.sessionJwt);
    expect(answer.data).toMatchObject({ keyId: id, expiration: claims.exp });
    expect(claims.exp - claims.iat).toBe(600);
    // Nothing asked, nothing under nsec, no tenant selected.
    expect(claims).not.toHaveProperty('nsec');
    expect(claims).not.toHaveProperty('dct');
  });

  it("puts the client's claims at the top level when the bearer appends the management key (§12)", async () => {
    const { cleartext } = await createKey({ customClaims: { team: 'ci' } });
    const trusted = DescopeClient({ projectId, baseUrl: mock.url, authManagementKey: managementKey });
    const info = await trusted.exchangeAccessKey(cleartext, { customClaims: { run: 42 } });
    expect(info.token).toMatchObject({ team: 'ci', run: 42 });
    expect(info.token).not.toHaveProperty('nsec');
  });

  it('gives a key without roles or tenants a session without them', async () => {
    const { id, cleartext } = await createKey();
    const info = await sdk.exchangeAccessKey(cleartext);
    expect(info.token.sub).toBe(id);
    expect(info.token).not.toHaveProperty('roles');
    expect(info.token).not.toHaveProperty('tenants');
    expect(sdk.validateRoles(info, ['Viewer'])).toBe(false);
  });

  it('follows the permitted IPs: an address, a CIDR, or the IPv4-mapped form of the loopback', async () => {
    for (const permittedIps of [['127.0.0.1'], ['10.0.0.0/8', '127.0.0.0/8'], ['::ffff:127.0.0.1']]) {
      const { cleartext } = await createKey({ permittedIps });
      await expect(sdk.exchangeAccessKey(cleartext)).resolves.toBeDefined();
    }
  });
});

describe('the exchange body', () => {
  it('tolerates no loginOptions, an empty one, and unknown fields', async () => {
    const { id, cleartext } = await createKey();
    for (const body of [{}, { loginOptions: {} }, { loginOptions: { mfa: true }, extra: 1 }]) {
      const answer = await exchangeRaw(`${projectId}:${cleartext}`, body);
      expect(answer.status).toBe(200);
      expect(answer.body.keyId).toBe(id);
    }
    const noBody = await mock.http('POST', PATH, { auth: `Bearer ${projectId}:${cleartext}` });
    expect(noBody.status).toBe(200);
  });

  it('refuses a selected tenant the key is not in: 400 E011004', async () => {
    const { cleartext } = await createKey({ tenants: [{ tenantId: 'T2Acme', roleNames: [] }] });
    const answer = await exchangeRaw(`${projectId}:${cleartext}`, {
      loginOptions: { selectedTenant: 'T2Globex' },
    });
    expectRefused(answer, 400, 'E011004');
    await expect(sdk.exchangeAccessKey(cleartext, { selectedTenant: 'T2Globex' })).rejects.toThrow(
      /could not exchange access key - .*T2Globex/,
    );
  });
});

describe('the exchange refuses', () => {
  it('a bearer without a key: 400 E062802', async () => {
    expectRefused(await exchangeRaw(projectId), 400, 'E062802');
    expectRefused(await exchangeRaw(`${projectId}:`), 400, 'E062802');
  });

  it('an unknown key: 401 E062803, through the SDK too', async () => {
    expectRefused(await exchangeRaw(`${projectId}:K2NotAKey`), 401, 'E062803');
    await expect(sdk.exchangeAccessKey('K2NotAKey')).rejects.toThrow(
      /could not exchange access key - Invalid access key/,
    );
  });

  it("another project's key", async () => {
    const other = await sessionProject(mock);
    const otherSdk = DescopeClient({ ...other, baseUrl: mock.url });
    const { cleartext } = await createKey({}, otherSdk);
    expectRefused(await exchangeRaw(`${projectId}:${cleartext}`), 401, 'E062803');
    expect((await exchangeRaw(`${other.projectId}:${cleartext}`)).status).toBe(200);
  });

  it('a deactivated key, and takes it back once activated', async () => {
    const { id, cleartext } = await createKey();
    expect((await sdk.management.accessKey.deactivate(id)).ok).toBe(true);
    expectRefused(await exchangeRaw(`${projectId}:${cleartext}`), 401, 'E062803');
    await expect(sdk.exchangeAccessKey(cleartext)).rejects.toThrow(/inactive/);
    expect((await sdk.management.accessKey.activate(id)).ok).toBe(true);
    await expect(sdk.exchangeAccessKey(cleartext)).resolves.toBeDefined();
  });

  it('a deleted key', async () => {
    const { id, cleartext } = await createKey();
    expect((await sdk.management.accessKey.delete(id)).ok).toBe(true);
    expectRefused(await exchangeRaw(`${projectId}:${cleartext}`), 401, 'E062803');
  });

  it('the old cleartext of a rotated key', async () => {
    const { id, cleartext } = await createKey();
    const rotated = await sdk.management.accessKey.rotate(id);
    expectRefused(await exchangeRaw(`${projectId}:${cleartext}`), 401, 'E062803');
    await expect(sdk.exchangeAccessKey(rotated.data!.cleartext)).resolves.toBeDefined();
  });

  it('a key whose permitted IPs leave out the caller (127.0.0.1)', async () => {
    const { cleartext } = await createKey({ permittedIps: ['10.0.0.0/8', '::1', '192.168.1.7'] });
    const answer = await exchangeRaw(`${projectId}:${cleartext}`);
    expect(expectRefused(answer, 401, 'E062803').errorMessage).toMatch(/not permitted from 127\.0\.0\.1/);
    await expect(sdk.exchangeAccessKey(cleartext)).rejects.toThrow(/not permitted/);
  });
});

describe('an access key past its expiry by the server clock', () => {
  it('is exchanged until then and refused after', async () => {
    let clockMs = Date.now() - 3_600_000;
    const pinned = await startMock({ fixtures: 'none' }, { now: () => clockMs });
    try {
      const project = await sessionProject(pinned);
      const client = DescopeClient({ ...project, baseUrl: pinned.url });
      const created = await client.management.accessKey.create('expiring', Math.floor(clockMs / 1000) + 60);
      const { cleartext } = created.data!;
      const bearer = `Bearer ${project.projectId}:${cleartext}`;
      const before = await pinned.http('POST', PATH, { auth: bearer, body: {} });
      expect(before.status).toBe(200);
      clockMs += 61_000;
      const after = await pinned.http('POST', PATH, { auth: bearer, body: {} });
      expect(expectRefused(after, 401, 'E062803').errorMessage).toMatch(/expired/);
      await expect(client.exchangeAccessKey(cleartext)).rejects.toThrow(/expired/);
    } finally {
      await pinned.close();
    }
  });
});
