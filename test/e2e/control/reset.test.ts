import { describe, expect, it } from 'vitest';
import { expectRefused, OTHER_PROJECT, TEST_PROJECT, useMock } from '../../helpers/mock.js';

const mock = useMock();

describe('POST /_mock/reset', () => {
  it('puts every fixture project back as the fixtures describe it', async () => {
    const test = mock.sdk();
    const other = mock.sdk(OTHER_PROJECT);
    expect((await test.management.user.create('extra@example.com')).ok).toBe(true);
    expect((await test.management.user.updateDisplayName('ada@example.com', 'Changed')).ok).toBe(true);
    expect((await other.management.user.delete('other@example.com')).ok).toBe(true);

    const reset = await mock.control('POST', '/_mock/reset', {});
    expect(reset.status).toBe(200);
    expect(reset.body.projectIds).toEqual(
      expect.arrayContaining([TEST_PROJECT.projectId, OTHER_PROJECT.projectId]),
    );

    expect((await test.management.user.load('extra@example.com')).code).toBe(404);
    const ada = await test.management.user.load('ada@example.com');
    expect(ada.data).toMatchObject({ userId: 'U2Ada0000000000000000000000', name: 'Ada Lovelace' });
    expect((await other.management.user.load('other@example.com')).ok).toBe(true);
  });

  it('resets only the project named, leaving the others as they are', async () => {
    const test = mock.sdk();
    const other = mock.sdk(OTHER_PROJECT);
    await test.management.user.create('kept@example.com');
    await other.management.user.create('dropped@example.com');

    const reset = await mock.control('POST', '/_mock/reset', { projectId: OTHER_PROJECT.projectId });
    expect(reset.body).toEqual({ projectIds: [OTHER_PROJECT.projectId] });
    expect((await other.management.user.load('dropped@example.com')).code).toBe(404);
    expect((await test.management.user.load('kept@example.com')).ok).toBe(true);
  });

  it('puts a project made through POST /_mock/projects back to its own seed, with the same key', async () => {
    const created = await mock.control('POST', '/_mock/projects', {
      users: [{ loginId: 'seeded@example.com' }],
    });
    const sdk = mock.sdk(created.body);
    await sdk.management.user.delete('seeded@example.com');
    await sdk.management.user.create('later@example.com');

    await mock.control('POST', '/_mock/reset', { projectId: created.body.projectId });
    expect((await sdk.management.user.load('seeded@example.com')).ok).toBe(true);
    expect((await sdk.management.user.load('later@example.com')).code).toBe(404);
  });

  it('empties the outbox of the project it resets', async () => {
    mock.app.services.store.outbox.add(TEST_PROJECT.projectId, {
      createdMs: Date.now(),
      kind: 'otp',
      loginId: 'ada@example.com',
      userId: 'U2Ada0000000000000000000000',
      deliveryMethod: 'email',
      token: '123456',
      expiresMs: 0,
      payload: {},
    });
    await mock.control('POST', '/_mock/reset', { projectId: TEST_PROJECT.projectId });
    const outbox = await mock.control('GET', `/_mock/projects/${TEST_PROJECT.projectId}/outbox`);
    expect(outbox.body).toEqual({ messages: [], total: 0 });
  });

  it('answers 404 with the error body for an unknown project, changing nothing', async () => {
    await mock.sdk().management.user.create('stays@example.com');
    const missing = await mock.control('POST', '/_mock/reset', { projectId: 'P2Unknown' });
    expectRefused(missing, 404, 'E000404');
    expect((await mock.sdk().management.user.load('stays@example.com')).ok).toBe(true);
  });

  it('answers 400 with the error body for a wrong type', async () => {
    const refused = await mock.control('POST', '/_mock/reset', { projectId: 7 });
    expectRefused(refused, 400, 'E011001');
  });
});
