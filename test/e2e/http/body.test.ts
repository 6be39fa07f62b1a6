import { describe, expect, it } from 'vitest';
import { expectDescopeError, expectRefused, TEST_PROJECT, useMock } from '../../helpers/mock.js';

const AUTH = `Bearer ${TEST_PROJECT.projectId}:${TEST_PROJECT.managementKey}`;
const ADA = 'ada@example.com';

const mock = useMock();

/** Ada as stored: every refused request below must leave her exactly as she was. */
async function ada(): Promise<any> {
  const loaded = await mock.http('GET', `/v1/mgmt/user?loginId=${encodeURIComponent(ADA)}`);
  expect(loaded.status).toBe(200);
  return loaded.body.user;
}

/** POSTs a raw body to update/name with the given content type. */
async function postRaw(body: string, contentType = 'application/json') {
  const response = await fetch(`${mock.url}/v1/mgmt/user/update/name`, {
    method: 'POST',
    headers: { authorization: AUTH, 'content-type': contentType },
    body,
  });
  return { status: response.status, body: await response.json() };
}

describe('request bodies no SDK sends', () => {
  it.each([
    [
      'malformed JSON',
      '{"loginId": "ada@example.com", "displayName":',
      'E011001',
      /^Request is malformed: the body is not valid JSON/,
    ],
    [
      'a wrong type',
      '{"loginId": "ada@example.com", "displayName": 5}',
      'E011001',
      /^The displayName field has the wrong type/,
    ],
    ['an array', '[{"loginId": "ada@example.com"}]', 'E011001', /^The request body must be a JSON object/],
    ['a string', '"ada@example.com"', 'E011001', /^The request body must be a JSON object/],
    ['a number', '42', 'E011001', /^The request body must be a JSON object/],
    ['a missing key', '{"displayName": "Nobody"}', 'E011002', /^The loginId field is required$/],
    ['an empty body', '', 'E011002', /^The loginId field is required$/],
    [
      'a bad value',
      '{"loginId": "ada@example.com", "phone": "call me"}',
      'E011004',
      /^The phone field is not a valid phone number$/,
    ],
  ])('answers 400 with Descope’s body for %s, and changes nothing', async (_name, body, code, message) => {
    const before = await ada();
    const path = code === 'E011004' ? '/v1/mgmt/user/update/phone' : '/v1/mgmt/user/update/name';
    const response = await mock.http('POST', path, { rawBody: body });
    expect(response.status).toBe(400);
    expect(expectDescopeError(response.body, code).errorMessage).toMatch(message);
    expect(await ada()).toEqual(before);
  });

  it('reads the body as JSON whatever the content type, as the real gateway does', async () => {
    const plain = await postRaw(
      JSON.stringify({ loginId: ADA, displayName: 'Ada (text/plain)' }),
      'text/plain',
    );
    expect(plain.status).toBe(200);
    expect(plain.body.user.name).toBe('Ada (text/plain)');
    const form = await postRaw(
      'loginId=ada%40example.com&displayName=Form',
      'application/x-www-form-urlencoded',
    );
    expectRefused(form, 400, 'E011001');
    expect((await ada()).name).toBe('Ada (text/plain)');
  });

  it('refuses __proto__ and constructor.prototype keys at any depth (E011004), polluting nothing', async () => {
    const bodies = [
      '{"loginId":"proto@example.com","__proto__":{"polluted":true}}',
      '{"loginId":"proto@example.com","constructor":{"prototype":{"polluted":true}}}',
      '{"loginId":"proto@example.com","customAttributes":{"__proto__":{"polluted":true},"nickname":"P"}}',
      '{"loginId":"proto@example.com","userTenants":[{"tenantId":"T1","\\u005f_proto__":{"polluted":true}}]}',
    ];
    for (const rawBody of bodies) {
      const refused = await mock.http('POST', '/v1/mgmt/user/create', { rawBody });
      expect(expectRefused(refused, 400, 'E011004').errorMessage).toMatch(/"__proto__".*reserved/);
    }
    expect(({} as any).polluted).toBeUndefined();
    const loaded = await mock.http('GET', '/v1/mgmt/user?loginId=proto%40example.com');
    expectRefused(loaded, 404, 'E112102');
  });

  it('keeps a very long string as given', async () => {
    const long = 'é'.repeat(200_000);
    const response = await mock.http('POST', '/v1/mgmt/user/update/name', {
      body: { loginId: ADA, displayName: long },
    });
    expect(response.status).toBe(200);
    expect((await ada()).name).toBe(long);
  });

  it('survives deeply nested JSON: up to 256 levels read, deeper refused before parsing', async () => {
    const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const ignored = await mock.http('POST', '/v1/mgmt/user/update/name', {
      rawBody: `{"loginId":"${ADA}","displayName":"Deep","extra":${deep(255)}}`,
    });
    expect(ignored.status).toBe(200);
    const typed = await mock.http('POST', '/v1/mgmt/user/update/name', {
      rawBody: `{"loginId":"${ADA}","givenName":${deep(200)}}`,
    });
    expect(expectRefused(typed, 400, 'E011001').errorMessage).toMatch(
      /^The givenName field has the wrong type/,
    );
    for (const depth of [257, 1_000_000]) {
      const refused = await mock.http('POST', '/v1/mgmt/user/update/name', {
        rawBody: `{"loginId":"${ADA}","displayName":"Too deep","extra":${deep(depth)}}`,
      });
      expect(expectRefused(refused, 400, 'E011001').errorMessage).toBe(
        'Request is malformed: JSON nested deeper than 256 levels',
      );
    }
    // Brackets inside strings are text, not nesting.
    const inString = await mock.http('POST', '/v1/mgmt/user/update/name', {
      body: { loginId: ADA, displayName: `Deep ${'[{'.repeat(1000)} " ]` },
    });
    expect(inString.status).toBe(200);
    expect((await ada()).name).toBe(`Deep ${'[{'.repeat(1000)} " ]`);
  });

  it('answers 413 for a body over 4 MiB, then keeps serving', async () => {
    const response = await mock.http('POST', '/v1/mgmt/user/update/name', {
      body: { loginId: ADA, displayName: 'x'.repeat(4 * 1024 * 1024) },
    });
    expectRefused(response, 413, 'E011001');
    expect((await ada()).name).not.toMatch(/^x+$/);
    expect((await mock.http('GET', '/_mock/health')).body).toEqual({ status: 'ok' });
  });
});
