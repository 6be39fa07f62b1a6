import { beforeAll, describe, expect, it } from 'vitest';
import { CARL_ID, mgmtJwtProject } from '../../helpers/mgmtJwt.js';
import { expectDescopeError, type Sdk, useMock } from '../../helpers/mock.js';

/** `management.jwt.signUp` and `signUpOrIn` (`POST /v1/mgmt/auth/signup`, `/signup-in`). */

const mock = useMock({ fixtures: 'none' });
let projectId: string;
let sdk: Sdk;
let auth: string;

beforeAll(async () => {
  ({ projectId, sdk, auth } = await mgmtJwtProject(mock));
});

describe('signUp', () => {
  it('creates the user, enabled, and signs them in: firstSeen, a login-history row, a valid session', async () => {
    const { data, ok } = await sdk.management.jwt.signUp(
      'dora@example.com',
      { name: 'Dora Explorer', givenName: 'Dora', email: 'dora@example.com', phone: '+1-555-555-0100' },
      { customClaims: { plan: 'trial' }, refreshDuration: 7200 },
    );
    expect(ok).toBe(true);
    expect(data?.firstSeen).toBe(true);
    const userId = data?.user?.userId as string;
    expect(userId).toMatch(/^U2[A-Za-z0-9]{26}$/);
    const session = await sdk.validateSession(data?.sessionJwt as string);
    expect(session.token).toMatchObject({
      sub: userId,
      iss: projectId,
      drn: 'DS',
      amr: ['email'],
      plan: 'trial',
    });
    const refresh = await sdk.validateJwt(data?.refreshJwt as string);
    expect((refresh.token.exp as number) - (refresh.token.iat as number)).toBe(7200);

    const loaded = await sdk.management.user.load('dora@example.com');
    expect(loaded.data).toEqual(data?.user);
    expect(loaded.data).toMatchObject({
      userId,
      loginIds: ['dora@example.com'],
      name: 'Dora Explorer',
      givenName: 'Dora',
      email: 'dora@example.com',
      phone: '+15555550100',
      status: 'enabled',
      // A sign-up verifies nothing unless it says so.
      verifiedEmail: false,
      verifiedPhone: false,
    });
    expect((await sdk.management.user.history([userId])).data).toHaveLength(1);
  });

  it('keeps the verified flags the request gives (Node user.verified…, Go root emailVerified)', async () => {
    const node = await sdk.management.jwt.signUp('erin@example.com', {
      email: 'erin@example.com',
      verifiedEmail: true,
    });
    expect(node.data?.user?.verifiedEmail).toBe(true);
    const go = await mock.http('POST', '/v1/mgmt/auth/signup', {
      auth,
      body: { loginId: '+15555550101', user: { phone: '+15555550101' }, phoneVerified: true },
    });
    expect(go.status).toBe(200);
    expect(go.body.user).toMatchObject({ phone: '+15555550101', verifiedPhone: true });
  });

  it('refuses a login ID already in use: 400 E062107, creating nothing', async () => {
    const response = await mock.http('POST', '/v1/mgmt/auth/signup', {
      auth,
      body: { loginId: 'carl@example.com', user: { name: 'Impostor' } },
    });
    expect(response.status).toBe(400);
    expectDescopeError(response.body, 'E062107');
    const { error } = await sdk.management.jwt.signUp('carl@example.com');
    expect(error?.errorCode).toBe('E062107');
    expect((await sdk.management.user.load('carl@example.com')).data?.name).toBe('');
    expect((await sdk.management.user.history([CARL_ID])).data).toEqual([]);
  });

  it('refuses a reserved custom claim or no login ID, creating nothing', async () => {
    const reserved = await mock.http('POST', '/v1/mgmt/auth/signup', {
      auth,
      body: { loginId: 'frank@example.com', customClaims: { danu: false } },
    });
    expect(reserved.status).toBe(400);
    expectDescopeError(reserved.body, 'E011004');
    expect((await sdk.management.user.load('frank@example.com')).ok).toBe(false);
    const none = await mock.http('POST', '/v1/mgmt/auth/signup', { auth, body: { user: { name: 'x' } } });
    expect(none.status).toBe(400);
    expectDescopeError(none.body, 'E011002');
  });
});

describe('signUpOrIn', () => {
  it('signs up a new login ID (firstSeen true)', async () => {
    const { data } = await sdk.management.jwt.signUpOrIn('gail@example.com', { name: 'Gail' });
    expect(data?.firstSeen).toBe(true);
    expect(data?.user).toMatchObject({ name: 'Gail', status: 'enabled' });
  });

  it('signs in an existing user, whose details stay as they were', async () => {
    const { data } = await sdk.management.jwt.signUpOrIn('ada@example.com', { name: 'Not Ada' });
    expect(data?.user?.name).toBe('');
    expect(data?.user?.loginIds).toEqual(['ada@example.com']);
    expect((await sdk.validateSession(data?.sessionJwt as string)).token.roles).toEqual([
      'Viewer',
      'Auditor',
    ]);
    const again = await sdk.management.jwt.signUpOrIn('ada@example.com');
    expect(again.data?.firstSeen).toBe(false);
  });

  it('refuses a disabled existing user: 400 E011004', async () => {
    const response = await mock.http('POST', '/v1/mgmt/auth/signup-in', {
      auth,
      body: { loginId: 'eve@example.com' },
    });
    expect(response.status).toBe(400);
    expectDescopeError(response.body, 'E011004');
  });
});
