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

  it('shows one project only', async () => {
    const { body } = await outbox(OTHER_PROJECT.projectId);
    expect(body).toEqual({ messages: [] });
  });

  it('answers 404 for an unknown project', async () => {
    const missing = await outbox('P2Unknown');
    expectRefused(missing, 404, 'E000404');
  });
});
