import { describe, expect, it } from 'vitest';
import { expectRefused, useMock } from '../../helpers/mock.js';

/** Requests read as Descope's gateway reads proto3 JSON (src/http/normalise.ts), over raw HTTP. */

const mock = useMock();

describe('proto3 JSON on every Descope path', () => {
  it('accepts proto (snake_case) names in a query string too', async () => {
    const loaded = await mock.http('GET', '/v1/mgmt/user?login_id=ada%40example.com');
    expect(loaded.status).toBe(200);
    expect(loaded.body.user.loginIds).toEqual(['ada@example.com']);
  });

  it('keeps a null inside a map, where it means "remove this attribute", under either spelling', async () => {
    const set = await mock.http('PATCH', '/v1/mgmt/user/patch', {
      body: { login_id: 'ada@example.com', custom_attributes: { seats: 3, nickname: 'A' } },
    });
    expect(set.body.user.customAttributes).toEqual({ seats: 3, nickname: 'A' });
    const removed = await mock.http('PATCH', '/v1/mgmt/user/patch', {
      body: {
        login_id: 'ada@example.com',
        custom_attributes: { seats: null },
        given_name: null,
        family_name: 'K',
      },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.user).toMatchObject({ customAttributes: { nickname: 'A' }, familyName: 'K' });
  });

  it('drops nulls inside the objects of a list (user tenants of a batch) and in nested messages', async () => {
    const created = await mock.http('POST', '/v1/mgmt/user/create/batch', {
      body: {
        users: [
          {
            login_id: 'nested@example.com',
            user_tenants: [{ tenant_id: 'T2Acme', role_names: null }],
            phone: null,
            custom_attributes: null,
          },
        ],
      },
    });
    expect(created.status).toBe(200);
    expect(created.body.createdUsers[0]).toMatchObject({
      loginIds: ['nested@example.com'],
      phone: '',
      userTenants: [{ tenantId: 'T2Acme', roleNames: [] }],
    });
  });

  it("leaves the mock's own control plane to its own names", async () => {
    const refused = await mock.control('POST', '/_mock/faults', { error_code: 'E011001' });
    expectRefused(refused, 400, 'E011004');
  });
});
