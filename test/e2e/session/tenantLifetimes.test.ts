import { beforeAll, describe, expect, it } from 'vitest';
import { type Sdk, useMock } from '../../helpers/mock.js';
import { decoded, mint, sessionProject } from '../../helpers/session.js';

/**
 * A tenant's session settings (`management.tenant.configureSettings`, enabled) set the lifetimes of the
 * sessions in that tenant (`dct`), minted, signed in or refreshed; other sessions keep the project's.
 */

const mock = useMock({ fixtures: 'none' });
let projectId: string;
let sdk: Sdk;

beforeAll(async () => {
  const credentials = await sessionProject(mock);
  projectId = credentials.projectId;
  sdk = mock.sdk(credentials);
  const configured = await sdk.management.tenant.configureSettings('T2Acme', {
    selfProvisioningDomains: [],
    enabled: true,
    sessionTokenExpiration: 5,
    sessionTokenExpirationUnit: 'minutes',
    refreshTokenExpiration: 2,
    refreshTokenExpirationUnit: 'days',
  });
  expect(configured.ok).toBe(true);
});

const lifetimes = (jwt: string) => {
  const { exp, iat } = decoded(jwt).claims;
  return exp - iat;
};

describe("a tenant's session settings", () => {
  it('set the lifetimes of a session in the tenant, and only there', async () => {
    const inAcme = (await mint(mock, projectId, { loginId: 'ada@example.com', tenantId: 'T2Acme' })).body;
    expect(lifetimes(inAcme.sessionJwt)).toBe(300);
    expect(lifetimes(inAcme.refreshJwt)).toBe(2 * 86_400);
    const inGlobex = (await mint(mock, projectId, { loginId: 'ada@example.com', tenantId: 'T2Globex' })).body;
    expect(lifetimes(inGlobex.sessionJwt)).toBe(600);
    const nowhere = (await mint(mock, projectId, { loginId: 'ada@example.com' })).body;
    expect(lifetimes(nowhere.refreshJwt)).toBe(28 * 86_400);
  });

  it('hold for a management sign-in and a tenant selection into the tenant', async () => {
    const signedIn = await sdk.management.jwt.signIn('ada@example.com', { tenantId: 'T2Acme' } as never);
    expect(lifetimes(signedIn.data?.sessionJwt as string)).toBe(300);
    const plain = (await mint(mock, projectId, { loginId: 'ada@example.com' })).body;
    const selected = await sdk.selectTenant('T2Acme', plain.refreshJwt);
    expect(decoded(selected.data?.sessionJwt as string).claims.dct).toBe('T2Acme');
    expect(lifetimes(selected.data?.sessionJwt as string)).toBe(300);
    expect(lifetimes(selected.data?.refreshJwt as string)).toBe(2 * 86_400);
  });

  it('stop applying once the tenant turns its session management off', async () => {
    await sdk.management.tenant.configureSettings('T2Acme', { selfProvisioningDomains: [], enabled: false });
    const inAcme = (await mint(mock, projectId, { loginId: 'ada@example.com', tenantId: 'T2Acme' })).body;
    expect(lifetimes(inAcme.sessionJwt)).toBe(600);
  });
});
