import { describe, expect, it } from 'vitest';
import { expectRefused, TEST_PROJECT, useMock } from '../../helpers/mock.js';
import { expectNoUser, loaded } from '../../helpers/user.js';

/** management.user.invite, both call forms (descope-api.md 4.1, 4.2): the user, and the outbox. */

const mock = useMock();
const sdk = mock.sdk();

const invitationsTo = (loginId: string) =>
  mock.app.services.store.outbox
    .list(TEST_PROJECT.projectId)
    .filter((message) => message.kind === 'invitation' && message.loginId === loginId);

describe('management.user.invite', () => {
  it('creates an invited user and records an email invitation with its template keys', async () => {
    const result = await sdk.management.user.invite('gina@example.com', {
      displayName: 'Gina',
      inviteUrl: 'https://app.example.com/invite',
      templateId: 'welcome',
      templateOptions: { team: 'red' },
      locale: 'fr',
    });
    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject({ loginIds: ['gina@example.com'], status: 'invited', name: 'Gina' });
    expect(await loaded(sdk, 'gina@example.com')).toMatchObject({
      email: 'gina@example.com',
      verifiedEmail: true,
    });
    const sent = invitationsTo('gina@example.com');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      deliveryMethod: 'email',
      userId: result.data?.userId,
      payload: {
        to: 'gina@example.com',
        inviteUrl: 'https://app.example.com/invite',
        templateId: 'welcome',
        templateOptions: { team: 'red' },
        locale: 'fr',
      },
    });
  });

  it('positional form: sendSMS sends to the phone, sendMail:false skips the email', async () => {
    const result = await sdk.management.user.invite(
      'hal',
      'hal@example.com',
      '+1 555 555 0100',
      'Hal',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'https://app.example.com/join',
      false,
      true,
    );
    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject({ loginIds: ['hal'], phone: '+15555550100', email: 'hal@example.com' });
    const sent = invitationsTo('hal');
    expect(sent.map((message) => message.deliveryMethod)).toEqual(['sms']);
    expect(sent[0]?.payload).toMatchObject({ to: '+15555550100', inviteUrl: 'https://app.example.com/join' });
  });

  it('a phone login ID is enough, and the invitation goes by SMS', async () => {
    const result = await sdk.management.user.invite('+1-555-555-0101');
    expect(result.error).toBeUndefined();
    expect(invitationsTo('+15555550101').map((message) => message.deliveryMethod)).toEqual(['sms']);
  });

  it('re-invites an existing user by login ID or user ID: created false, nothing else changes', async () => {
    const before = await loaded(sdk, 'ada@example.com');
    const raw = await mock.http('POST', '/v1/mgmt/user/create', {
      body: { loginId: 'ada@example.com', invite: true, displayName: 'Someone Else' },
    });
    expect(raw.status).toBe(200);
    expect(raw.body.created).toBe(false);
    expect(raw.body.user).toEqual(before);
    const byUserId = await sdk.management.user.invite('U2Ada0000000000000000000000', {
      phone: '+15555550199',
    });
    expect(byUserId.error).toBeUndefined();
    expect(await loaded(sdk, 'ada@example.com')).toEqual(before);
    expect(invitationsTo('ada@example.com')).toHaveLength(2);
  });

  it('refuses a user with neither email nor phone (400 E011004) and writes nothing', async () => {
    const result = await sdk.management.user.invite('plainname', { displayName: 'Plain' });
    expectRefused(result, 400, 'E011004');
    expect(result.error?.errorMessage).toMatch(/email or a phone/);
    await expectNoUser(sdk, 'plainname');
    expect(invitationsTo('plainname')).toHaveLength(0);
  });

  it('refuses sendSMS for a user without a phone and creates nothing', async () => {
    const raw = await mock.http('POST', '/v1/mgmt/user/create', {
      body: { loginId: 'ivy@example.com', invite: true, sendSMS: true, sendMail: false },
    });
    expectRefused(raw, 400, 'E011004');
    await expectNoUser(sdk, 'ivy@example.com');
  });
});
