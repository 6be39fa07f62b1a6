import { describe, expect, it } from 'vitest';
import { expectRefused, OTHER_PROJECT, TEST_PROJECT, useMock } from '../../helpers/mock.js';

const mock = useMock();

const outbox = (projectId: string) => mock.control('GET', `/_mock/projects/${projectId}/outbox`);

describe('GET /_mock/projects/:projectId/outbox', () => {
  it('lists what Descope would have sent, oldest first, with time, kind, login ID and delivery method', async () => {
    const sdk = mock.sdk();
    expect((await sdk.management.user.createTestUser('tester@example.com')).ok).toBe(true);
    const otp = await sdk.management.user.generateOTPForTestUser('sms', 'tester@example.com');
    const link = await sdk.management.user.generateEmbeddedLink('tester@example.com');
    expect(otp.ok && link.ok).toBe(true);

    const { status, body } = await outbox(TEST_PROJECT.projectId);
    expect(status).toBe(200);
    expect(body.messages).toHaveLength(2);
    const [code, embedded] = body.messages;
    expect(code).toMatchObject({
      kind: 'otp',
      loginId: 'tester@example.com',
      deliveryMethod: 'sms',
      token: otp.data?.code,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(embedded).toMatchObject({
      kind: 'embeddedlink',
      loginId: 'tester@example.com',
      token: link.data?.token,
    });
    expect(embedded.id).toBeGreaterThan(code.id);
  });

  it('answers the newest `limit` messages, still oldest first, with the total the project keeps', async () => {
    const sdk = mock.sdk();
    const sent: string[] = [];
    for (const loginId of ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com']) {
      expect((await sdk.management.user.createTestUser(loginId)).ok).toBe(true);
      const otp = await sdk.management.user.generateOTPForTestUser('email', loginId);
      sent.push(otp.data?.code as string);
    }
    const all = (await outbox(TEST_PROJECT.projectId)).body;
    const { status, body } = await mock.control(
      'GET',
      `/_mock/projects/${TEST_PROJECT.projectId}/outbox?limit=2`,
    );
    expect(status).toBe(200);
    expect(body.total).toBe(all.messages.length);
    expect(body.messages).toEqual(all.messages.slice(-2));
    expect(body.messages.map((message: { token: string }) => message.token)).toEqual(sent.slice(-2));
    for (const limit of ['0', '-1', 'many', '10001']) {
      const refused = await mock.control(
        'GET',
        `/_mock/projects/${TEST_PROJECT.projectId}/outbox?limit=${limit}`,
      );
      expect(refused.status, limit).toBe(400);
      expect(refused.body.errorCode, limit).toMatch(/^E0110/);
    }
  });

  it('shows one project only', async () => {
    const { body } = await outbox(OTHER_PROJECT.projectId);
    expect(body).toEqual({ messages: [], total: 0 });
  });

  it('answers 404 for an unknown project', async () => {
    const missing = await outbox('P2Unknown');
    expectRefused(missing, 404, 'E000404');
  });
});
