import { describe, expect, it } from 'vitest';
import { expectDescopeError, expectRefused, useMock } from '../../helpers/mock.js';
import { expectedUser, expectUser, loaded, type Outcome } from '../../helpers/user.js';

/** update/name, update/picture, update/status, update/recovery/*, update/impersonationConsent (4.9, 3.3, 3.5). */

const mock = useMock();
const sdk = mock.sdk();

let counter = 0;
/** A fresh user with every name field set, so each test starts from a known state. */
async function namedUser() {
  counter += 1;
  const loginId = `named-${counter}`;
  const result = await sdk.management.user.create(loginId, {
    displayName: 'Full Name',
    givenName: 'Given',
    middleName: 'Middle',
    familyName: 'Family',
  });
  return { loginId, user: result.data as unknown as Record<string, unknown> & { userId: string } };
}

const rejected = (result: Outcome, code: string) => {
  expect(result.ok).toBe(false);
  expect(result.code).toBe(400);
  expectDescopeError(result.error, code);
};

describe('update/name: management.user.updateDisplayName / updateUserNames', () => {
  it('sets only the display name when only it is sent', async () => {
    const { loginId, user } = await namedUser();
    const result = await sdk.management.user.updateDisplayName(loginId, 'New Name');
    expect(result.code).toBe(200);
    const expected = { ...user, name: 'New Name' };
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, loginId), expected);
  });

  it('sets the parts without rebuilding the name (the Java live suite)', async () => {
    const { loginId, user } = await namedUser();
    const result = await sdk.management.user.updateUserNames(loginId, 'G2', 'M2', 'F2');
    const expected = { ...user, givenName: 'G2', middleName: 'M2', familyName: 'F2' };
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, loginId), expected);
  });

  it('clears a field sent as "" and keeps the absent ones, selected by user ID', async () => {
    const { loginId, user } = await namedUser();
    const result = await sdk.management.user.updateDisplayName(user.userId, '', undefined, '');
    const expected = { ...user, name: '', middleName: '' };
    expectUser(result.data, expected);
    expectUser(await loaded(sdk, loginId), expected);
  });

  it('accepts the name and identifier aliases, and treats null as absent (raw HTTP)', async () => {
    const { loginId, user } = await namedUser();
    const raw = await mock.http('POST', '/v1/mgmt/user/update/name', {
      body: { identifier: loginId, name: 'Alias Name', givenName: null, familyName: '' },
    });
    expect(raw.status).toBe(200);
    expect(raw.body.created).toBe(false);
    const expected = { ...user, name: 'Alias Name', familyName: '' };
    expectUser(raw.body.user, expected);
    expectUser(await loaded(sdk, loginId), expected);
  });

  it('refuses a wrong type with E011001 and changes nothing', async () => {
    const { loginId, user } = await namedUser();
    const raw = await mock.http('POST', '/v1/mgmt/user/update/name', { body: { loginId, givenName: 7 } });
    expectRefused(raw, 400, 'E011001');
    expectUser(await loaded(sdk, loginId), user);
  });
});

describe('update/picture: management.user.updatePicture', () => {
  it('sets the picture, and "" removes it', async () => {
    const { loginId, user } = await namedUser();
    const set = await sdk.management.user.updatePicture(loginId, 'https://example.com/a.png');
    expectUser(set.data, { ...user, picture: 'https://example.com/a.png' });
    expect(await loaded(sdk, loginId)).toMatchObject({ picture: 'https://example.com/a.png' });
    const cleared = await sdk.management.user.updatePicture(user.userId, '');
    expectUser(cleared.data, user);
    expectUser(await loaded(sdk, loginId), user);
  });
});

