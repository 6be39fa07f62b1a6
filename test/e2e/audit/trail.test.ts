import DescopeClient from '@descope/node-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectDescopeError, useMock } from '../../helpers/mock.js';
import { sessionProject } from '../../helpers/session.js';
import { lastSent } from '../../helpers/signIn.js';

/**
 * The audit trail the mock writes itself (descope-mgmt-more.md §5), read back through the official SDK's
 * `management.audit.*`: a management sequence and a sign-in give Descope's events in order, a refused code
 * writes LoginFailed, and `createEvent` checks what the Go SDK checks.
 */

const mock = useMock({ fixtures: 'none' });
const KEY = 'K2AuditTrailSecretKey0000000';
let projectId: string;
let sdk: ReturnType<typeof DescopeClient>;

beforeAll(async () => {
  const created = await sessionProject(mock, {
    name: 'Audit',
    managementKeys: [KEY],
    tenants: [{ id: 'T2Acme', name: 'Acme' }],
  });
  projectId = created.projectId;
  sdk = DescopeClient({ projectId, managementKey: KEY, baseUrl: mock.url });
});

const newestFirst = async (loginId: string) => {
  const found = await sdk.management.audit.searchAll({ loginIds: [loginId] });
  expect(found.ok).toBe(true);
  return found.data as { audits: Record<string, any>[]; total: number };
};

describe('the events of a user, from creation to deletion', () => {
  it('create, update name, OTP sign-in, delete: four events, newest first, with Descope fields', async () => {
    const { management } = sdk;
    const created = await management.user.create('ada@example.com', {
      email: 'ada@example.com',
      userTenants: [{ tenantId: 'T2Acme', roleNames: [] }],
    });
    const userId = created.data?.userId as string;
    await management.user.updateDisplayName('ada@example.com', 'Ada Lovelace');
    const client = DescopeClient({ projectId, baseUrl: mock.url });
    await client.otp.signIn.email('ada@example.com');
    const code = (await lastSent(mock, projectId, 'otp', 'ada@example.com')).token;
    expect((await client.otp.verify.email('ada@example.com', code)).ok).toBe(true);
    await management.user.delete('ada@example.com');

    const { audits, total } = await newestFirst('ada@example.com');
    expect(audits.map((audit) => audit.action)).toEqual([
      'UserDeleted',
      'LoginSucceed',
      'UserModified',
      'UserCreated',
    ]);
    expect(total).toBe(4);
    const [deleted, login, modified, creation] = audits as Record<string, any>[];
    expect(creation).toMatchObject({
      projectId,
      userId,
      loginIds: ['ada@example.com'],
      tenants: ['T2Acme'],
      type: 'info',
      remoteAddress: '127.0.0.1',
      device: '',
      method: '',
    });
    expect(typeof creation?.occurred).toBe('number');
    expect(creation?.ID).toMatch(/^[A-Za-z0-9]{28}$/);
    expect(modified).toMatchObject({ userId, data: { displayName: 'Ada Lovelace' } });
    expect(login).toMatchObject({ userId, actorId: userId, method: 'OTP', tenants: ['T2Acme'] });
    expect(deleted).toMatchObject({ action: 'UserDeleted', loginIds: ['ada@example.com'] });
    // Management calls name the key by an ID that is not the key.
    expect(creation?.actorId).toMatch(/^K2[0-9a-f]{26}$/);
    expect(deleted?.actorId).toBe(creation?.actorId);
    expect(JSON.stringify(audits)).not.toContain(KEY);
  });

  it('answers occurred as a string of epoch ms on the wire', async () => {
    const raw = await mock.http('POST', '/v1/mgmt/audit/search', {
      auth: `Bearer ${projectId}:${KEY}`,
      body: { actions: ['UserCreated'] },
    });
    expect(raw.status).toBe(200);
    const [first] = raw.body.audits;
    expect(first.occurred).toMatch(/^\d{13}$/);
    expect(first.externalIds).toEqual(['ada@example.com']);
    expect(raw.body.total).toBe(1);
  });
});

