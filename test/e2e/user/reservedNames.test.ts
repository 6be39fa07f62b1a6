import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, type RawResponse, TEST_PROJECT, useMock } from '../../helpers/mock.js';

const mock = useMock();
const sdk = mock.sdk();
const RESERVED = ['__proto__', 'constructor', 'prototype'] as const;
const ADA = 'ada@example.com';

/** `{ [name]: value }` as an own key, as JSON.parse (and so every SDK's JSON) makes it, even for __proto__. */
const own = (name: string, value: string): Record<string, string> =>
  JSON.parse(`{${JSON.stringify(name)}: ${JSON.stringify(value)}}`);

const expectReserved = (result: { code?: number; error?: unknown } | RawResponse, name: string) =>
  expect(expectRefused(result, 400, 'E011004').errorMessage).toContain(`"${name}"`);

const ada = async () => (await sdk.management.user.load(ADA)).data;

/**
 * Gives the project a definition of that name anyway (as a database from an older version could hold): the
 * values below are then refused for the name itself, not for being undeclared.
 */
const declareAnyway = (name: string) =>
  mock.app.services.store.customAttributes.put(TEST_PROJECT.projectId, {
    name,
    displayName: '',
    type: 'text',
    options: [],
  });

describe('a custom attribute definition', () => {
  it.each(RESERVED)('named %s is refused (E011004), and not created', async (name) => {
    const created = await sdk.management.user.createCustomAttributes([{ name, type: 1 }]);
    expectReserved(created, name);
    const listed = (await sdk.management.user.getCustomAttributes()).data as unknown as { name: string }[];
    expect(listed.map((definition) => definition.name)).not.toContain(name);
  });
});

describe.each(RESERVED)('the reserved name %s as a key', (name) => {
  beforeAll(() => declareAnyway(name));

  it("is refused as a user's custom attribute by create, update, patch, batch and updateCustomAttribute", async () => {
    const before = await ada();
    const attributes = own(name, 'lost');
    const { user } = sdk.management;
    expectReserved(await user.create(`new-${name}@example.com`, { customAttributes: attributes }), name);
    expectReserved(await user.update(ADA, { customAttributes: attributes }), name);
    expectReserved(await user.patch(ADA, { customAttributes: attributes }), name);
    const batch = await user.createBatch([
      { loginId: `batch-${name}@example.com`, customAttributes: attributes },
    ]);
    expectReserved(batch, name);
    expectReserved(await user.updateCustomAttribute(ADA, name, 'lost'), name);
    expect(await ada()).toEqual(before);
    for (const loginId of [`new-${name}@example.com`, `batch-${name}@example.com`]) {
      expectRefused(await user.load(loginId), 404, 'E112102');
    }
  });

  it('is refused in an import file (the file for __proto__, the user for the others)', async () => {
    const file = JSON.stringify([
      { loginId: `imp-${name}@example.com`, customAttributes: own(name, 'lost') },
    ]);
    const result = await sdk.management.user.import('mock', Buffer.from(file).toString('base64'));
    if (name === '__proto__') {
      expectReserved(result, name);
    } else {
      expect(result.data).toEqual({
        users: [],
        failures: [{ user: `imp-${name}@example.com`, reason: expect.stringContaining(`"${name}"`) }],
      });
    }
    expectRefused(await sdk.management.user.load(`imp-${name}@example.com`), 404, 'E112102');
  });

  it('is refused as a key of any other map: tenant and access key attributes, claims, search filters', async () => {
    const map = own(name, 'x');
    const { management } = sdk;
    expectReserved(await management.tenant.create(`Tenant ${name}`, [], map), name);
    expectReserved(
      await management.accessKey.create(`Key ${name}`, 0, [], [], undefined, undefined, undefined, [], map),
      name,
    );
    expectReserved(await management.accessKey.searchAll([], undefined, undefined, map), name);
    expectReserved(await management.user.search({ customAttributes: map }), name);
    expectReserved(await management.user.generateEmbeddedLink(ADA, map), name);
    expect((await management.tenant.loadAll()).data?.map((tenant) => tenant.name)).not.toContain(
      `Tenant ${name}`,
    );
  });

  it('pollutes no prototype', () => {
    expect(({} as Record<string, unknown>).lost).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
