import { describe, expect, it } from 'vitest';
import { DOCS_PATH, OPENAPI_JSON_PATH } from '../../src/openapi.js';
import { expectRefused, useMock } from '../helpers/mock.js';

/**
 * The OpenAPI document and the docs page come from a second Fastify instance built on their first request
 * (src/openapi.ts), so a start of the mock loads neither @fastify/swagger nor @fastify/swagger-ui.
 */

const mock = useMock();

describe('the docs app, built on the first docs request', () => {
  it('is not part of the started mock, which serves the API before any docs request', async () => {
    expect(mock.app.hasPlugin('@fastify/swagger')).toBe(false);
    expect(mock.app.hasPlugin('@fastify/swagger-ui')).toBe(false);
    const created = await mock.sdk().management.user.create('lazy-docs@example.com', { displayName: 'Lazy' });
    expect(created.ok).toBe(true);
    const loaded = await mock.sdk().management.user.load('lazy-docs@example.com');
    expect(loaded.data?.name).toBe('Lazy');
  });

  it('answers the same document on every request, with the API still served after it', async () => {
    const first = await mock.http('GET', OPENAPI_JSON_PATH, { auth: null });
    const second = await mock.http('GET', OPENAPI_JSON_PATH, { auth: null });
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(first.body.paths['/v1/mgmt/user/create']).toBeDefined();
    // The docs app never handles the API: a create after it lands in the mock's own store.
    const created = await mock
      .sdk()
      .management.user.create('after-docs@example.com', { displayName: 'After' });
    expect(created.ok).toBe(true);
    expect((await mock.sdk().management.user.load('after-docs@example.com')).data?.name).toBe('After');
  });

  it("answers a missing docs asset with Descope's error body, as any unknown path", async () => {
    const response = await mock.http('GET', `${DOCS_PATH}/static/no-such-file.js`, { auth: null });
    expectRefused(response, 404, 'E000404');
  });

  it('passes the asset headers through and answers HEAD without a body', async () => {
    const head = await fetch(`${mock.url}${DOCS_PATH}/static/swagger-ui.css`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toContain('text/css');
    expect(await head.text()).toBe('');
    const get = await fetch(`${mock.url}${DOCS_PATH}/static/swagger-ui.css`);
    expect(get.headers.get('content-type')).toContain('text/css');
    expect(Number(get.headers.get('content-length'))).toBe((await get.arrayBuffer()).byteLength);
  });
});
