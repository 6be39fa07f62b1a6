import { describe, expect, it } from 'vitest';
import { MASK, mask, maskUrl, type RecordedRequest, RequestJournal } from '../../../src/harness/journal.js';

const request = (overrides: Partial<RecordedRequest> = {}): RecordedRequest => ({
  timeMs: 1_700_000_000_000,
  method: 'GET',
  path: '/v1/mgmt/user',
  query: {},
  projectId: 'P2A',
  status: 200,
  durationMs: 1,
  requestBody: {},
  requestBytes: 2,
  responsePayload: '{}',
  ...overrides,
});

describe('RequestJournal', () => {
  it('keeps the newest entries of a full ring, oldest first, with IDs that keep counting', () => {
    const journal = new RequestJournal(3);
    for (let i = 1; i <= 7; i += 1) journal.record(request({ status: 200 + i }));
    expect(journal.list().map((entry) => [entry.id, entry.status])).toEqual([
      [5, 205],
      [6, 206],
      [7, 207],
    ]);
  });

  it('records nothing with a size of 0', () => {
    const journal = new RequestJournal(0);
    journal.record(request());
    expect(journal.list()).toEqual([]);
  });

  it('keeps references and serialises on read: the response text is parsed only when listed', () => {
    const journal = new RequestJournal(2);
    const body = { loginId: 'ada@example.com' };
    journal.record(request({ requestBody: body, responsePayload: '{"user":{"name":"Ada"}}' }));
    const [entry] = journal.list();
    expect(entry?.requestBody).toEqual(body);
    expect(entry?.requestBody).not.toBe(body);
    expect(entry?.responseBody).toEqual({ user: { name: 'Ada' } });
    expect(entry?.time).toBe('2023-11-14T22:13:20.000Z');
  });

  it('after a clear lists only what came later', () => {
    const journal = new RequestJournal(5);
    journal.record(request());
    journal.clear();
    journal.record(request({ status: 404 }));
    expect(journal.list().map((entry) => [entry.id, entry.status])).toEqual([[2, 404]]);
  });

  it('filters on every field, and limit keeps the newest', () => {
    const journal = new RequestJournal(10);
    journal.record(request({ method: 'POST', path: '/v1/mgmt/user/create', timeMs: 1000 }));
    journal.record(request({ projectId: 'P2B', timeMs: 2000 }));
    journal.record(request({ status: 404, timeMs: 3000 }));
    expect(journal.list({ method: 'post' }).map((e) => e.id)).toEqual([1]);
    expect(journal.list({ path: '/v1/mgmt/user/*' }).map((e) => e.id)).toEqual([1]);
    expect(journal.list({ projectId: 'P2B' }).map((e) => e.id)).toEqual([2]);
    expect(journal.list({ status: 404 }).map((e) => e.id)).toEqual([3]);
    expect(journal.list({ sinceMs: 2000 }).map((e) => e.id)).toEqual([2, 3]);
    expect(journal.list({ limit: 2 }).map((e) => e.id)).toEqual([2, 3]);
  });
});