describe('sign-ins', () => {
  it('writes LoginFailed (warn, error_message) for a wrong OTP code, though the call fails', async () => {
    await sdk.management.user.create('bob@example.com', { email: 'bob@example.com' });
    const client = DescopeClient({ projectId, baseUrl: mock.url });
    await client.otp.signIn.email('bob@example.com');
    const code = (await lastSent(mock, projectId, 'otp', 'bob@example.com')).token;
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await client.otp.verify.email('bob@example.com', wrong)).ok).toBe(false);
    const [failed] = (await newestFirst('bob@example.com')).audits;
    expect(failed).toMatchObject({
      action: 'LoginFailed',
      type: 'warn',
      method: 'OTP',
      loginIds: ['bob@example.com'],
      data: { error_message: expect.stringContaining('code') },
    });
  });

  it('writes LoginSucceed with method Management for jwt.signIn, and Impersonate for impersonation', async () => {
    const { management } = sdk;
    await management.user.create('carol@example.com', { email: 'carol@example.com' });
    expect((await management.jwt.signIn('carol@example.com')).ok).toBe(true);
    const [login] = (await newestFirst('carol@example.com')).audits;
    expect(login).toMatchObject({ action: 'LoginSucceed', method: 'Management' });
    expect(login?.actorId).toBe(login?.userId);

    await management.role.create('Impersonator', 'may impersonate', ['Impersonate']);
    const support = await management.user.create('support@example.com', { roles: ['Impersonator'] });
    const impersonated = await management.jwt.impersonate(
      support.data?.userId as string,
      'carol@example.com',
      false,
    );
    expect(impersonated.ok).toBe(true);
    const [impersonation] = (await newestFirst('carol@example.com')).audits;
    expect(impersonation).toMatchObject({
      action: 'LoginSucceed',
      method: 'Impersonate',
      userId: login?.userId,
      data: { impersonator_id: support.data?.userId },
    });
  });
});

describe('createEvent', () => {
  it('adds an event of the caller, searchable by its tenant and actor', async () => {
    const added = await sdk.management.audit.createEvent({
      action: 'InvoicePaid',
      type: 'info',
      actorId: 'billing-service',
      tenantId: 'T2Acme',
      userId: 'U2Someone',
      data: { amount: 42 },
    });
    expect(added.ok).toBe(true);
    const found = await sdk.management.audit.search({ actorIds: ['billing-service'] } as never);
    expect(found.data).toEqual([
      expect.objectContaining({
        action: 'InvoicePaid',
        tenants: ['T2Acme'],
        userId: 'U2Someone',
        data: { amount: 42 },
        type: 'info',
      }),
    ]);
  });

  it.each([
    [{ type: 'info', actorId: 'a', tenantId: 'T2Acme' }, 'E011002'],
    [{ action: 'A', type: 'info', actorId: 'a' }, 'E011002'],
    [{ action: 'A', type: 'info', tenantId: 'T2Acme' }, 'E011002'],
    [{ action: 'A', actorId: 'a', tenantId: 'T2Acme' }, 'E011002'],
    [{ action: 'A', type: 'notice', actorId: 'a', tenantId: 'T2Acme' }, 'E011004'],
    [
      { action: 'A', type: 'info', actorId: 'a', tenantId: 'T2Acme', data: { big: 'x'.repeat(20_000) } },
      'E011004',
    ],
    [{ action: 'A'.repeat(2_000), type: 'info', actorId: 'a', tenantId: 'T2Acme' }, 'E011004'],
    [{ action: 'A', type: 'info', actorId: 'a'.repeat(2_000), tenantId: 'T2Acme' }, 'E011004'],
  ])('refuses %j with %s', async (event, code) => {
    const refused = await mock.http('POST', '/v1/mgmt/audit/event', {
      auth: `Bearer ${projectId}:${KEY}`,
      body: event,
    });
    expect(refused.status).toBe(400);
    expectDescopeError(refused.body, code);
  });
});

describe('createAuditWebhook', () => {
  it('keeps the webhook and answers {}', async () => {
    const set = await sdk.management.audit.createAuditWebhook({
      name: 'siem',
      url: 'https://siem.example.com/hook',
    } as never);
    expect(set.ok).toBe(true);
    expect(mock.app.services.store.audit.webhooks(projectId)).toEqual([
      { name: 'siem', url: 'https://siem.example.com/hook' },
    ]);
    const unnamed = await mock.http('POST', '/v2/mgmt/connector/audit/web/set', {
      auth: `Bearer ${projectId}:${KEY}`,
      body: { url: 'https://x.example.com' },
    });
    expectDescopeError(unnamed.body, 'E011002');
  });

  it('bounds what it keeps: 16 KiB a webhook, 100 a project (a kept name is replaced)', async () => {
    const set = (body: object) =>
      mock.http('POST', '/v2/mgmt/connector/audit/web/set', { auth: `Bearer ${projectId}:${KEY}`, body });
    expectDescopeError(
      (await set({ name: 'huge', url: `https://x.example/${'p'.repeat(20_000)}` })).body,
      'E011004',
    );
    for (let n = mock.app.services.store.audit.webhooks(projectId).length; n < 100; n++) {
      expect((await set({ name: `hook-${n}` })).status).toBe(200);
    }
    expectDescopeError((await set({ name: 'one-too-many' })).body, 'E011004');
    expect((await set({ name: 'siem', url: 'https://siem.example.com/v2' })).status).toBe(200);
    expect(mock.app.services.store.audit.webhooks(projectId)).toHaveLength(100);
  });
});

describe('reset', () => {
  it('clears the trail: it is history, not in the seed', async () => {
    expect((await mock.control('POST', '/_mock/reset', { projectId })).status).toBe(200);
    const found = await sdk.management.audit.searchAll({});
    expect(found.data).toEqual({ audits: [], total: 0 });
  });
});
