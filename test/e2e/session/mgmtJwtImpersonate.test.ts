import { beforeAll, describe, expect, it } from 'vitest';
import { ACME_ADMIN_ID, CARL_ID, mgmtJwtProject, SUPPORT_ID } from '../../helpers/mgmtJwt.js';
import { expectDescopeError, type Sdk, useMock } from '../../helpers/mock.js';
import { ADA_ID, decoded } from '../../helpers/session.js';

/**
 * `management.jwt.impersonate`, `impersonateStepup` and `stopImpersonation`: refresh tokens naming the
 * impersonator in `act`, the `Impersonate` permission, consent.
 */

const mock = useMock({ fixtures: 'none' });
let sdk: Sdk;
let auth: string;

beforeAll(async () => {
  ({ sdk, auth } = await mgmtJwtProject(mock));
});

const post = (path: string, body: Record<string, unknown>) => mock.http('POST', path, { auth, body });

describe('impersonate', () => {
  it("answers a refresh token of the impersonated user, naming the impersonator in act; the user's history untouched", async () => {
    const { data, ok } = await sdk.management.jwt.impersonate(SUPPORT_ID, 'ada@example.com', false);
    expect(ok).toBe(true);
    expect(Object.keys(data ?? {})).toEqual(['jwt']);
    const { token } = await sdk.validateJwt(data?.jwt as string);
    expect(token).toMatchObject({
      sub: ADA_ID,
      drn: 'DSR',
      act: { sub: SUPPORT_ID },
      roles: ['Viewer', 'Auditor'],
    });
    expect(token.su).toBeUndefined();
    expect(token.amr).toBeUndefined();
    expect((await sdk.management.user.history([ADA_ID])).data).toEqual([]);
  });

  it('takes the impersonator by login ID too, with custom claims, a tenant and a refresh lifetime', async () => {
    const { data } = await sdk.management.jwt.impersonate(
      'support@example.com',
      ADA_ID,
      false,
      { ticket: 'SUP-1' },
      'T2Acme',
      900,
    );
    const claims = decoded(data?.jwt as string).claims;
    expect(claims).toMatchObject({ sub: ADA_ID, act: { sub: SUPPORT_ID }, ticket: 'SUP-1', dct: 'T2Acme' });
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('lets a tenant-level Impersonate reach a member of that tenant only', async () => {
    const { data } = await sdk.management.jwt.impersonate(ACME_ADMIN_ID, 'ada@example.com', false);
    expect(decoded(data?.jwt as string).claims.act).toEqual({ sub: ACME_ADMIN_ID });
    const outside = await post('/v1/mgmt/impersonate', {
      impersonatorId: ACME_ADMIN_ID,
      loginId: 'carl@example.com',
      validateConsent: false,
    });
    expect(outside.status).toBe(400);
    expect(expectDescopeError(outside.body, 'E011004').errorMessage).toContain('Impersonate');
  });

  it('impersonateStepup adds su:true', async () => {
    const { data } = await sdk.management.jwt.impersonateStepup(SUPPORT_ID, 'carl@example.com', false);
    const { token } = await sdk.validateJwt(data?.jwt as string);
    expect(token).toMatchObject({ sub: CARL_ID, act: { sub: SUPPORT_ID }, su: true });
  });

  it("validateConsent needs the user's running consent (update/impersonationConsent)", async () => {
    const body = { impersonatorId: SUPPORT_ID, loginId: 'carl@example.com', validateConsent: true };
    const refused = await post('/v1/mgmt/impersonate', body);
    expect(refused.status).toBe(400);
    expect(expectDescopeError(refused.body, 'E011004').errorMessage).toContain('consent');
    const consent = await post('/v1/mgmt/user/update/impersonationConsent', {
      loginId: 'carl@example.com',
      impersonationConsent: 3600,
    });
    expect(consent.status).toBe(200);
    const { data, ok } = await sdk.management.jwt.impersonate(SUPPORT_ID, 'carl@example.com', true);
    expect(ok).toBe(true);
    expect(decoded(data?.jwt as string).claims.sub).toBe(CARL_ID);
  });
});

describe('impersonate refuses', () => {
  it('an impersonator without the Impersonate permission: 400 E011004', async () => {
    const { ok, error } = await sdk.management.jwt.impersonate(CARL_ID, 'ada@example.com', false);
    expect(ok).toBe(false);
    expect(error?.errorCode).toBe('E011004');
  });

  it('an unknown user or impersonator: 404 E112102; none named: 400 E011002', async () => {
    for (const body of [
      { impersonatorId: SUPPORT_ID, loginId: 'nobody@example.com' },
      { impersonatorId: 'U2Nobody', loginId: 'ada@example.com' },
    ]) {
      const response = await post('/v1/mgmt/impersonate', body);
      expect(response.status).toBe(404);
      expectDescopeError(response.body, 'E112102');
    }
    const none = await post('/v1/mgmt/impersonate/stepup', { impersonatorId: SUPPORT_ID });
    expect(none.status).toBe(400);
    expectDescopeError(none.body, 'E011002');
  });

  it('a disabled user to impersonate, or a reserved custom claim: 400 E011004', async () => {
    for (const body of [
      { impersonatorId: SUPPORT_ID, loginId: 'eve@example.com' },
      { impersonatorId: SUPPORT_ID, loginId: 'ada@example.com', customClaims: { act: { sub: 'x' } } },
    ]) {
      const response = await post('/v1/mgmt/impersonate', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expectDescopeError(response.body, 'E011004');
    }
  });
});

describe('stopImpersonation', () => {
  it("answers the impersonator's refresh token, without act", async () => {
    const impersonation = await sdk.management.jwt.impersonate(SUPPORT_ID, 'ada@example.com', false);
    const { data, ok } = await sdk.management.jwt.stopImpersonation(
      impersonation.data?.jwt as string,
      { back: true },
      undefined,
      600,
    );
    expect(ok).toBe(true);
    const { token } = await sdk.validateJwt(data?.jwt as string);
    expect(token).toMatchObject({ sub: SUPPORT_ID, drn: 'DSR', roles: ['Tenant Admin'], back: true });
    expect(token.act).toBeUndefined();
    expect((token.exp as number) - (token.iat as number)).toBe(600);
  });

  it('refuses a token without act, a bad token, no token: 400', async () => {
    const plain = (await sdk.management.jwt.signIn('carl@example.com')).data?.refreshJwt;
    const noAct = await post('/v1/mgmt/stop/impersonation', { jwt: plain });
    expect(noAct.status).toBe(400);
    expect(expectDescopeError(noAct.body, 'E011004').errorMessage).toContain('act');
    const bad = await post('/v1/mgmt/stop/impersonation', { jwt: `${plain}x` });
    expect(bad.status).toBe(400);
    expectDescopeError(bad.body, 'E011004');
    const none = await post('/v1/mgmt/stop/impersonation', {});
    expect(none.status).toBe(400);
    expectDescopeError(none.body, 'E011002');
  });
});