describe('RequestJournal bytes', () => {
  const sized = (requestBytes: number, responseBytes: number, status = 200) =>
    request({ status, requestBytes, responsePayload: `"${'x'.repeat(responseBytes - 2)}"` });

  it('drops the oldest entries while the bodies kept exceed the byte limit', () => {
    // 3200 bytes: each body up to 100 bytes is kept; each entry below counts 50 + 50.
    const journal = new RequestJournal(1000, 3200);
    for (let i = 1; i <= 40; i += 1) journal.record(sized(50, 50, 200 + i));
    expect(journal.list().map((entry) => entry.id)).toEqual(Array.from({ length: 32 }, (_, i) => i + 9));
    expect(journal.usage()).toEqual({
      entries: 32,
      bytes: 3200,
      maxEntries: 1000,
      maxBytes: 3200,
      maxBodyBytes: 100,
    });
  });

  it('keeps a body over the per-body cap as a marker with its size, and counts it as nothing', () => {
    const journal = new RequestJournal(10, 3200);
    journal.record(
      request({ requestBody: { big: true }, requestBytes: 101, responsePayload: `"${'é'.repeat(99)}"` }),
    );
    const [entry] = journal.list();
    expect(entry?.requestBody).toEqual({ truncated: true, bytes: 101 });
    // The marker gives the response's bytes as sent (UTF-8), not its length in characters.
    expect(entry?.responseBody).toEqual({ truncated: true, bytes: 200 });
    expect(journal.usage()).toMatchObject({ entries: 1, bytes: 0 });
  });

  it('still bounds by count, and a clear frees the bytes', () => {
    const journal = new RequestJournal(3, 3200);
    for (let i = 1; i <= 5; i += 1) journal.record(sized(10, 10));
    expect(journal.usage()).toMatchObject({ entries: 3, bytes: 60 });
    journal.clear();
    expect(journal.usage()).toMatchObject({ entries: 0, bytes: 0 });
    journal.record(sized(10, 10));
    expect(journal.list().map((entry) => entry.id)).toEqual([6]);
    expect(journal.usage()).toMatchObject({ entries: 1, bytes: 20 });
  });

  it('with a byte limit of 0 keeps every entry but no body', () => {
    const journal = new RequestJournal(5, 0);
    journal.record(sized(10, 10));
    journal.record(request({ requestBody: undefined, requestBytes: 0, responsePayload: '' }));
    expect(journal.list().map((entry) => [entry.requestBody, entry.responseBody])).toEqual([
      [
        { truncated: true, bytes: 10 },
        { truncated: true, bytes: 10 },
      ],
      [null, ''],
    ]);
  });
});

describe('mask', () => {
  it('hides secrets at any depth and keeps everything else', () => {
    const masked = mask({
      loginId: 'ada@example.com',
      password: 'hunter2',
      newPassword: 'x',
      code: '123456',
      errorCode: 'E011001',
      users: [{ loginId: 'b', hashedPassword: { bcrypt: { hash: 'h' } } }],
      cleartext: 'K2secret',
      token: 't',
      link: 'https://example.com/?t=abc',
      refreshJwt: 'jwt',
      provisioningURL: 'otpauth://totp/P:a?secret=JBSW',
      image: 'iVBORw0KGgo=',
      keyId: 'K2Id',
      user: { password: false, webauthn: true },
    });
    expect(masked).toEqual({
      loginId: 'ada@example.com',
      password: MASK,
      newPassword: MASK,
      code: MASK,
      errorCode: 'E011001',
      users: [{ loginId: 'b', hashedPassword: MASK }],
      cleartext: MASK,
      token: MASK,
      link: MASK,
      refreshJwt: MASK,
      provisioningURL: MASK,
      image: MASK,
      keyId: 'K2Id',
      // The user object's credential flags are booleans, not secrets.
      user: { password: false, webauthn: true },
    });
  });
});

describe('maskUrl', () => {
  it('hides the value of every secret query parameter, by the same rule as bodies', () => {
    expect(maskUrl('/v1/mgmt/user/update/name')).toBe('/v1/mgmt/user/update/name');
    expect(maskUrl('/v1/mgmt/user?loginId=ada%40example.com&password=hunter2&seed=JBSW&p%61ssword=x')).toBe(
      '/v1/mgmt/user?loginId=ada%40example.com&password=***&seed=***&p%61ssword=***',
    );
    expect(maskUrl('/v1/mgmt/user?token=&code&errorCode=E1&keyId=K2')).toBe(
      '/v1/mgmt/user?token=&code&errorCode=E1&keyId=K2',
    );
  });
});

describe('the journal of user/import', () => {
  it('hides its files (cleartext passwords, seeds, hashes), not only keys named like secrets', () => {
    const journal = new RequestJournal(1);
    const body = { source: 'auth0', users: 'W3sicGFzc3dvcmQiOiJ4In1d', hashes: 'e30=', dryrun: true };
    journal.record(request({ method: 'POST', path: '/v1/mgmt/user/import', requestBody: body }));
    expect(journal.list()[0]?.requestBody).toEqual({
      source: 'auth0',
      users: MASK,
      hashes: MASK,
      dryrun: true,
    });
    expect(body.users).toBe('W3sicGFzc3dvcmQiOiJ4In1d');
  });
});
