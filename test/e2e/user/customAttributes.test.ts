import type { CustomAttribute } from '@descope/node-sdk';
import { describe, expect, it } from 'vitest';
import { expectDescopeError, expectRefused, TEST_PROJECT, useMock } from '../../helpers/mock.js';
import { loaded } from '../../helpers/user.js';

/** Custom attribute definitions: get, create and delete (descope-api.md 4.13). */

const mock = useMock();
const sdk = mock.sdk();

const wire = (name: string, type: number, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  options: [],
  displayName: '',
  defaultValue: null,
  viewPermissions: [],
  editPermissions: [],
  editable: true,
  ...extra,
});

describe('management.user.getCustomAttributes', () => {
  it("lists the fixture's definitions with every field; total is a string", async () => {
    const raw = await mock.http('GET', '/v1/mgmt/user/customattributes');
    expect(raw.status).toBe(200);
    expect(raw.body.total).toBe('6');
    expect(raw.body.data.map((a: { name: string; type: number }) => [a.name, a.type])).toEqual([
      ['plan', 4],
      ['seats', 2],
      ['beta', 3],
      ['nickname', 1],
      ['teams', 5],
      ['renewal', 6],
    ]);
    const result = await sdk.management.user.getCustomAttributes();
    expect(result.data?.[0]).toEqual(
      wire('plan', 4, {
        options: [
          { value: 'free', label: 'Free' },
          { value: 'pro', label: 'Pro' },
        ],
      }),
    );
  });
});

describe('management.user.createCustomAttributes', () => {
  it('creates definitions usable on users and answers the full list', async () => {
    const result = await sdk.management.user.createCustomAttributes([
      { name: 'region', type: 4, displayName: 'Region', options: [{ value: 'eu', label: 'EU' }] },
      { name: 'score', type: 2, viewPermissions: ['User Admin'] },
    ]);
    expect(result.error).toBeUndefined();
    expect(result.data?.slice(-2)).toEqual([
      wire('region', 4, { displayName: 'Region', options: [{ value: 'eu', label: 'EU' }] }),
      wire('score', 2, { viewPermissions: ['User Admin'] }),
    ]);
    expect((await sdk.management.user.getCustomAttributes()).data).toHaveLength(8);
    // create answers CustomAttributesResponse in full, with its int64 total as a string, as the list does.
    const raw = await mock.http('POST', '/v1/mgmt/user/customattribute/create', {
      body: { attributes: [{ name: 'score', type: 2 }] },
    });
    expect(raw.body.total).toBe('8');
    expect(raw.body.data).toHaveLength(8);
    const user = await sdk.management.user.create('attr@example.com', {
      customAttributes: { region: 'eu', score: 7 },
    });
    expect(user.data?.customAttributes).toEqual({ region: 'eu', score: 7 });
    const refused = await sdk.management.user.patch('attr@example.com', {
      customAttributes: { region: 'us' },
    });
    expectDescopeError(refused.error, 'E011004');
  });

  it('updating a definition keeps its place; a type change, a bad type or no name is refused', async () => {
    const renamed = await sdk.management.user.createCustomAttributes([
      { name: 'seats', type: 2, displayName: 'Seats' },
    ]);
    expect(renamed.data?.[1]).toEqual(wire('seats', 2, { displayName: 'Seats' }));
    for (const [attributes, code] of [
      [[{ name: 'seats', type: 1 }], 'E011004'],
      [[{ name: 'weird', type: 9 }], 'E011004'],
      [[{ type: 1 }], 'E011002'],
    ] as const) {
      const result = await sdk.management.user.createCustomAttributes([...attributes]);
      expect(result.code).toBe(400);
      expectDescopeError(result.error, code);
    }
    const names = (await sdk.management.user.getCustomAttributes()).data?.map((a) => a.name);
    expect(names).not.toContain('weird');
  });
});

describe('editable (in the spec; the Node SDK sends what it is given)', () => {
  it('keeps editable: false from create, answers it on every list, and a redefinition without it is true', async () => {
    const readOnly = { name: 'badge', type: 1, editable: false } as CustomAttribute;
    const created = await sdk.management.user.createCustomAttributes([readOnly]);
    expect(created.data?.at(-1)).toEqual(wire('badge', 1, { editable: false }));
    expect((await sdk.management.user.getCustomAttributes()).data?.at(-1)).toEqual(
      wire('badge', 1, { editable: false }),
    );
    await sdk.management.user.createCustomAttributes([{ name: 'badge', type: 1 }]);
    expect((await sdk.management.user.getCustomAttributes()).data?.at(-1)).toEqual(wire('badge', 1));
  });
});

describe('management.user.deleteCustomAttributes', () => {
  it('removes the definitions and their values from every user, in one go', async () => {
    await sdk.management.user.create('holder1@example.com', {
      customAttributes: { plan: 'pro', beta: true },
    });
    await sdk.management.user.create('holder2@example.com', { customAttributes: { plan: 'free' } });
    const result = await sdk.management.user.deleteCustomAttributes(['plan', 'no-such-attribute']);
    expect(result.error).toBeUndefined();
    expect(result.data?.map((a) => a.name)).not.toContain('plan');
    const raw = await mock.http('POST', '/v1/mgmt/user/customattribute/delete', {
      body: { names: ['renewal'] },
    });
    expect(raw.body.total).toBe(String(raw.body.data.length));
    expect((await sdk.management.user.getCustomAttributes()).data).toHaveLength(raw.body.data.length);
    expect(await loaded(sdk, 'holder1@example.com')).toMatchObject({ customAttributes: { beta: true } });
    expect(await loaded(sdk, 'holder2@example.com')).toMatchObject({ customAttributes: {} });
    // The attribute is gone from the project: setting it is refused now.
    const refused = await sdk.management.user.updateCustomAttribute('holder2@example.com', 'plan', 'pro');
    expectDescopeError(refused.error, 'E011004');
    const stored = mock.app.services.store.users.find(TEST_PROJECT.projectId, 'holder1@example.com');
    expect(stored?.user.customAttributes).toEqual({ beta: true });
  });

  it('an empty list is 400 E011002', async () => {
    const result = await sdk.management.user.deleteCustomAttributes([]);
    expectRefused(result, 400, 'E011002');
  });
});