describe('update/status: management.user.activate / deactivate', () => {
  it('enables straight from invited, then disables, persisting each', async () => {
    const { loginId, user } = await namedUser();
    expect(user.status).toBe('invited');
    expectUser((await sdk.management.user.activate(loginId)).data, { ...user, status: 'enabled' });
    expect(await loaded(sdk, loginId)).toMatchObject({ status: 'enabled' });
    expectUser((await sdk.management.user.deactivate(user.userId)).data, { ...user, status: 'disabled' });
    expect(await loaded(sdk, loginId)).toMatchObject({ status: 'disabled' });
  });

  it('accepts invited over raw HTTP; refuses expired or unknown (E011004) and a missing status (E011002)', async () => {
    const { loginId, user } = await namedUser();
    await sdk.management.user.activate(loginId);
    const invited = await mock.http('POST', '/v1/mgmt/user/update/status', {
      body: { loginId, status: 'invited' },
    });
    expectUser(invited.body.user, user);
    for (const status of ['expired', 'active']) {
      const bad = await mock.http('POST', '/v1/mgmt/user/update/status', { body: { loginId, status } });
      expectRefused(bad, 400, 'E011004');
    }
    const none = await mock.http('POST', '/v1/mgmt/user/update/status', { body: { loginId, status: null } });
    expectRefused(none, 400, 'E011002');
    expectUser(await loaded(sdk, loginId), user);
  });
});

describe('update/recovery/email and update/recovery/phone', () => {
  it('sets each value with its verified flag, normalising the phone; "" clears value and flag', async () => {
    const { loginId, user } = await namedUser();
    const email = await sdk.management.user.updateRecoveryEmail(loginId, 'backup@example.com', true);
    expectUser(email.data, { ...user, recoveryEmail: 'backup@example.com', verifiedRecoveryEmail: true });
    const phone = await sdk.management.user.updateRecoveryPhone(user.userId, '+1 555-555-9999');
    const expected = {
      ...user,
      recoveryEmail: 'backup@example.com',
      verifiedRecoveryEmail: true,
      recoveryPhone: '+15555559999',
      verifiedRecoveryPhone: false,
    };
    expectUser(phone.data, expected);
    expectUser(await loaded(sdk, loginId), expected);
    await sdk.management.user.updateRecoveryEmail(loginId, '', true);
    expect(await loaded(sdk, loginId)).toMatchObject({ recoveryEmail: '', verifiedRecoveryEmail: false });
  });

  it('refuses a malformed value with 400 E011004 and changes nothing', async () => {
    const { loginId, user } = await namedUser();
    rejected(await sdk.management.user.updateRecoveryEmail(loginId, 'nope', true), 'E011004');
    rejected(await sdk.management.user.updateRecoveryPhone(loginId, 'call me', true), 'E011004');
    expectUser(await loaded(sdk, loginId), user);
  });
});

describe('update/impersonationConsent (raw HTTP: no Node SDK method)', () => {
  it('grants consent for N seconds from now and withdraws it with 0', async () => {
    const { loginId, user } = await namedUser();
    const before = Math.floor(Date.now() / 1000);
    const raw = await mock.http('POST', '/v1/mgmt/user/update/impersonationConsent', {
      body: { loginId, impersonationConsent: 3600 },
    });
    const after = Math.ceil(Date.now() / 1000);
    expect(raw.status).toBe(200);
    const expiration = raw.body.user.consentExpiration;
    expect(expiration).toBeGreaterThanOrEqual(before + 3600);
    expect(expiration).toBeLessThanOrEqual(after + 3600);
    expectUser(raw.body.user, { ...user, consentExpiration: expiration });
    expect(await loaded(sdk, loginId)).toMatchObject({ consentExpiration: expiration });

    const withdrawn = await mock.http('POST', '/v1/mgmt/user/update/impersonationConsent', {
      body: { identifier: user.userId, impersonationConsent: 0 },
    });
    expectUser(withdrawn.body.user, user);
    expectUser(await loaded(sdk, loginId), user);
  });

  it('refuses a negative duration (E011004) and a wrong type (E011001)', async () => {
    const { loginId, user } = await namedUser();
    const path = '/v1/mgmt/user/update/impersonationConsent';
    const negative = await mock.http('POST', path, { body: { loginId, impersonationConsent: -5 } });
    expectRefused(negative, 400, 'E011004');
    const typed = await mock.http('POST', path, { body: { loginId, impersonationConsent: 'soon' } });
    expectRefused(typed, 400, 'E011001');
    expectUser(await loaded(sdk, loginId), user);
  });
});

it('a fresh named user carries every other default', async () => {
  const { user } = await namedUser();
  expectUser(
    user,
    expectedUser([`named-${counter}`], {
      name: 'Full Name',
      givenName: 'Given',
      middleName: 'Middle',
      familyName: 'Family',
    }),
  );
});
