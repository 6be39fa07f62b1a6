import { describe, expect, it } from 'vitest';
import { TEST_PROJECT, useMock } from '../../helpers/mock.js';

const lines: string[] = [];
// The most verbose level, written where the test can read it.
const mock = useMock({ logLevel: 'trace' }, { logStream: { write: (line: string) => lines.push(line) } });

describe('logs', () => {
  it('never contain the authorization header, whatever the request', async () => {
    const good = `Bearer ${TEST_PROJECT.projectId}:${TEST_PROJECT.managementKey}`;
    await mock.http('POST', '/v1/mgmt/user/update/name', {
      body: { loginId: 'ada@example.com', displayName: 'Logged' },
      auth: good,
    });
    await mock.http('POST', '/v1/mgmt/user/update/name', { rawBody: '{"broken', auth: good });
    await mock.http('GET', '/v1/mgmt/user?loginId=nobody', {
      auth: `Bearer ${TEST_PROJECT.projectId}:K2SecretWrongKey`,
    });
    await mock.http('GET', '/v1/mgmt/not/emulated', {
      auth: `Bearer ${TEST_PROJECT.projectId}:K2SecretWrongKey`,
    });
    await mock.sdk().management.user.load('ada@example.com');

    // The requests were logged (so the check below reads real output)…
    const requests = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'request');
    expect(requests.map((entry) => entry.statusCode)).toEqual(expect.arrayContaining([200, 400, 401]));
    // …and no line holds a key or the header.
    const all = lines.join('');
    expect(all).not.toContain(TEST_PROJECT.managementKey);
    expect(all).not.toContain('K2SecretWrongKey');
    expect(all).not.toMatch(/bearer/i);
  });
});
