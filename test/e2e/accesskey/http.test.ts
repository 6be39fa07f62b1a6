import { describe, expect, it } from 'vitest';
import { expectDescopeError, expectRefused, useMock } from '../../helpers/mock.js';

/** What no SDK sends to the tenant, role, permission and access key endpoints, over raw HTTP. */

const mock = useMock();

describe('request decoding', () => {
  it('a wrong type is 400 E011001 and writes nothing', async () => {
    const tenant = await mock.http('POST', '/v1/mgmt/tenant/create', { body: { name: 5 } });
    expectRefused(tenant, 400, 'E011001');
    const role = await mock.http('POST', '/v1/mgmt/role/create', {
      body: { name: 'R', permissionNames: 'x' },
    });
    expectDescopeError(role.body, 'E011001');
    const roles = await mock.http('GET', '/v1/mgmt/role/all');
    expect(roles.body.roles.some((r: { name: string }) => r.name === 'R')).toBe(false);
  });

  it('nulls count as absent and unknown keys are ignored', async () => {
    const created = await mock.http('POST', '/v1/mgmt/tenant/create', {
      body: { name: 'Nullish', parent: null, selfProvisioningDomains: null, futureField: { a: 1 } },
    });
    expect(created.status).toBe(200);
    const loaded = await mock.http('GET', `/v1/mgmt/tenant?id=${created.body.id}`);
    expect(loaded.body).toMatchObject({ name: 'Nullish', parent: '', selfProvisioningDomains: [] });
    expect(loaded.body).not.toHaveProperty('futureField');
  });

  it('an int64 expireTime may come as a numeric string (proto3 JSON), and goes out as a number', async () => {
    const expireTime = Math.floor(Date.now() / 1000) + 600;
    const created = await mock.http('POST', '/v1/mgmt/accesskey/create', {
      body: { name: 'stringy', expireTime: String(expireTime) },
    });
    expect(created.status).toBe(200);
    expect(created.body.key.expireTime).toBe(expireTime);
    const loaded = await mock.http('GET', `/v1/mgmt/accesskey?id=${created.body.key.id}`);
    expect(loaded.body.key.expireTime).toBe(expireTime);
    expect(loaded.body).not.toHaveProperty('cleartext');
  });

  it('an expiry in the past is refused', async () => {
    const past = await mock.http('POST', '/v1/mgmt/accesskey/create', {
      body: { name: 'old', expireTime: 1000 },
    });
    expectRefused(past, 400, 'E011004');
  });

  it('every endpoint needs the management key', async () => {
    const response = await mock.http('GET', '/v1/mgmt/permission/all', { auth: null });
    expect(response.status).toBe(401);
  });
});

describe('accesskey/search sort (in the spec; the Node SDK sends no sort)', () => {
  it('orders by each field in turn, ascending unless desc; refuses an unknown field (E011004)', async () => {
    for (const [name, description] of [
      ['key b', 'same'],
      ['Key a', 'same'],
      ['key c', 'other'],
    ]) {
      const created = await mock.http('POST', '/v1/mgmt/accesskey/create', { body: { name, description } });
      expect(created.status).toBe(200);
    }
    const names = async (sort: unknown) => {
      const found = await mock.http('POST', '/v1/mgmt/accesskey/search', { body: { text: 'key ', sort } });
      expect(found.status).toBe(200);
      return found.body.keys.map((key: { name: string }) => key.name);
    };
    expect(await names([{ field: 'name' }])).toEqual(['Key a', 'key b', 'key c']);
    expect(await names([{ field: 'name', desc: true }])).toEqual(['key c', 'key b', 'Key a']);
    expect(
      await names([
        { field: 'description', desc: true },
        { field: 'name', desc: null },
      ]),
    ).toEqual(['Key a', 'key b', 'key c']);
    const unknown = await mock.http('POST', '/v1/mgmt/accesskey/search', {
      body: { sort: [{ field: 'shoeSize' }] },
    });
    expectRefused(unknown, 400, 'E011004');
  });
});
